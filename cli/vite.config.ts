// Builds the `sijill-bundle` command into ONE self-contained ES module for Node 20+:
// zod and libsodium (its WebAssembly is embedded in the JS) are bundled in; only Node's own
// modules stay external. Run: vite build --config cli/vite.config.ts → out/cli/sijill-bundle.mjs
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'cli/main.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'sijill-bundle.mjs', banner: '#!/usr/bin/env node' },
    },
  },
});
