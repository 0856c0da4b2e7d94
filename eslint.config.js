// Lint is where the layer rules live (STYLE.md): a forbidden import fails the build,
// it is not left to review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Package names, matched exactly (with any subpath). Plain gitignore-style patterns would also
// match our own folders: 'crypto' would forbid '../shared/crypto'.
const nodeBuiltins = ['node:.+', 'fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'url', 'util', 'buffer', 'worker_threads', 'module'];
const react = ['react', 'react-dom', 'react-hook-form', 'react-i18next', '@hookform/[^/]+'];
const dexie = ['dexie', 'dexie-react-hooks'];
const electron = ['electron'];

/** Forbids importing any of `packages` (or their subpaths) with a message naming the boundary. */
function forbid(packages, why) {
  return ['error', { patterns: [{ regex: `^(${packages.join('|')})(/.*)?$`, message: why }] }];
}

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, ...react, ...dexie, ...electron, 'playwright-core', 'vitest'],
        'shared/ runs anywhere: no Node, DOM, Electron, React or Dexie here.',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', 'self'].map((name) => ({
          name,
          message: 'shared/ runs anywhere: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid([...nodeBuiltins, ...electron], 'renderer/ reaches the desktop only through the platform port.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': forbid([...react, ...dexie], 'electron/ never touches React or the vault database.'),
    },
  },
  {
    // Only the composition root and adapters may touch Electron itself (STYLE.md habit 5).
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts', 'electron/main/adapters/**'],
    rules: {
      'no-restricted-imports': forbid(
        [...react, ...dexie, ...electron],
        'main-process logic takes Electron capabilities as parameters; only main.ts and adapters/ import electron.',
      ),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'cli/**/*.ts', 'build/**/*.{js,cjs,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  {
    // electron-builder loads its hooks with require(); CommonJS is the right format there.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
