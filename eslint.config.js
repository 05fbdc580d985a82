// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole repo: `eslint . --max-warnings 0`. Besides the recommended rules, the
 * layers of the app are enforced here, each with a message that says why:
 *
 *   core/      pure domain code: zod, libphonenumber-js and itself, nothing else
 *   renderer/  the React app: never Node or Electron; main/ and cloud/ for their types only
 *   main/      Node; only main/index.ts and main/shell/ may touch Electron; cloud/ for types
 *              only (its tests may start a real cloud)
 *   preload/   the IPC bridge: electron and trpc-electron only
 */

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** Any `..` path that climbs out of a folder into another top-level layer. */
const intoLayer = (/** @type {string} */ layer) => `^(\\.\\./)+${layer}(/|$)`;

/** core/'s rule; its tests and test helpers may also use the test tools. */
const coreImports = (/** @type {string[]} */ alsoAllowed) => ({
  patterns: [
    {
      // Everything except zod, libphonenumber-js and relative paths (and, in tests, the test tools).
      regex: `^(?!${['zod', 'libphonenumber-js', ...alsoAllowed].map((m) => `${m}(/|$)`).join('|')}|\\.{1,2}/)`,
      message:
        'core/ is pure domain code shared by every runtime: it may import only zod, libphonenumber-js and other files in core/ (no Electron, React, Dexie or Node).',
    },
    {
      regex: intoLayer('(main|renderer|cloud|preload|tests)'),
      message: 'core/ may not reach into other layers: main, renderer, cloud, preload and tests depend on core, never the reverse.',
    },
  ],
});
const coreTestFiles = ['core/**/*.test.ts', 'core/**/test-*.ts'];

const rendererImports = {
  paths: [
    { name: 'electron', message: 'The renderer is a sandboxed web page: it reaches main only through the tRPC client in renderer/src/platform.' },
    { name: 'trpc-electron/main', message: 'trpc-electron/main runs in main and preload; the renderer uses trpc-electron/renderer (see renderer/src/platform).' },
  ],
  patterns: [
    {
      regex: `^(node:|(${nodeBuiltins.join('|')})(/|$))`,
      message: 'The renderer runs in a browser (web mode) and a sandboxed window (Electron): Node modules are not available there.',
    },
    {
      regex: intoLayer('(main|cloud)'),
      allowTypeImports: true,
      message: 'The renderer may import main/ and cloud/ only with `import type` (e.g. AppRouter): their code runs in another process; call it through tRPC.',
    },
    {
      // @trpc/server/observable is the exception: the small client-side Observable that
      // @trpc/client is built on and a custom link (platform/cloud-client.ts) needs.
      regex: '^@trpc/server(?!/observable$)(/|$)',
      allowTypeImports: true,
      message: '@trpc/server is main\'s side of tRPC: the renderer may use its types only (and @trpc/server/observable for links), and calls through @trpc/client.',
    },
  ],
};

/**
 * main/ runs the cloud as a program of its own (out/main/cloud.js) and talks to it over HTTP
 * (main/services/cloud): importing cloud/ code would bundle the server into the desktop app.
 */
const mainNotCloud = {
  regex: intoLayer('cloud'),
  allowTypeImports: true,
  message:
    'main/ reaches the cloud over HTTP (main/services/cloud), never by importing it: that would bundle the cloud server into the app. Types are fine; tests may start a real cloud.',
};
const mainTestFiles = ['main/**/*.test.ts', 'main/**/test-*.ts'];

/** main/'s rule; its tests may also import the cloud to run one. */
const mainImports = (/** @type {boolean} */ mayImportCloud) => ({
  paths: [
    {
      name: 'electron',
      message: 'Only main/index.ts and main/shell/ may import electron: services and the router must run in plain Node (web mode, tests).',
    },
    {
      name: 'trpc-electron/main',
      message: 'trpc-electron/main imports electron: wire IPC in main/index.ts or main/shell/ only.',
    },
  ],
  patterns: [
    {
      regex: intoLayer('renderer'),
      message: 'main/ may not import the renderer: it is browser code; share types through core/ instead.',
    },
    ...(mayImportCloud ? [] : [mainNotCloud]),
  ],
});

const preloadImports = {
  patterns: [
    {
      regex: '^(?!electron$|trpc-electron(/|$))',
      message: 'The preload only exposes the tRPC bridge: it may import electron and trpc-electron, nothing else.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '.rateback-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Unused names are errors, except the deliberate `_ignored` ones.
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The few plain-JS files (this config, scripts) run in Node; TypeScript checks the rest.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // Only says React Compiler would skip a component (e.g. one using useVirtualizer); the
      // app does not run React Compiler, so it is noise under --max-warnings 0.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: coreTestFiles,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', coreImports([])] },
  },
  {
    files: coreTestFiles,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', coreImports(['vitest', 'fast-check'])] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', rendererImports] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/shell/**', ...mainTestFiles],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', mainImports(false)] },
  },
  {
    files: mainTestFiles,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', mainImports(true)] },
  },
  {
    files: ['main/index.ts', 'main/shell/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [mainNotCloud] }] },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', preloadImports] },
  },
);
