import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronChildEnv, findElectronBinary } from './launch/electron-binary';
import { parseWebHostArgs } from './web/cli-args';
import { runWebHost } from './web/run-web-host';

/**
 * Entry of out/main/start.js, run by `npm start` after the build: opens the desktop app when
 * Electron's binary is installed, otherwise serves the same app in web mode. `--web` forces
 * web mode; `--port N` (or PORT) picks the web port.
 */
const appDir = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const cloudScript = fileURLToPath(new URL('./cloud.js', import.meta.url));

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
// Not named `require`: electron-vite already injects a `require` shim into ESM output.
const requireFromHere = createRequire(import.meta.url);
const electron = forceWeb ? null : findElectronBinary(() => requireFromHere('electron') as unknown, existsSync);

if (electron) {
  const child = spawn(electron, [appDir], { stdio: 'inherit', env: electronChildEnv(process.env) });
  // Ctrl+C reaches the child through the terminal; SIGTERM from a service manager does not.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error('Rateback: could not start Electron:', error.message);
    process.exit(1);
  });
} else {
  if (!forceWeb) console.log("Electron's binary is not installed on this machine, so Rateback runs in web mode.");
  let port: number;
  try {
    ({ port } = parseWebHostArgs(args.filter((a) => a !== '--web'), process.env));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  runWebHost({ port, rendererDir, cloudScript, env: process.env, log: (line) => console.log(line) }).catch((error: unknown) => {
    console.error('Rateback: the web host could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
