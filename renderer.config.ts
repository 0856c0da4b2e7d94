// Build settings shared by the desktop renderer (electron.vite.config.ts) and the browser
// build (vite.web.config.ts), so both ship the same page under the same policy.
import { readFileSync } from 'node:fs';
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

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  productName: string;
  version: string;
};

/** Build-time constants (declared in renderer/src/build-constants.d.ts). */
export const rendererDefine = {
  __SIJILL_PRODUCT__: JSON.stringify(packageJson.productName),
  __SIJILL_VERSION__: JSON.stringify(packageJson.version),
};

export const rendererBuild = {
  plugins: [contentSecurityPolicy()],
  define: rendererDefine,
  build: {
    emptyOutDir: true,
    sourcemap: false,
    // The polyfill is bundled into the entry anyway; no inline script may appear in the page.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
};
