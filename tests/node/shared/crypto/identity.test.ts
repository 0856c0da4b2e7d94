/** The identity binding: Ed25519 by the signing key over "SJ-IDBIND-1" || sign_pk || box_pk. */
import { describe, expect, it } from 'vitest';
import { createIdentity, identityBindingMessage, verifyIdentityBinding } from '../../../../shared/crypto/identity';
import { getSodium } from '../../../../shared/crypto/sodium';
import { toHex } from '../../../fixtures/crypto/fixed-random';
import { flipBit } from './helpers';

const s = await getSodium();

describe('identity binding', () => {
  const id = createIdentity(s, undefined);
  const other = createIdentity(s, undefined);

  it('covers exactly the label and both public keys', () => {
    const message = identityBindingMessage(id.signPublicKey, id.boxPublicKey);
    expect(toHex(message)).toBe(toHex(new TextEncoder().encode('SJ-IDBIND-1')) + toHex(id.signPublicKey) + toHex(id.boxPublicKey));
    expect(verifyIdentityBinding(s, id.signPublicKey, id.boxPublicKey, id.binding)).toBe(true);
    expect(toHex(s.crypto_scalarmult_base(id.boxSecretKey))).toBe(toHex(id.boxPublicKey));
  });

  it('fails for a substituted box key, another signer, a flipped bit, or a signature without the label', () => {
    expect(verifyIdentityBinding(s, id.signPublicKey, other.boxPublicKey, id.binding)).toBe(false);
    expect(verifyIdentityBinding(s, other.signPublicKey, id.boxPublicKey, id.binding)).toBe(false);
    expect(verifyIdentityBinding(s, other.signPublicKey, other.boxPublicKey, id.binding)).toBe(false);
    for (const bit of [0, 100, 511]) expect(verifyIdentityBinding(s, id.signPublicKey, id.boxPublicKey, flipBit(id.binding, bit))).toBe(false);
    const unlabelled = s.crypto_sign_detached(Uint8Array.from([...id.signPublicKey, ...id.boxPublicKey]), id.signSecretKey);
    expect(verifyIdentityBinding(s, id.signPublicKey, id.boxPublicKey, unlabelled)).toBe(false);
  });

  it('returns false, never throws, for wrong lengths', () => {
    expect(verifyIdentityBinding(s, id.signPublicKey.subarray(0, 31), id.boxPublicKey, id.binding)).toBe(false);
    expect(verifyIdentityBinding(s, id.signPublicKey, new Uint8Array(33), id.binding)).toBe(false);
    expect(verifyIdentityBinding(s, id.signPublicKey, id.boxPublicKey, id.binding.subarray(0, 63))).toBe(false);
    expect(verifyIdentityBinding(s, new Uint8Array(32), id.boxPublicKey, new Uint8Array(64))).toBe(false);
  });
});
