/**
 * The renderer's Content Security Policy, in one place: main sends it as a response header
 * on app://, and the renderer build writes it into index.html so the browser build gets it too.
 *
 * 'wasm-unsafe-eval' is required: libsodium runs as WebAssembly and without it every crypto
 * call hangs. Nothing else is relaxed: no inline script, no eval, no remote origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' blob: data:",
  'font-src': "'self'",
  'media-src': "'self' blob: mediastream:",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
};

/** Directives a <meta> policy may not carry (browsers ignore them there and log an error). */
const HEADER_ONLY: Readonly<Record<string, string>> = { 'frame-ancestors': "'none'" };

function serialise(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Policy for an HTTP-style response header (app:// protocol handler). */
export const CSP_HEADER = serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY });

/** Policy for the <meta http-equiv> tag in index.html. */
export const CSP_META = serialise(CSP_DIRECTIVES);
