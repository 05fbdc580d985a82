import type { TRPCLink } from '@trpc/client';
import { ipcLink } from 'trpc-electron/renderer';
import type { AppRouter } from '../../../main/router/app-router';

/** Electron: every call goes over IPC through the preload's `electronTRPC` bridge. */
export function electronLink(): TRPCLink<AppRouter> {
  return ipcLink<AppRouter>();
}

/** The preload (preload/index.ts) defines this global; a plain browser does not. */
export function hasElectronBridge(): boolean {
  return 'electronTRPC' in globalThis;
}
