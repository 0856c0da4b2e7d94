/**
 * Changes to an unlocked keyring that do not touch its slots: key rotation, retiring old
 * epochs, the audit head and the bundle sequence counter. Each returns a new keyring (with
 * the generation counter advanced) and leaves the old one intact; write the new file, then
 * dispose the old value.
 */
import { COMPARTMENTS, MAX_EPOCH, type Compartment, type CompartmentKeys, type EpochKey } from './compartments';
import type { AuditHead } from './audit-chain';
import { KeyringStateError } from './errors';
import { MAX_EPOCHS_HELD } from './keyring-body';
import { deriveKeyring, secretsOf, type UnlockedKeyring } from './keyring-state';
import { drawRandom, getSodium, type RandomOptions } from './sodium';

/**
 * The key of `compartment` at `epoch` (default: the current epoch). Throws
 * `KeyringStateError('unknown-epoch')` if that epoch was retired or never existed.
 */
export function epochKey(unlocked: UnlockedKeyring, compartment: Compartment, epoch?: number): EpochKey {
  secretsOf(unlocked);
  const keys = unlocked.compartments[compartment];
  if (epoch === undefined) return keys.current;
  const found = [keys.current, ...keys.previous].find((k) => k.epoch === epoch);
  if (!found) throw new KeyringStateError('unknown-epoch');
  return found;
}

/** Options for `rotateCompartmentKeys`. */
export interface RotateOptions extends RandomOptions {
  /** Which compartments get a new epoch; default all. */
  readonly compartments?: readonly Compartment[];
}

/**
 * Starts a new epoch with a fresh random key in each chosen compartment. Old keys stay held
 * (as `previous`) so existing data keys can still be unwrapped; re-wrap every data key to the
 * new epoch (`rewrapDataKey`), then call `retirePreviousEpochs`. New records must use the
 * current epoch. Throws `KeyringStateError('too-many-epochs')` if old epochs were never retired.
 */
export async function rotateCompartmentKeys(unlocked: UnlockedKeyring, options: RotateOptions = {}): Promise<UnlockedKeyring> {
  const s = await getSodium();
  secretsOf(unlocked);
  const chosen = options.compartments ?? COMPARTMENTS;
  const compartments: Partial<Record<Compartment, CompartmentKeys>> = {};
  for (const compartment of COMPARTMENTS) {
    if (!chosen.includes(compartment)) continue;
    const { current, previous } = unlocked.compartments[compartment];
    if (previous.length + 2 > MAX_EPOCHS_HELD) throw new KeyringStateError('too-many-epochs');
    if (current.epoch >= MAX_EPOCH) throw new KeyringStateError('counter-overflow');
    compartments[compartment] = {
      current: { epoch: current.epoch + 1, key: drawRandom(s, options.random, 32) },
      previous: [current, ...previous].map((k) => ({ epoch: k.epoch, key: k.key.slice() })),
    };
  }
  return deriveKeyring(unlocked, { compartments });
}

/**
 * Forgets every non-current epoch of `compartment`. Only after every data key wrapped under
 * an older epoch has been re-wrapped: data still wrapped under a retired epoch is lost.
 */
export function retirePreviousEpochs(unlocked: UnlockedKeyring, compartment: Compartment): UnlockedKeyring {
  const { current } = unlocked.compartments[compartment];
  secretsOf(unlocked);
  return deriveKeyring(unlocked, { compartments: { [compartment]: { current: { epoch: current.epoch, key: current.key.slice() }, previous: [] } } });
}

/**
 * Records a new audit head (from `appendAudit`). The head only moves forward: a lower
 * sequence number, or the same one with a different hash, throws `KeyringStateError('audit-rollback')`.
 */
export function withAuditHead(unlocked: UnlockedKeyring, head: AuditHead): UnlockedKeyring {
  checkForwardHead(unlocked, head);
  return deriveKeyring(unlocked, { auditHead: { seq: head.seq, hash: head.hash.slice() } });
}

/** Throws `KeyringStateError('audit-rollback')` unless `head` is at or after the keyring's head. */
export function checkForwardHead(unlocked: UnlockedKeyring, head: AuditHead): void {
  secretsOf(unlocked);
  const current = unlocked.auditHead;
  if (!Number.isSafeInteger(head.seq) || head.hash.length !== 32) throw new KeyringStateError('audit-rollback');
  const same = head.seq === current.seq && head.hash.every((byte, i) => byte === current.hash[i]);
  if (head.seq < current.seq || (head.seq === current.seq && !same)) throw new KeyringStateError('audit-rollback');
}

/**
 * Reserves the next bundle sequence number (strictly increasing per device). Persist the
 * returned keyring before the bundle leaves the device, so a crash cannot reuse the number.
 */
export function takeSenderSeq(unlocked: UnlockedKeyring): { readonly unlocked: UnlockedKeyring; readonly senderSeq: number } {
  secretsOf(unlocked);
  if (unlocked.senderSeq >= Number.MAX_SAFE_INTEGER) throw new KeyringStateError('counter-overflow');
  const senderSeq = unlocked.senderSeq + 1;
  return { unlocked: deriveKeyring(unlocked, { senderSeq }), senderSeq };
}
