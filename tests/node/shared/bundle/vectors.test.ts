/**
 * Frozen `sijill-bundle/1` vectors (tests/fixtures/bundle): the stored .sijill files open to the
 * recorded manifest and entries, byte for byte, and writing again with the same fixed
 * randomness reproduces the exact bytes. The suite never regenerates them (see generate.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIdentityCard, formatIdentityCard } from '../../../../shared/bundle/identity-card';
import { fingerprintText, humanFingerprint } from '../../../../shared/bundle/fingerprint';
import { readBundle } from '../../../../shared/bundle/reader';
import { writeBundle } from '../../../../shared/bundle/writer';
import { ChunkDecryptor, ChunkEncryptor } from '../../../../shared/stream/secretstream';
import { fixedRandom, fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import vectors from '../../../fixtures/bundle/bundle-v1.json';
import { BACKUP_PASSPHRASE, LABELS, RECORDS, VECTOR_CASES, blobBytes, identityOf, vectorOptions } from '../../../fixtures/bundle/vector-inputs';
import { collect, source } from '../stream/helpers';
import { memorySink, s } from './helpers';

const parties = { alice: identityOf(s, vectors.identities.alice), bob: identityOf(s, vectors.identities.bob), carol: identityOf(s, vectors.identities.carol) };
const fixture = (file: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/bundle/${file}`, import.meta.url)));
const sha256 = (bytes: Uint8Array) => toHex(s.crypto_hash_sha256(bytes));
const pinned = [{ label: LABELS.alice, signPublicKey: parties.alice.signPublicKey, boxPublicKey: parties.alice.boxPublicKey }];

function stored(name: string) {
  const found = vectors.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no vector ${name}`);
  return found;
}

describe('bundle v1 known answers', () => {
  it('has a stored vector for every input case, with the stored file bytes', () => {
    expect(vectors.cases.map((c) => c.name)).toEqual(VECTOR_CASES.map((c) => c.name));
    for (const c of vectors.cases) {
      const bytes = fixture(c.file);
      expect({ size: bytes.length, sha256: sha256(bytes), header: toHex(bytes.subarray(0, c.header.length / 2)) }).toEqual({ size: c.size, sha256: c.sha256, header: c.header });
    }
    expect(sha256(blobBytes(s))).toBe(vectors.blob.sha256);
  });

  it('opens the two-recipient vector for each recipient to the recorded manifest and entries', async () => {
    const c = stored('x25519');
    const bytes = fixture(c.file);
    for (const who of [parties.bob, parties.carol]) {
      const { sink, entries } = memorySink();
      const result = await readBundle(source(bytes, 4096), { unlock: { identity: who }, pinned, sink, totalBytes: bytes.length });
      expect(result.manifest).toEqual(c.manifest);
      expect(toHex(result.headerHash)).toBe(c.headerHash);
      expect(result.sender.trust.status).toBe('verified');
      expect(new TextDecoder().decode(entries[0]?.bytes)).toBe(RECORDS.testimony);
      expect(new TextDecoder().decode(entries[1]?.bytes)).toBe(RECORDS.facility);
      expect(sha256(entries[2]?.bytes ?? new Uint8Array(0))).toBe(vectors.blob.sha256);
    }
  });

  it('opens the backup vector with its passphrase', async () => {
    const c = stored('passphrase');
    const { sink, entries } = memorySink();
    const result = await readBundle(source(fixture(c.file)), { unlock: { passphrase: BACKUP_PASSPHRASE.normalize('NFD') }, pinned, sink });
    expect(result.manifest).toEqual(c.manifest);
    expect(result.openedWith).toEqual({ via: 'passphrase', stanza: 0 });
    expect(entries.map((e) => new TextDecoder().decode(e.bytes))).toEqual([RECORDS.testimony, RECORDS.facility]);
  });

  it('writes every vector again, byte for byte, from the same randomness', async () => {
    for (const input of VECTOR_CASES) {
      const c = stored(input.name);
      const written = await writeBundle(await vectorOptions(s, input, parties, fixedRandom(s, input.random)));
      const bytes = await collect(written.chunks);
      expect({ size: bytes.length, sha256: sha256(bytes), bundleId: toHex(written.bundleId) }).toEqual({ size: c.size, sha256: c.sha256, bundleId: c.bundleId });
    }
  });

  it('reproduces the identity cards and fingerprints', async () => {
    for (const name of ['alice', 'bob', 'carol'] as const) {
      const card = await parseIdentityCard(vectors.cards[name].card);
      expect(card.label).toBe(LABELS[name]);
      expect(fingerprintText(card.fingerprint)).toBe(vectors.cards[name].fingerprint);
      expect(humanFingerprint(card.fingerprint)).toBe(vectors.cards[name].human);
      expect(await formatIdentityCard(parties[name], LABELS[name])).toBe(vectors.cards[name].card);
    }
  });
});

describe('secretstream known answer', () => {
  const v = vectors.stream;
  const plaintext = fixedRandom(s, v.plaintext.random)(v.plaintext.length);

  it('decrypts the recorded chunks and encrypts to the same bytes', async () => {
    const encryptor = await ChunkEncryptor.create(fromHex(v.key), { ad: fromHex(v.ad), random: () => fromHex(v.header) });
    const rows = [encryptor.push(plaintext.subarray(0, 65536), false), encryptor.push(plaintext.subarray(65536), true)];
    expect(rows.map((row) => ({ length: row.length, sha256: sha256(row) }))).toEqual(v.chunks);
    expect(toHex(rows[1] ?? new Uint8Array(0))).toBe(v.finalChunk);
    const decryptor = await ChunkDecryptor.create(fromHex(v.key), fromHex(v.header), { ad: fromHex(v.ad), expect: { length: plaintext.length } });
    expect(sha256(decryptor.pull(rows[0] ?? new Uint8Array(0)))).toBe(sha256(plaintext.subarray(0, 65536)));
    expect(toHex(decryptor.pull(fromHex(v.finalChunk)))).toBe(toHex(plaintext.subarray(65536)));
    expect(decryptor.finish().length).toBe(plaintext.length);
  });
});
