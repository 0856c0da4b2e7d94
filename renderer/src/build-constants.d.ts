// Written into the bundle at build time from package.json (renderer.config.ts `define`).
declare const __SIJILL_PRODUCT__: string;
declare const __SIJILL_VERSION__: string;
