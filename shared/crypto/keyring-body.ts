/**
 * The keyring body: what the master key protects. Binary, fixed order, one encoding per
 * value (deterministic), every count bounded:
 *
 *   body_version u8 = 1
 *   vault_id[16]                    (must equal the header's)
 *   generation u64                  (anti-rollback: +1 on every change)
 *   sender_seq u64                  (last bundle sequence number used)
 *   audit_key[32] | audit_seq u64 | audit_head[32]
 *   sign_seed[32] | box_secret[32] | binding_sig[64]
 *   compartment_count u8 = 2
 *   2 × ( compartment u8 (1 general, then 2 witness) | key_count u8 (1..16)
 *         | key_count × ( epoch u32 | key[32] ) )   epochs strictly descending: current first
 *   ISO/IEC 7816-4 padding (0x80 then zeros) to a multiple of 256 bytes
 *
 * Decoding happens only after the body authenticated, so a failure here means a writer bug,
 * not an attacker; it is still strict, and the decoded keys are copies so the caller can wipe
 * the plaintext.
 */
import { genesisAuditHead, type AuditHead } from './audit-chain';
import { ByteReader, ByteWriter } from './bytes';
import { COMPARTMENT_CODE, COMPARTMENTS, isEpoch, type Compartment, type CompartmentKeys, type EpochKey } from './compartments';
import { KeyringFormatError } from './errors';
import { identityFromSecrets, signSeedOf, verifyIdentityBinding, type DeviceIdentity } from './identity';
import { BODY_BLOCK, BODY_MAX_PLAINTEXT, VAULT_ID_BYTES } from './keyring-format';
import { wipe, type Sodium } from './sodium';

const BODY_VERSION = 1;
/** Most epochs one compartment may hold (current + previous) before old ones are retired. */
export const MAX_EPOCHS_HELD = 16;

/** Everything the body holds. */
export interface KeyringBody {
  readonly vaultId: Uint8Array;
  readonly generation: number;
  readonly senderSeq: number;
  readonly auditKey: Uint8Array;
  readonly auditHead: AuditHead;
  readonly identity: DeviceIdentity;
  readonly compartments: Readonly<Record<Compartment, CompartmentKeys>>;
}

/** Encodes and pads the body. The caller wipes the result after encrypting it. */
export function encodeKeyringBody(s: Sodium, body: KeyringBody): Uint8Array {
  const w = new ByteWriter()
    .u8(BODY_VERSION)
    .bytes(body.vaultId)
    .u64(body.generation)
    .u64(body.senderSeq)
    .bytes(body.auditKey)
    .u64(body.auditHead.seq)
    .bytes(body.auditHead.hash)
    .bytes(signSeedOf(body.identity))
    .bytes(body.identity.boxSecretKey)
    .bytes(body.identity.binding)
    .u8(COMPARTMENTS.length);
  for (const compartment of COMPARTMENTS) {
    const keys = [body.compartments[compartment].current, ...body.compartments[compartment].previous];
    w.u8(COMPARTMENT_CODE[compartment]).u8(keys.length);
    for (const { epoch, key } of keys) w.u32(epoch).bytes(key);
  }
  const plain = w.finish();
  try {
    const padded = s.pad(plain, BODY_BLOCK);
    if (padded.length > BODY_MAX_PLAINTEXT) throw new RangeError('keyring body too large');
    return padded;
  } finally {
    wipe(plain);
  }
}

/** Tracks every secret buffer a decode creates, so a failed decode can wipe them all. */
interface Owned {
  /** Copies `bytes` out of the plaintext and tracks the copy. */
  copy(bytes: Uint8Array): Uint8Array;
  /** Tracks a buffer created elsewhere (e.g. a derived secret key). */
  own(bytes: Uint8Array): Uint8Array;
}

