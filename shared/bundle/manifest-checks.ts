/**
 * The checks that bind the signed manifest to this bundle and to its sender, run as soon as
 * the manifest and signature frames are decrypted, before any entry is streamed out:
 * signature (against the keys the manifest names) → sender fingerprint → header hash →
 * recipients → replay. Trust in the signer is reported, not decided: only a pinned, verified
 * contact makes a bundle "verified"; the caller quarantines anything else.
 */
import { constantTimeEqual, type Sodium } from '../crypto/sodium';
import { fromBase64url, fromHex } from './encoding';
import { BundleError } from './errors';
import { fingerprintText, fingerprintWith } from './fingerprint';
import { signatureMessage } from './frames';
import type { BundleHeader } from './header';
import type { PublicIdentity } from './identity-card';
import { PASSPHRASE_RECIPIENT, type Manifest } from './manifest';
import type { Unlocked } from './unlock';

/** How far the signer is trusted, by key, never by label. */
export type SenderTrust =
  /** Both keys match a pinned, verified contact. */
  | { readonly status: 'verified'; readonly contact: PublicIdentity }
  /** One key matches a pinned contact but the other does not: a changed key or an impostor. Block until re-verified. */
  | { readonly status: 'key-changed'; readonly contact: PublicIdentity }
  /** No pinned contact has either key. Quarantine; never merge. */
  | { readonly status: 'unverified' };

/** The sender as the signed manifest states it, with the keys decoded. */
export interface BundleSender {
  readonly label: string;
  readonly signPublicKey: Uint8Array;
  readonly boxPublicKey: Uint8Array;
  readonly fingerprint: Uint8Array;
  readonly trust: SenderTrust;
}

/** What a replay predicate is told. */
export interface ReplayQuery {
  readonly senderFingerprint: string;
  readonly bundleId: string;
  readonly senderSeq: number;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Compares the signer's keys with the pinned contacts. */
export function senderTrust(signPublicKey: Uint8Array, boxPublicKey: Uint8Array, pinned: readonly PublicIdentity[]): SenderTrust {
  const exact = pinned.find((c) => same(c.signPublicKey, signPublicKey) && same(c.boxPublicKey, boxPublicKey));
  if (exact) return { status: 'verified', contact: exact };
  const partial = pinned.find((c) => same(c.signPublicKey, signPublicKey) || same(c.boxPublicKey, boxPublicKey));
  return partial ? { status: 'key-changed', contact: partial } : { status: 'unverified' };
}

/** Verifies the signature and the sender's fingerprint; returns the sender. */
export function checkSender(s: Sodium, manifest: Manifest, manifestBytes: Uint8Array, signature: Uint8Array, pinned: readonly PublicIdentity[]): BundleSender {
  // The schema already checked these decode; the fallbacks only satisfy the types.
  const signPublicKey = fromBase64url(manifest.sender.sign_pk, 32) ?? new Uint8Array(32);
  const boxPublicKey = fromBase64url(manifest.sender.box_pk, 32) ?? new Uint8Array(32);
  let valid: boolean;
  try {
    valid = s.crypto_sign_verify_detached(signature, signatureMessage(manifestBytes), signPublicKey);
  } catch {
    valid = false;
  }
  if (!valid) throw new BundleError('bad-signature', 'the manifest signature does not verify with the sender key it names');
  const fingerprint = fingerprintWith(s, signPublicKey, boxPublicKey);
  if (fingerprintText(fingerprint) !== manifest.sender.fingerprint) {
    throw new BundleError('fingerprint-mismatch', "the sender fingerprint in the manifest does not match the sender's keys");
  }
  return { label: manifest.sender.label, signPublicKey, boxPublicKey, fingerprint, trust: senderTrust(signPublicKey, boxPublicKey, pinned) };
}

/**
 * Binds the manifest to this header and to us: header_hash, one recipients entry per stanza
 * ("passphrase" exactly where the passphrase stanza is), and our own entry at the stanza that
 * opened (`ourEntry`: our fingerprint in base64url, or "passphrase").
 */
export function checkBinding(manifest: Manifest, header: BundleHeader, hash: Uint8Array, unlocked: Unlocked, ourEntry: string): void {
  const stated = fromHex(manifest.header_hash, 32);
  if (!stated || !constantTimeEqual(stated, hash)) throw new BundleError('header-hash-mismatch', 'the manifest was signed for a different header (header_hash differs)');
  const { recipients } = manifest;
  const shapeMatches =
    recipients.length === header.stanzas.length &&
    header.stanzas.every((stanza, i) => (stanza.type === 2) === (recipients[i] === PASSPHRASE_RECIPIENT));
  if (!shapeMatches) throw new BundleError('recipients-mismatch', 'the manifest recipients do not correspond one to one to the header stanzas');
  if (recipients[unlocked.stanza] !== ourEntry) {
    throw new BundleError('not-listed-recipient', 'the stanza that opened is not listed for us in the signed recipients');
  }
}
