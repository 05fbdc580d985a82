import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One alias for every runtime: core/ is pure and shared by main, preload and renderer.
const alias = { '@core': resolve(import.meta.dirname, 'core') };

// The benchmark page is built only for `npm run bench`, never into the shipped app.
const withBench = process.env['RATEBACK_BENCH'] === '1';

export default defineConfig({
  main: {
    resolve: { alias },
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
          ...(withBench ? { bench: resolve(import.meta.dirname, 'renderer/bench.html') } : {}),
        },
      },
    },
  },
});
