/**
 * Identity fingerprints (DESIGN.md §7): BLAKE2b-512 over "SJ-FPR-1" || sign_pk || box_pk.
 * Manifests carry all 64 bytes in base64url; people compare the first 60 bytes as 12 groups
 * of 5 digits, each group a 5-byte big-endian integer modulo 100000.
 */
import { ascii, concatBytes } from '../crypto/bytes';
import { getSodium, type Sodium } from '../crypto/sodium';
import { toBase64url } from './encoding';

/** Size of a fingerprint. */
export const FINGERPRINT_BYTES = 64;
const LABEL = ascii('SJ-FPR-1');

/** The 64-byte fingerprint of an identity's two public keys (each 32 bytes). */
export function fingerprintWith(s: Sodium, signPublicKey: Uint8Array, boxPublicKey: Uint8Array): Uint8Array {
  if (signPublicKey.length !== 32 || boxPublicKey.length !== 32) throw new TypeError('public keys are 32 bytes');
  return s.crypto_generichash(FINGERPRINT_BYTES, concatBytes(LABEL, signPublicKey, boxPublicKey), null);
}

/** The 64-byte fingerprint of an identity's two public keys. */
export async function fingerprint(signPublicKey: Uint8Array, boxPublicKey: Uint8Array): Promise<Uint8Array> {
  return fingerprintWith(await getSodium(), signPublicKey, boxPublicKey);
}

/** The manifest form: base64url (no padding) of the 64 bytes, 86 characters. */
export function fingerprintText(fpr: Uint8Array): string {
  if (fpr.length !== FINGERPRINT_BYTES) throw new TypeError('a fingerprint is 64 bytes');
  return toBase64url(fpr);
}

/** The form people compare: `12345 67890 …`, 12 groups of 5 digits from the first 60 bytes. */
export function humanFingerprint(fpr: Uint8Array): string {
  if (fpr.length !== FINGERPRINT_BYTES) throw new TypeError('a fingerprint is 64 bytes');
  const groups: string[] = [];
  for (let g = 0; g < 12; g++) {
    let value = 0;
    // 5 bytes = 40 bits: exact in a double (integers are exact up to 2^53).
    for (let i = 0; i < 5; i++) value = value * 256 + (fpr[g * 5 + i] ?? 0);
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
