import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@core': resolve(import.meta.dirname, 'core') } },
  test: {
    include: ['core/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'cloud/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Cloud tests open PGlite (Postgres in WebAssembly: seconds to start, more on a busy
    // 2-core machine) in beforeAll hooks.
    hookTimeout: 60_000,
  },
});
