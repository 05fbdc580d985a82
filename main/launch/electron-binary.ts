/**
 * Finds Electron's executable the way its own npm package reports it: requiring 'electron'
 * from plain Node returns the binary's path (read from node_modules/electron/path.txt, which
 * its postinstall writes after downloading), and throws when the binary was never downloaded
 * (ELECTRON_SKIP_BINARY_DOWNLOAD, no internet). A path that is set but missing on disk counts
 * as absent too.
 *
 * Both side effects are passed in so this is testable without Electron.
 */
export function findElectronBinary(requireElectron: () => unknown, exists: (path: string) => boolean): string | null {
  let path: unknown;
  try {
    path = requireElectron();
  } catch {
    return null;
  }
  return typeof path === 'string' && path !== '' && exists(path) ? path : null;
}

/**
 * The environment for the Electron child. ELECTRON_RUN_AS_NODE (set by some editors and
 * tools) would make the binary behave as plain Node and ignore the app.
 */
export function electronChildEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') child[key] = value;
  }
  return child;
}
