/**
 * Subkey derivation: the registry of every `crypto_kdf_derive_from_key` use in the vault.
 *
 * libsodium has no HKDF; `crypto_kdf_derive_from_key(32, id, ctx, key)` is BLAKE2b keyed by
 * `key` with (id, ctx) as salt and personalisation. Each parent key has exactly one purpose
 * per (id, context) pair below, so a key derived for one use can never be a key for another.
 * Contexts are exactly 8 ASCII bytes. Never reuse a pair; add a new row instead (and to
 * docs/vault-format.md).
 */
import type { Sodium } from './sodium';

/** A registered subkey use: (id, 8-byte context) under a given parent key. */
export interface SubkeyUse {
  readonly id: number;
  readonly context: string;
}

/** Every derivation the vault performs. */
export const SUBKEYS = {
  /** Argon2id output → the key that wraps the master key in a passphrase slot. */
  passphraseSlot: { id: 1, context: 'SJK1pass' },
  /** Recovery key (32 random bytes) → the key that wraps the master key in the recovery slot. */
  recoverySlot: { id: 1, context: 'SJK1rcvr' },
  /** Vault master key → the key that encrypts the keyring body. */
  keyringBody: { id: 1, context: 'SJK1body' },
  /** Compartment key (one epoch) → the key that wraps per-record data keys. */
  dataKeyWrap: { id: 1, context: 'SJR1wrap' },
  /**
   * Vault master key → the audit key a compromise rotation moves to (keyring-rotation.ts).
   * Derived, not drawn, so the key survives a crash between the new segment's first entry
   * (in the database) and the keyring write that adopts it: the keyring alone re-derives it.
   */
  nextAuditKey: { id: 1, context: 'SJK1audt' },
} as const satisfies Record<string, SubkeyUse>;

/** Derives the 32-byte subkey for `use` from `parent`. The caller wipes the result. */
export function deriveSubkey(s: Sodium, parent: Uint8Array, use: SubkeyUse): Uint8Array {
  if (parent.length !== s.crypto_kdf_KEYBYTES) throw new TypeError('parent key must be 32 bytes');
  return s.crypto_kdf_derive_from_key(32, use.id, use.context, parent);
}
