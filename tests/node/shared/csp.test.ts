import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../../shared/security/csp';

describe('CSP', () => {
  it('allows WebAssembly but no inline script or eval', () => {
    expect(CSP_HEADER).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP_HEADER).not.toContain('unsafe-inline');
    expect(CSP_HEADER).toContain("default-src 'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
  });
});
