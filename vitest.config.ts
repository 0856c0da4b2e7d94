// Three test tiers, each in the cheapest runtime that can host it (DESIGN.md §12).
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { rendererDefine } from './renderer.config.ts';
import { chromiumArgs, chromiumPath } from './tests/chromium.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/node/**/*.test.ts'],
          // CPU-bound property tests and whole-tree scans: on a busy 2-core machine the 5 s default
          // turns a slow run into a failure. Speed is the bench's business, never a test's.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        define: rendererDefine,
        // Pre-bundle up front: a mid-run re-optimisation reloads the page and fails a file.
        optimizeDeps: {
          include: [
            'react',
            'react-dom/client',
            'react/jsx-dev-runtime',
            'i18next',
            'react-i18next',
            'zod',
            'vitest-browser-react',
            'dexie',
            'libsodium-wrappers-sumo',
            'comlink',
            'react-hook-form',
            '@hookform/resolvers/zod',
            'minisearch',
            'pdfjs-dist',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/serve-web-build.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Packaging tier: only `npm run dist:check` runs it, after packing the app.
        test: {
          name: 'dist',
          environment: 'node',
          include: ['tests/dist/**/*.test.ts'],
        },
      },
    ],
  },
});