function readCompartment(r: ByteReader, compartment: Compartment, owned: Owned): CompartmentKeys {
  if (r.u8() !== COMPARTMENT_CODE[compartment]) throw new KeyringFormatError('bad-body');
  const count = r.u8();
  if (count < 1 || count > MAX_EPOCHS_HELD) throw new KeyringFormatError('bad-body');
  const keys: EpochKey[] = [];
  for (let i = 0; i < count; i++) {
    const epoch = r.u32();
    const last = keys[keys.length - 1];
    if (!isEpoch(epoch) || (last && epoch >= last.epoch)) throw new KeyringFormatError('bad-body');
    keys.push({ epoch, key: owned.copy(r.take(32)) });
  }
  const [current, ...previous] = keys;
  if (!current) throw new KeyringFormatError('bad-body');
  return { current, previous };
}

/**
 * Decodes an authenticated, padded body. Throws `KeyringFormatError('bad-body')` on any
 * inconsistency, including a vault id that differs from the header's or a broken identity binding.
 */
export function decodeKeyringBody(s: Sodium, padded: Uint8Array, headerVaultId: Uint8Array): KeyringBody {
  let plain: Uint8Array;
  try {
    plain = s.unpad(padded, BODY_BLOCK);
  } catch {
    throw new KeyringFormatError('bad-body');
  }
  const tracked: Uint8Array[] = [];
  const own = (bytes: Uint8Array): Uint8Array => {
    tracked.push(bytes);
    return bytes;
  };
  try {
    return readBody(s, plain, headerVaultId, { own, copy: (bytes) => own(bytes.slice()) });
  } catch (error) {
    wipe(...tracked);
    throw error;
  } finally {
    wipe(plain);
  }
}

function readBody(s: Sodium, plain: Uint8Array, headerVaultId: Uint8Array, owned: Owned): KeyringBody {
  const r = new ByteReader(plain, () => new KeyringFormatError('bad-body'));
  if (r.u8() !== BODY_VERSION) throw new KeyringFormatError('bad-body');
  const vaultId = r.take(VAULT_ID_BYTES).slice();
  if (!vaultId.every((byte, i) => byte === headerVaultId[i])) throw new KeyringFormatError('bad-body');
  const generation = r.u64();
  const senderSeq = r.u64();
  const auditKey = owned.copy(r.take(32));
  const auditHead: AuditHead = { seq: r.u64(), hash: r.take(32).slice() };
  if (generation < 1 || (auditHead.seq === 0 && !auditHead.hash.every((byte) => byte === 0))) throw new KeyringFormatError('bad-body');
  const signSeed = r.take(32);
  const boxSecret = r.take(32);
  const binding = r.take(64);
  const identity = identityFromSecrets(s, signSeed, boxSecret, binding);
  owned.own(identity.signSecretKey);
  owned.own(identity.boxSecretKey);
  if (!verifyIdentityBinding(s, identity.signPublicKey, identity.boxPublicKey, identity.binding)) {
    throw new KeyringFormatError('bad-body');
  }
  if (r.u8() !== COMPARTMENTS.length) throw new KeyringFormatError('bad-body');
  const general = readCompartment(r, 'general', owned);
  const witness = readCompartment(r, 'witness', owned);
  if (r.remaining !== 0) throw new KeyringFormatError('bad-body');
  return { vaultId, generation, senderSeq, auditKey, auditHead, identity, compartments: { general, witness } };
}

/** The body of a new vault: generation 1, no bundle sent, empty audit chain, epoch 1 everywhere. */
export function newKeyringBody(
  vaultId: Uint8Array,
  keys: { general: Uint8Array; witness: Uint8Array; audit: Uint8Array },
  identity: DeviceIdentity,
): KeyringBody {
  return {
    vaultId,
    generation: 1,
    senderSeq: 0,
    auditKey: keys.audit,
    auditHead: genesisAuditHead(),
    identity,
    compartments: {
      general: { current: { epoch: 1, key: keys.general }, previous: [] },
      witness: { current: { epoch: 1, key: keys.witness }, previous: [] },
    },
  };
}
