import { version } from '../package.json';

/**
 * The app's version outside Electron (web mode). The bundler inlines this one field of
 * package.json at build time, so the built host does not read package.json at run time.
 */
export const APP_VERSION: string = version;
