import { posix, win32 } from 'node:path';

export interface DataDirInputs {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
}

/**
 * Where this device's files live outside Electron (web mode, scripts). `RATEBACK_DATA_DIR`
 * wins, so tests and a second copy of the app can use their own folder; otherwise the OS's
 * usual place for per-user app data. The Electron shell uses app.getPath('userData') instead.
 *
 * Pure: the environment, platform and home folder are passed in, so every OS can be tested
 * on any OS (Windows paths are built with path.win32).
 */
export function resolveDataDir({ env, platform, homedir }: DataDirInputs): string {
  const path = platform === 'win32' ? win32 : posix;

  const override = env['RATEBACK_DATA_DIR']?.trim();
  if (override) return path.resolve(override);

  switch (platform) {
    case 'win32':
      return path.join(nonEmpty(env['APPDATA']) ?? path.join(homedir, 'AppData', 'Roaming'), 'Rateback');
    case 'darwin':
      return path.join(homedir, 'Library', 'Application Support', 'Rateback');
    default: {
      // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
      const xdg = nonEmpty(env['XDG_DATA_HOME']);
      const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir, '.local', 'share');
      return path.join(base, 'rateback');
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
