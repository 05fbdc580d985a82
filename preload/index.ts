import { exposeElectronTRPC } from 'trpc-electron/main';

// The renderer's only door to main: the typed tRPC bridge. Nothing else is exposed.
exposeElectronTRPC();
