/**
 * Identity cards: how a partner's public identity travels (as a file, or pasted as text) before
 * it becomes a contact. Version 1:
 *
 *   -----BEGIN SIJILL IDENTITY CARD-----
 *   version: 1
 *   label: <label>
 *   sign-key: <Ed25519 public key, base64url, 43 chars>
 *   box-key: <X25519 public key, base64url, 43 chars>
 *   binding: <Ed25519 signature by sign-key over "SJ-IDBIND-1" || sign-key || box-key, 86 chars>
 *   fingerprint: <12 groups of 5 digits>
 *   -----END SIJILL IDENTITY CARD-----
 *
 * The parser recomputes the fingerprint and checks the binding signature, so a card whose keys
 * were swapped, mangled or mistyped is refused rather than half-trusted. A parsed card is still
 * only *unverified*: someone must compare the fingerprint out of band (DESIGN.md §7).
 */
import { type DeviceIdentity, verifyIdentityBinding } from '../crypto/identity';
import { getSodium } from '../crypto/sodium';
import { formatArmor, parseArmor } from './armor';
import { fromBase64url, toBase64url } from './encoding';
import { fingerprintWith, humanFingerprint } from './fingerprint';
import { labelProblem } from './labels';
import { BUNDLE_LIMITS } from './limits';

/** A public identity: what recipients and pinned senders are made of. */
export interface PublicIdentity {
  readonly label: string;
  readonly signPublicKey: Uint8Array;
  readonly boxPublicKey: Uint8Array;
}

/** A parsed identity card: keys, binding, and the fingerprint recomputed from the keys. */
export interface IdentityCard extends PublicIdentity {
  readonly binding: Uint8Array;
  /** The 64-byte fingerprint. */
  readonly fingerprint: Uint8Array;
}

/** Why a card was refused. */
export type IdentityCardErrorCode = 'malformed' | 'unsupported-version' | 'bad-label' | 'bad-key' | 'bad-binding' | 'fingerprint-mismatch';

/** An identity card was refused. */
export class IdentityCardError extends Error {
  override readonly name = 'IdentityCardError';
  constructor(
    readonly code: IdentityCardErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const TITLE = 'SIJILL IDENTITY CARD';
const FIELDS = ['version', 'label', 'sign-key', 'box-key', 'binding', 'fingerprint'] as const;
/** Largest card text accepted. */
export const MAX_CARD_CHARS = 4096;

/** Writes the card of `identity` (public halves only) under `label`. */
export async function formatIdentityCard(identity: Pick<DeviceIdentity, 'signPublicKey' | 'boxPublicKey' | 'binding'>, label: string): Promise<string> {
  const s = await getSodium();
  const problem = labelProblem(label, BUNDLE_LIMITS.maxLabelChars);
  if (problem) throw new IdentityCardError('bad-label', `the label is ${problem}`);
  if (!verifyIdentityBinding(s, identity.signPublicKey, identity.boxPublicKey, identity.binding)) {
    throw new IdentityCardError('bad-binding', 'the binding signature does not match the keys');
  }
  return formatArmor(TITLE, [
    ['version', '1'],
    ['label', label],
    ['sign-key', toBase64url(identity.signPublicKey)],
    ['box-key', toBase64url(identity.boxPublicKey)],
    ['binding', toBase64url(identity.binding)],
    ['fingerprint', humanFingerprint(fingerprintWith(s, identity.signPublicKey, identity.boxPublicKey))],
  ]);
}

/** Parses and checks a card. Throws `IdentityCardError`. */
export async function parseIdentityCard(text: unknown): Promise<IdentityCard> {
  const s = await getSodium();
  const fields = parseArmor(text, TITLE, FIELDS, MAX_CARD_CHARS);
  if (!fields) throw new IdentityCardError('malformed', 'not a Sijill identity card (expected the BEGIN line, six fields in order, the END line)');
  if (fields.version !== '1') throw new IdentityCardError('unsupported-version', 'identity card version not supported');
  const problem = labelProblem(fields.label, BUNDLE_LIMITS.maxLabelChars);
  if (problem) throw new IdentityCardError('bad-label', `the card's label is ${problem}`);
  const signPublicKey = fromBase64url(fields['sign-key'], 32);
  const boxPublicKey = fromBase64url(fields['box-key'], 32);
  const binding = fromBase64url(fields.binding, 64);
  if (!signPublicKey || !boxPublicKey || !binding) throw new IdentityCardError('bad-key', 'a key or the binding is not canonical base64url of the right length');
  if (!verifyIdentityBinding(s, signPublicKey, boxPublicKey, binding)) {
    throw new IdentityCardError('bad-binding', 'the binding signature does not match the keys');
  }
  const fpr = fingerprintWith(s, signPublicKey, boxPublicKey);
  if (fields.fingerprint !== humanFingerprint(fpr)) {
    throw new IdentityCardError('fingerprint-mismatch', 'the fingerprint written on the card does not match its keys');
  }
  return { label: fields.label, signPublicKey, boxPublicKey, binding, fingerprint: fpr };
}

