/**
 * The frozen vectors checked against docs/vault-format.md, independently of shared/crypto.
 *
 * The other vector tests prove the code still reads and writes the bytes it wrote once; they
 * would keep passing if the code and the document had always disagreed (say, on a field of the
 * associated data or a KDF context). This file decodes every vector with raw libsodium calls
 * and the offsets, labels and layouts written in the document, and imports nothing from
 * shared/crypto except the libsodium instance — so a partner re-implementing the format from the
 * document gets exactly these answers.
 */
import { describe, expect, it } from 'vitest';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import { AUDIT_ENTRIES, ENVELOPE_CASES } from '../../../fixtures/crypto/vector-inputs';
import auditVectors from '../../../fixtures/crypto/audit-v1.json';
import auditSegmentVectors from '../../../fixtures/crypto/audit-segment-v1.json';
import envelopeVectors from '../../../fixtures/crypto/envelope-v1.json';
import keyringVectors from '../../../fixtures/crypto/keyring-v1.json';
import { ARGON2_TESTS } from './helpers';

const s = await getSodium();
const utf8 = (text: string) => new TextEncoder().encode(text);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const u8 = (n: number) => Uint8Array.of(n);
const u16 = (n: number) => Uint8Array.of(n >>> 8, n & 0xff);
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u64 = (n: number) => cat(u32(Math.floor(n / 2 ** 32)), u32(n >>> 0));
const kdf = (key: Uint8Array, id: number, ctx: string) => s.crypto_kdf_derive_from_key(32, id, ctx, key);
const open = (key: Uint8Array, nonce: Uint8Array, ct: Uint8Array, ad: Uint8Array) => s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key);

/** A cursor over bytes that fails the test on any overrun. */
function cursor(bytes: Uint8Array) {
  let at = 0;
  const take = (n: number) => {
    expect(at + n).toBeLessThanOrEqual(bytes.length);
    const out = bytes.subarray(at, at + n);
    at += n;
    return out;
  };
  const num = (n: number) => take(n).reduce((acc, b) => acc * 256 + b, 0);
  return { take, num, get at() { return at; }, get left() { return bytes.length - at; } };
}

/** Padmé as in the paper (bit mask form), with the 256-byte floor. */
function padme(length: number): number {
  if (length <= 256) return 256;
  const e = Math.floor(Math.log2(length));
  const sBits = Math.floor(Math.log2(e)) + 1;
  const mask = 2 ** (e - sBits) - 1;
  return Math.floor((length + mask) / (mask + 1)) * (mask + 1);
}

