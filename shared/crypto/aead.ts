/**
 * XChaCha20-Poly1305-IETF, the only AEAD the vault uses. 24-byte random nonces are safe to
 * draw at random for every message (collision chance negligible even for billions of
 * messages per key), so no counter state has to survive crashes or rollbacks.
 */
import type { Sodium } from './sodium';

/** Encrypts and authenticates `plaintext` and `ad` under a 32-byte key and 24-byte nonce. */
export function aeadSeal(s: Sodium, key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  return s.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
}

/** Decrypts, or returns null if anything (key, nonce, ciphertext, associated data) is not authentic. */
export function aeadOpen(s: Sodium, key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array): Uint8Array | null {
  if (ciphertext.length < s.crypto_aead_xchacha20poly1305_ietf_ABYTES) return null;
  try {
    return s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch {
    return null;
  }
}
