// The bench page's build: its own entry (tests/bench/page) over the real renderer modules,
// with the renderer's build constants. Built and served by runner.ts; never shipped.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rendererDefine } from '../../renderer.config.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  define: rendererDefine,
  logLevel: 'warn',
  // libsodium's WASM is embedded in its JS: a large chunk is expected, not a warning.
  // The runner builds into a folder of its own per run (two benches may run at once) and
  // serves it with cross-origin isolation headers (browser-run.ts).
  build: {
    outDir: fileURLToPath(new URL('../../out/bench-page/default', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4096,
    // Build timings are noise in the bench's output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4179, strictPort: false },
});
