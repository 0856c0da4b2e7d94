/**
 * Shared fixtures for the bundle tests: fictional identities from fixed randomness, sample
 * entries, an in-memory quarantine sink, and one-call write / read helpers. Argon2id always
 * runs at the floor (2 passes, 19 MiB) here.
 */
import { createIdentity, type DeviceIdentity } from '../../../../shared/crypto/identity';
import { KDF_FLOOR } from '../../../../shared/crypto/kdf-params';
import { getSodium } from '../../../../shared/crypto/sodium';
import { describeEntry, recordEntry, type EntrySource } from '../../../../shared/bundle/entries';
import type { QuarantineSink } from '../../../../shared/bundle/entry-reader';
import type { PublicIdentity } from '../../../../shared/bundle/identity-card';
import { readBundle, type ReadBundleOptions, type VerifiedBundle } from '../../../../shared/bundle/reader';
import { writeBundle, type BundleRecipient, type WriteBundleOptions } from '../../../../shared/bundle/writer';
import { fixedRandom } from '../../../fixtures/crypto/fixed-random';
import { collect, pattern, source } from '../stream/helpers';

export const s = await getSodium();
/** The cheapest Argon2id parameters the format allows. */
export const FAST = KDF_FLOOR;
export const PASSPHRASE = 'صيدنايا correct horse battery';

function identity(name: string): DeviceIdentity {
  return createIdentity(s, fixedRandom(s, `bundle-tests/${name}`));
}

/** Fictional parties: a documentation team (sender), two partners, an impostor. */
export const alice = identity('alice');
export const bob = identity('bob');
export const carol = identity('carol');
export const mallory = identity('mallory');

/** The public identity of `who` under `label`. */
export function publicOf(who: DeviceIdentity, label: string): PublicIdentity {
  return { label, signPublicKey: who.signPublicKey, boxPublicKey: who.boxPublicKey };
}

export const ALICE = publicOf(alice, 'Documentation Team A');
export const BOB = publicOf(bob, 'Partner Law Office');
export const CAROL = publicOf(carol, 'Carol Analyst');

export const to = (who: PublicIdentity): BundleRecipient => ({ kind: 'identity', identity: who });
export const withPassphrase = (passphrase = PASSPHRASE): BundleRecipient => ({ kind: 'passphrase', passphrase, kdf: FAST });

/** 16-byte id number `n`. */
export function id(n: number): Uint8Array {
  const out = new Uint8Array(16);
  out[15] = n;
  out[0] = 0x5a;
  return out;
}

/** Two records and a blob spanning two payload chunks. */
export async function sampleEntries(blobLength = 70_000): Promise<EntrySource[]> {
  return [
    await recordEntry({ id: id(1), type: 'testimony', json: '{"code":"T-2026-0042","summary":"Fictional account for tests","facility":"Sednaya"}' }),
    await recordEntry({ id: id(2), type: 'facility', json: '{"names":["صيدنايا","Sednaya"]}', name: 'Sednaya.json' }),
    await describeEntry({ id: id(3), kind: 'blob', type: 'attachment', name: 'interview-notes.pdf', mediaType: 'application/pdf', open: () => source(pattern(blobLength, 3), 10_000) }),
  ];
}

/** Options for a typical bundle from Alice to Bob. */
export async function baseOptions(overrides: Partial<WriteBundleOptions> = {}): Promise<WriteBundleOptions> {
  return {
    sender: alice,
    senderLabel: ALICE.label,
    recipients: [to(BOB)],
    entries: await sampleEntries(),
    senderSeq: 7,
    redaction: 'pseudonymised',
    auditCheckpoint: { seq: 12, head: new Uint8Array(32).fill(0xab) },
    created: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Writes a bundle and returns its bytes. */
export async function writeBytes(overrides: Partial<WriteBundleOptions> = {}): Promise<Uint8Array> {
  return collect((await writeBundle(await baseOptions(overrides))).chunks);
}

/** An in-memory sink recording every call. */
export function memorySink() {
  const entries: { id: string; bytes: Uint8Array; ended: boolean }[] = [];
  let current: Uint8Array[] = [];
  const sink: QuarantineSink = {
    beginEntry(entry) {
      current = [];
      entries.push({ id: entry.id, bytes: new Uint8Array(0), ended: false });
    },
    write(bytes) {
      current.push(bytes.slice());
    },
    endEntry() {
      const last = entries[entries.length - 1];
      if (last) Object.assign(last, { bytes: Uint8Array.from(current.flatMap((part) => [...part])), ended: true });
    },
  };
  return { sink, entries };
}

/** Reads `bytes` as Bob (default) with Alice pinned, in pieces of `piece` bytes. */
export function read(bytes: Uint8Array, options: Partial<ReadBundleOptions> = {}, piece = 8192): Promise<VerifiedBundle> {
  return readBundle(source(bytes, piece), { unlock: { identity: bob }, pinned: [ALICE], ...options });
}
