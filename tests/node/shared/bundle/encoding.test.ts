/** Canonical base64url and hex: one spelling per value, everything else refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlLength, fromBase64url, fromHex, toBase64url, toHex } from '../../../../shared/bundle/encoding';
import { s } from './helpers';

describe('base64url (no padding)', () => {
  it('round-trips and agrees with libsodium (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING));
        expect(text).toHaveLength(base64urlLength(bytes.length));
        expect(fromBase64url(text, bytes.length)).toEqual(bytes);
      }),
    );
  });

  it('refuses padding, other alphabets, wrong lengths and stray low bits', () => {
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAAAA', 16)).toEqual(new Uint8Array(16));
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAAAB', 16)).toBeUndefined();
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAAAA==', 16)).toBeUndefined();
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAA+/', 16)).toBeUndefined();
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAAA', 16)).toBeUndefined();
    expect(fromBase64url('AAAAAAAAAAAAAAAAAAAA A', 16)).toBeUndefined();
  });
});

describe('hex', () => {
  it('round-trips lowercase and refuses uppercase, odd lengths, other characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromHex(toHex(bytes), bytes.length)).toEqual(bytes);
      }),
    );
    expect(fromHex('AB', 1)).toBeUndefined();
    expect(fromHex('abc', 1)).toBeUndefined();
    expect(fromHex('zz', 1)).toBeUndefined();
  });
});
