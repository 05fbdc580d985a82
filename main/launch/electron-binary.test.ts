import { describe, expect, it } from 'vitest';
import { electronChildEnv, findElectronBinary } from './electron-binary';

describe('findElectronBinary', () => {
  it('returns the path the electron package reports when that file exists', () => {
    expect(findElectronBinary(() => '/app/node_modules/electron/dist/electron', () => true)).toBe('/app/node_modules/electron/dist/electron');
  });

  it('returns null when requiring electron throws (binary never downloaded)', () => {
    const notInstalled = () => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
    };
    expect(findElectronBinary(notInstalled, () => true)).toBeNull();
  });

  it('returns null when the reported path is missing or not a path', () => {
    expect(findElectronBinary(() => '/gone/electron', () => false)).toBeNull();
    expect(findElectronBinary(() => ({}), () => true)).toBeNull();
    expect(findElectronBinary(() => '', () => true)).toBeNull();
  });
});

describe('electronChildEnv', () => {
  it('drops ELECTRON_RUN_AS_NODE and undefined values, keeps the rest', () => {
    expect(electronChildEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', EMPTY: undefined })).toEqual({ PATH: '/bin' });
  });
});
