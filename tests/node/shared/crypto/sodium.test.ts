import { describe, expect, it } from 'vitest';
import { constantTimeEqual, drawRandom, getSodium, wipe } from '../../../../shared/crypto/sodium';

describe('sodium', () => {
  it('initialises once and returns the same ready instance', async () => {
    const a = await getSodium();
    const b = await getSodium();
    expect(a).toBe(b);
    expect(a.crypto_pwhash_ALG_ARGON2ID13).toBeTypeOf('number');
  });

  it('wipes every buffer given and ignores missing ones', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = Uint8Array.of(4, 5);
    wipe(a, undefined, null, b);
    expect([...a, ...b]).toEqual([0, 0, 0, 0, 0]);
  });

  it('compares in constant time and treats different lengths as unequal', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('draws the requested length and refuses a source that returns a different length', async () => {
    const s = await getSodium();
    expect(drawRandom(s, undefined, 24)).toHaveLength(24);
    expect(() => drawRandom(s, () => new Uint8Array(23), 24)).toThrow(TypeError);
  });
});
