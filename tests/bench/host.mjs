import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Copies the built host and renderer (out/main, out/renderer) into a folder of their own, so a
 * rebuild of out/ by anyone else during the run cannot swap the app under the benchmark. The
 * copy stays inside the repo (under the gitignored bench-results/) so the host still finds
 * node_modules and package.json's "type": "module". Returns the folder; delete it afterwards.
 */
export function snapshotBuild() {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'bench.html'))) {
    throw new Error('out/renderer/bench.html is missing: out/ was built without RATEBACK_BENCH=1 (run `npm run bench`, which builds it)');
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'bench-results', '.build-'));
  for (const part of ['main', 'renderer']) cpSync(join(ROOT, 'out', part), join(dir, part), { recursive: true });
  return dir;
}

/**
 * Starts the built web host (<buildDir>/main/web-host.js, see snapshotBuild) on a free port
 * with its own data folder and resolves once it prints its address. `stop()` ends that
 * process only.
 */
export function startWebHost(buildDir, dataDir, { timeoutMs = 30_000 } = {}) {
  const child = spawn(process.execPath, [join(buildDir, 'main', 'web-host.js'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, RATEBACK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let output = '';
  child.stderr.on('data', (chunk) => process.stderr.write(`[web-host] ${chunk}`));

  const url = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host printed no address within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Rateback \(web mode\) at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited (${code ?? signal}) before printing its address:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return url.then(
    (address) => ({ url: address, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}
