import { describe, expect, it } from 'vitest';
import { getSodium } from '../../../../shared/crypto/sodium';
import { deriveSubkey, SUBKEYS } from '../../../../shared/crypto/subkeys';
import { toHex } from '../../../fixtures/crypto/fixed-random';

describe('subkey registry', () => {
  it('uses 8-byte ASCII contexts, each (id, context) pair once', () => {
    const uses = Object.values(SUBKEYS);
    for (const use of uses) expect(use.context).toMatch(/^[\x21-\x7e]{8}$/);
    expect(new Set(uses.map((u) => `${u.id}/${u.context}`)).size).toBe(uses.length);
  });

  it('derives distinct keys per use from one parent, as crypto_kdf_derive_from_key does', async () => {
    const s = await getSodium();
    const parent = new Uint8Array(32).fill(7);
    const keys = Object.values(SUBKEYS).map((use) => toHex(deriveSubkey(s, parent, use)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(toHex(s.crypto_kdf_derive_from_key(32, SUBKEYS.passphraseSlot.id, SUBKEYS.passphraseSlot.context, parent)));
    expect(() => deriveSubkey(s, new Uint8Array(16), SUBKEYS.keyringBody)).toThrow(TypeError);
  });
});
