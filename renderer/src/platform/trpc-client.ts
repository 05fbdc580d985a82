import { createTRPCClient, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../../main/router/app-router';
import { electronLink, hasElectronBridge } from './link.electron';
import { webLink } from './link.web';

export type MainClient = TRPCClient<AppRouter>;

/**
 * The client for main's router, whichever shell hosts the page: IPC inside Electron, HTTP in
 * web mode. Features never ask which; they get this client (or `useTRPC()`) and call it.
 */
export function createMainClient(): MainClient {
  return createTRPCClient<AppRouter>({
    links: [hasElectronBridge() ? electronLink() : webLink()],
  });
}
