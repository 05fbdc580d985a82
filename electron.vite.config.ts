import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// One alias for every runtime: core/ is pure and shared by main, preload and renderer.
const alias = { '@core': resolve(import.meta.dirname, 'core') };

// The benchmark page is built only for `npm run bench`, never into the shipped app.
const withBench = process.env['RATEBACK_BENCH'] === '1';

/**
 * The cloud reads its SQL migrations from a `migrations` folder beside its code
 * (cloud/db/migrate.ts, `import.meta.dirname`). Bundled, that code is out/main/cloud.js, so
 * the files go to out/main/migrations.
 */
function cloudMigrations(): Plugin {
  const dir = resolve(import.meta.dirname, 'cloud/db/migrations');
  return {
    name: 'rateback-cloud-migrations',
    generateBundle() {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
        this.emitFile({ type: 'asset', fileName: `migrations/${name}`, source: readFileSync(resolve(dir, name), 'utf8') });
      }
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [cloudMigrations()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell.
          index: resolve(import.meta.dirname, 'main/index.ts'),
          // `npm start`: opens Electron when its binary exists, else serves web mode.
          start: resolve(import.meta.dirname, 'main/start.ts'),
          // The Node host that serves the renderer and main's router over HTTP (web mode).
          'web-host': resolve(import.meta.dirname, 'main/web/host-cli.ts'),
          // The cloud, run by `npm run cloud` and as the local cloud beside the app.
          cloud: resolve(import.meta.dirname, 'cloud/main.ts'),
          // `npm run bench` only: the cloud's benchmark (out/main/cloud-bench.js), in plain Node.
          ...(withBench ? { 'cloud-bench': resolve(import.meta.dirname, 'tests/bench/cloud/run.ts') } : {}),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed window can only load a CommonJS preload with everything bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          ...(withBench
            ? { bench: resolve(import.meta.dirname, 'renderer/bench.html'), 'cloud-bench': resolve(import.meta.dirname, 'renderer/cloud-bench.html') }
            : {}),
        },
      },
    },
  },
});
