// The browser build of the renderer: the same app as in Electron, with the web platform.
// `npm run web` builds it and serves it on 127.0.0.1; the end-to-end tier tests exactly this.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { rendererBuild } from './renderer.config.ts';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), ...rendererBuild.plugins],
  define: rendererBuild.define,
  build: { ...rendererBuild.build, outDir: '../out/web' },
  preview: { host: '127.0.0.1', port: 5173, strictPort: false },
  server: { host: '127.0.0.1' },
});
