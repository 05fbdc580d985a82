import { fileURLToPath } from 'node:url';
import { parseWebHostArgs } from './cli-args';
import { runWebHost } from './run-web-host';

/**
 * Entry of out/main/web-host.js: `node out/main/web-host.js [--port N]`. The renderer is
 * found next to this built file (out/main/ → out/renderer/), wherever the app is checked out.
 */
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const cloudScript = fileURLToPath(new URL('./cloud.js', import.meta.url));

let port: number;
try {
  ({ port } = parseWebHostArgs(process.argv.slice(2), process.env));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

runWebHost({ port, rendererDir, cloudScript, env: process.env, log: (line) => console.log(line) }).catch((error: unknown) => {
  console.error('Rateback: the web host could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
