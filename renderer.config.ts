// Build settings shared by the desktop renderer (electron.vite.config.ts) and the browser
// build (vite.web.config.ts), so both ship the same page under the same policy.
import type { Plugin } from 'vite';
import { CSP_META } from './shared/security/csp.ts';

/** Writes the CSP into index.html at build time (the dev server needs inline scripts, so not there). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'sijill-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    },
  };
}

export const rendererBuild = {
  plugins: [contentSecurityPolicy()],
  build: {
    emptyOutDir: true,
    sourcemap: false,
    // The polyfill is bundled into the entry anyway; no inline script may appear in the page.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
};