/** Crockford base32 decoding, as the document describes it. */
function crockford(text: string): Uint8Array {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = '';
  for (const c of text.replaceAll('-', '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  expect(bits).toHaveLength(280);
  return Uint8Array.from(bits.match(/.{8}/g) ?? [], (b) => parseInt(b, 2));
}

type KeyringCase = { bytes: string; expect: (typeof keyringVectors.cases.created)['expect'] };

/** Decodes a keyring file per the document; returns the master key and the body fields. */
function decodeKeyring(file: Uint8Array, passphrase: string, recoveryText?: string) {
  const r = cursor(file);
  const prefix = file.subarray(0, 22);
  expect(toHex(r.take(4))).toBe(toHex(utf8('SJK1')));
  expect([r.num(1), r.num(1)]).toEqual([1, 0]);
  const vaultId = r.take(16);
  const slotCount = r.num(1);
  expect([1, 2]).toContain(slotCount);

  // Passphrase slot: AD = prefix | type | len | ops | mem | salt.
  const slot1 = r.at;
  expect([r.num(1), r.num(2)]).toEqual([1, 96]);
  const ops = r.num(4);
  const mem = r.num(4);
  const salt = r.take(16);
  const passAd = cat(prefix, file.subarray(slot1, r.at));
  const passNonce = r.take(24);
  const passWrapped = r.take(48);
  const kek = s.crypto_pwhash(32, utf8(passphrase.normalize('NFC')), salt, ops, mem, s.crypto_pwhash_ALG_ARGON2ID13);
  const master = open(kdf(kek, 1, 'SJK1pass'), passNonce, passWrapped, passAd);

  if (slotCount === 2) {
    // Recovery slot: AD = prefix | type | len.
    expect([r.num(1), r.num(2)]).toEqual([2, 72]);
    const nonce = r.take(24);
    const wrapped = r.take(48);
    if (recoveryText !== undefined) {
      const data = crockford(recoveryText);
      const key = data.subarray(0, 32);
      expect(toHex(data.subarray(32))).toBe(toHex(s.crypto_generichash(32, cat(utf8('SJ-RCK-1'), key), null).subarray(0, 3)));
      const viaRecovery = open(kdf(key, 1, 'SJK1rcvr'), nonce, wrapped, cat(prefix, u8(2), u16(72)));
      expect(toHex(viaRecovery)).toBe(toHex(master));
    }
  }

  // Body: AD = every byte before body_nonce; ISO/IEC 7816-4 padding to a multiple of 256.
  const bodyLen = r.num(4);
  expect(bodyLen % 256).toBe(16);
  const header = file.subarray(0, r.at);
  const bodyNonce = r.take(24);
  const ct = r.take(bodyLen);
  expect(r.left).toBe(0);
  const padded = open(kdf(master, 1, 'SJK1body'), bodyNonce, ct, header);
  expect(padded.length % 256).toBe(0);
  const end = padded.lastIndexOf(0x80);
  expect(padded.subarray(end + 1).every((b) => b === 0)).toBe(true);
  expect(padded.length - end).toBeLessThanOrEqual(256);

  const b = cursor(padded.subarray(0, end));
  expect(b.num(1)).toBe(1);
  expect(toHex(b.take(16))).toBe(toHex(vaultId));
  const generation = b.num(8);
  const senderSeq = b.num(8);
  const auditKey = b.take(32);
  const auditHead = { seq: b.num(8), hash: toHex(b.take(32)) };
  const signSeed = b.take(32);
  const boxSecret = b.take(32);
  const binding = b.take(64);
  expect(b.num(1)).toBe(2);
  const compartments: Record<string, { epoch: number; key: string }[]> = {};
  for (const [code, name] of [[1, 'general'], [2, 'witness']] as const) {
    expect(b.num(1)).toBe(code);
    const count = b.num(1);
    compartments[name] = Array.from({ length: count }, () => ({ epoch: b.num(4), key: toHex(b.take(32)) }));
  }
  expect(b.left).toBe(0);

  const sign = s.crypto_sign_seed_keypair(signSeed);
  const boxPublicKey = s.crypto_scalarmult_base(boxSecret);
  expect(s.crypto_sign_verify_detached(binding, cat(utf8('SJ-IDBIND-1'), sign.publicKey, boxPublicKey), sign.publicKey)).toBe(true);
  return {
    snapshot: {
      vaultId: toHex(vaultId),
      generation,
      senderSeq,
      kdf: { ops, mem },
      hasRecoveryKey: slotCount === 2,
      auditKey: toHex(auditKey),
      auditHead,
      identity: {
        signPublicKey: toHex(sign.publicKey),
        signSecretKey: toHex(sign.privateKey),
        boxPublicKey: toHex(boxPublicKey),
        boxSecretKey: toHex(boxSecret),
        binding: toHex(binding),
      },
      compartments,
    },
  };
}

describe('keyring vectors conform to docs/vault-format.md', ARGON2_TESTS, () => {
  const { cases, passphrase } = keyringVectors;
  const all: [string, KeyringCase, string][] = [
    ['created', cases.created, passphrase],
    ['withoutRecovery', cases.withoutRecovery, passphrase],
    ['updated', cases.updated, passphrase],
    ['changedPassphrase', cases.changedPassphrase, cases.changedPassphrase.newPassphrase],
  ];

  it('decodes every vector from the document alone to exactly the recorded keys', () => {
    for (const [name, vector, secret] of all) {
      const recovery = name === 'created' ? cases.created.recoveryKey : undefined;
      expect({ name, ...decodeKeyring(fromHex(vector.bytes), secret, recovery).snapshot }).toEqual({ name, ...vector.expect });
    }
  });

  it('puts the documented offsets where the document says', () => {
    const file = fromHex(cases.created.bytes);
    const view = new DataView(file.buffer);
    expect([file[22], file[23], file[122]]).toEqual([2, 1, 2]);
    expect([view.getUint32(26), view.getUint32(30)]).toEqual([2, 19 * 1024 * 1024]);
    expect(file.length).toBe(225 + view.getUint32(197));
    const plain = fromHex(cases.withoutRecovery.bytes);
    expect(plain.length).toBe(122 + 4 + 24 + new DataView(plain.buffer).getUint32(122));
  });

  it('encodes the standalone recovery-key vector as documented', () => {
    const { key, text } = keyringVectors.recoveryKeyText;
    const data = crockford(text);
    expect(toHex(data.subarray(0, 32))).toBe(key);
    expect(toHex(data.subarray(32))).toBe(toHex(s.crypto_generichash(32, cat(utf8('SJ-RCK-1'), fromHex(key)), null).subarray(0, 3)));
  });
});

describe('envelope vectors conform to docs/vault-format.md', () => {
  const vaultId = fromHex(envelopeVectors.vaultId);
  const keyOf = (epoch: number) => fromHex(envelopeVectors.epochKeys.find((k) => k.epoch === epoch)?.key ?? '');
  const code = { general: 1, witness: 2 } as const;

  function unwrap(wrapped: Uint8Array, recordId: Uint8Array, compartment: 'general' | 'witness', table: string, epoch: number): Uint8Array {
    expect(wrapped).toHaveLength(73);
    expect(wrapped[0]).toBe(1);
    const ad = cat(utf8('SJW1'), u8(1), vaultId, recordId, u8(code[compartment]), u32(epoch), u8(table.length), utf8(table));
    return open(kdf(keyOf(epoch), 1, 'SJR1wrap'), wrapped.subarray(1, 25), wrapped.subarray(25), ad);
  }

  it('opens every record with the documented AD, layout and canonical Padmé padding', () => {
    for (const [i, input] of ENVELOPE_CASES.entries()) {
      const stored = envelopeVectors.cases[i];
      if (!stored) throw new Error(`no vector for ${input.name}`);
      const recordId = fromHex(stored.recordId);
      const dataKey = unwrap(fromHex(stored.wrappedKey), recordId, input.compartment, input.table, input.epoch);
      const envelope = fromHex(stored.envelope);
      expect(envelope[0]).toBe(1);
      const ad = cat(utf8('SJE1'), u8(1), vaultId, recordId, u8(code[input.compartment]), u8(input.table.length), utf8(input.table));
      const padded = open(dataKey, envelope.subarray(1, 25), envelope.subarray(25), ad);
      const r = cursor(padded);
      const type = new TextDecoder().decode(r.take(r.num(1)));
      const version = r.num(4);
      const body = JSON.parse(new TextDecoder().decode(r.take(r.num(4)))) as unknown;
      expect({ type, version, body }).toEqual(input.content);
      expect(padded.length).toBe(padme(r.at));
      expect(r.take(r.left).every((byte) => byte === 0)).toBe(true);
    }
  });

  it('re-wraps under the new epoch with the epoch in the AD', () => {
    const first = envelopeVectors.cases[0];
    const input = ENVELOPE_CASES[0];
    if (!first || !input) throw new Error('no first vector');
    const { rewrap } = envelopeVectors;
    const recordId = fromHex(first.recordId);
    const before = unwrap(fromHex(first.wrappedKey), recordId, input.compartment, input.table, rewrap.from);
    const after = unwrap(fromHex(rewrap.wrappedKey), recordId, input.compartment, input.table, rewrap.to);
    expect(toHex(after)).toBe(toHex(before));
    expect(() => unwrap(fromHex(rewrap.wrappedKey), recordId, input.compartment, input.table, rewrap.from)).toThrow();
  });
});

describe('audit vector conforms to docs/vault-format.md', () => {
  it('chains h_i = BLAKE2b-256(key, h_{i-1} | seq u64 | canonical entry) from 32 zero bytes', () => {
    const key = fromHex(auditVectors.auditKey);
    let previous: Uint8Array = new Uint8Array(32);
    for (const [i, stored] of auditVectors.entries.entries()) {
      expect(stored.seq).toBe(i + 1);
      const input = AUDIT_ENTRIES[i];
      if (!input) throw new Error('no input');
      // Canonical JSON by hand for these inputs: keys sorted, no whitespace, v = 1.
      const sortKeys = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)])) : v;
      expect(stored.encoded).toBe(JSON.stringify(sortKeys({ action: input.action, at: input.at, data: input.data, v: 1 })));
      const hash = s.crypto_generichash(32, cat(previous, u64(stored.seq), utf8(stored.encoded)), key);
      expect(toHex(hash)).toBe(stored.hash);
      previous = hash;
    }
  });
});

describe('audit segment vector conforms to docs/vault-format.md', () => {
  it('starts the segment under the next key after the old head, naming that head and revealing the retired key', () => {
    const last = auditVectors.entries[auditVectors.entries.length - 1];
    if (!last) throw new Error('no entry');
    const nextKey = fromHex(auditSegmentVectors.nextKey);
    const [start, after] = auditSegmentVectors.entries;
    if (!start || !after) throw new Error('no segment entries');
    expect(JSON.parse(start.encoded)).toEqual({
      action: 'audit.rekey',
      at: '2026-01-07T08:00:00.000Z',
      data: { afterHash: last.hash, afterSeq: last.seq, retiredKey: auditVectors.auditKey },
      v: 1,
    });
    let previous = fromHex(last.hash);
    for (const stored of [start, after]) {
      const hash = s.crypto_generichash(32, cat(previous, u64(stored.seq), utf8(stored.encoded)), nextKey);
      expect(toHex(hash)).toBe(stored.hash);
      previous = hash;
    }
  });
});
