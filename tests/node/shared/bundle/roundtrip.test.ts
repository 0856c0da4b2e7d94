/**
 * Real-crypto round trips of `sijill-bundle/1`: several recipients, passphrases (with NFC/NFD
 * and right-to-left text), multi-chunk blobs, empty blobs, exact size prediction, streaming.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeEntry, recordEntry } from '../../../../shared/bundle/entries';
import { BundleError } from '../../../../shared/bundle/errors';
import { writeBundle } from '../../../../shared/bundle/writer';
import { collect, digest, failsWith, pattern, source } from '../stream/helpers';
import { ALICE, BOB, CAROL, PASSPHRASE, baseOptions, bob, carol, id, mallory, memorySink, read, s, sampleEntries, to, withPassphrase, writeBytes } from './helpers';

describe('bundle round trip', () => {
  it('opens for each of two recipients, entry by entry, with the sender verified', async () => {
    const options = await baseOptions({ recipients: [to(BOB), to(CAROL)] });
    const written = await writeBundle(options);
    const bytes = await collect(written.chunks);
    expect(bytes.length).toBe(written.size);
    for (const [who, stanza] of [[bob, 0], [carol, 1]] as const) {
      const { sink, entries } = memorySink();
      const result = await read(bytes, { unlock: { identity: who }, sink, totalBytes: bytes.length });
      expect(result.openedWith).toEqual({ via: 'identity', stanza });
      expect(result.sender.trust).toEqual({ status: 'verified', contact: ALICE });
      expect(result.manifest).toEqual(written.manifest);
      expect(entries.map((e) => e.ended)).toEqual([true, true, true]);
      expect(entries.map((e) => digest(e.bytes))).toEqual([
        digest(new TextEncoder().encode('{"code":"T-2026-0042","summary":"Fictional account for tests","facility":"Sednaya"}')),
        digest(new TextEncoder().encode('{"names":["صيدنايا","Sednaya"]}')),
        digest(pattern(70_000, 3)),
      ]);
    }
  });

  it('writes a manifest with every field of the format', async () => {
    const { manifest, bundleId } = await writeBundle(await baseOptions({ recipients: [to(BOB), withPassphrase()] }));
    expect(Object.keys(manifest).sort()).toEqual(['audit_checkpoint', 'bundle_id', 'created', 'entries', 'format', 'header_hash', 'recipients', 'redaction', 'sender', 'sender_seq']);
    expect(manifest.recipients[1]).toBe('passphrase');
    expect(manifest.bundle_id).toHaveLength(22);
    expect(bundleId).toHaveLength(16);
    expect(manifest.entries[2]).toMatchObject({ kind: 'blob', type: 'attachment', length: 70_000, name: 'interview-notes.pdf', media_type: 'application/pdf' });
    expect(manifest.entries[2]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens with the passphrase typed in NFD as well as NFC, and refuses a wrong one', async () => {
    const nfd = 'café حقوق الإنسان Sednaya'.normalize('NFD');
    const bytes = await writeBytes({ recipients: [to(BOB), withPassphrase('café حقوق الإنسان Sednaya'.normalize('NFC'))] });
    expect((await read(bytes, { unlock: { passphrase: nfd } })).openedWith).toEqual({ via: 'passphrase', stanza: 1 });
    await failsWith(() => read(bytes, { unlock: { passphrase: 'cafe حقوق الإنسان Sednaya' } }), BundleError, 'wrong-passphrase');
    await failsWith(() => read(bytes, { unlock: { passphrase: '\uD800 lone surrogate' } }), BundleError, 'invalid-input');
  });

  it('refuses an identity on a passphrase-only bundle and a passphrase on a recipients-only bundle', async () => {
    const backup = await writeBytes({ recipients: [withPassphrase(PASSPHRASE + ' 🔐')] });
    await failsWith(() => read(backup), BundleError, 'not-a-recipient');
    await failsWith(() => read(backup, { unlock: { identity: mallory } }), BundleError, 'not-a-recipient');
    await failsWith(async () => read(await writeBytes(), { unlock: { passphrase: PASSPHRASE } }), BundleError, 'no-passphrase-stanza');
  });

  it.each([0, 1, 65536 - 200, 65536, 3 * 65536 + 1])('carries a blob of %i bytes exactly', async (length) => {
    const entries = [await describeEntry({ id: id(9), kind: 'blob', type: 'attachment', open: () => source(pattern(length, length), 7000) })];
    const written = await writeBundle(await baseOptions({ entries }));
    const bytes = await collect(written.chunks);
    expect(bytes.length).toBe(written.size);
    const { sink, entries: out } = memorySink();
    await read(bytes, { sink, totalBytes: bytes.length }, 333);
    expect(out.map((e) => digest(e.bytes))).toEqual([digest(pattern(length, length))]);
  });

  it('accepts a bundle without entries', async () => {
    const result = await read(await writeBytes({ entries: [] }));
    expect(result.manifest.entries).toEqual([]);
  });

  it('streams: an entry is opened only when the bundle bytes are pulled that far', async () => {
    let opened = 0;
    const entries = [await describeEntry({ id: id(4), kind: 'blob', type: 'attachment', open: () => (opened++, source(pattern(200_000), 4096)) })];
    expect(opened).toBe(1); // the first pass
    const written = await writeBundle(await baseOptions({ entries }));
    const iterator = written.chunks[Symbol.asyncIterator]();
    await iterator.next(); // header
    expect(opened).toBe(1);
    await iterator.next(); // stream header
    await iterator.next(); // first chunk: manifest, signature, start of the blob
    expect(opened).toBe(2);
    await iterator.return?.(undefined);
  });

  it.each([
    ['before the first pull', 0],
    ['after the header', 1],
    ['mid-payload', 3],
  ])('wipes the payload key when the job stops %s', async (_when, pulls) => {
    // The payload key is the only 32-byte kdf output with id 2 and context "SJB1payl".
    const spy = vi.spyOn(s, 'crypto_kdf_derive_from_key');
    try {
      const written = await writeBundle(await baseOptions({ entries: await sampleEntries(200_000) }));
      const keys = spy.mock.calls.flatMap(([, subkeyId, context], i) => {
        const result = spy.mock.results[i];
        return subkeyId === 2 && context === 'SJB1payl' && result?.type === 'return' && (result.value as unknown) instanceof Uint8Array ? [result.value as unknown as Uint8Array] : [];
      });
      expect(keys).toHaveLength(1);
      expect(keys[0]?.some((b) => b !== 0)).toBe(true);
      const iterator = written.chunks[Symbol.asyncIterator]();
      for (let i = 0; i < pulls; i++) await iterator.next();
      await iterator.return?.(undefined);
      expect(keys[0]?.every((b) => b === 0)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('writer refuses what it cannot write', () => {
  it('refuses a source whose bytes changed after it was described', async () => {
    let round = 0;
    const entries = [await describeEntry({ id: id(5), kind: 'blob', type: 'attachment', open: () => source(pattern(1000, ++round)) })];
    await failsWith(async () => collect((await writeBundle(await baseOptions({ entries }))).chunks), BundleError, 'source-mismatch');
    const longer = [{ ...(await recordEntry({ id: id(6), type: 'testimony', json: '{}' })), open: () => source(new TextEncoder().encode('{"a":1}')) }];
    await failsWith(async () => collect((await writeBundle(await baseOptions({ entries: longer }))).chunks), BundleError, 'source-mismatch');
  });

  it.each([
    ['a sender label with a bidi override', { senderLabel: 'Team \u202Egnp.exe' }],
    ['no recipients', { recipients: [] }],
    ['65 recipients', { recipients: Array.from({ length: 65 }, () => to(BOB)) }],
    ['two passphrases', { recipients: [withPassphrase(), withPassphrase()] }],
    ['a short passphrase', { recipients: [withPassphrase('short')] }],
    ['a low-order recipient key', { recipients: [to({ ...BOB, boxPublicKey: new Uint8Array(32) })] }],
    ['a sender seq of 0', { senderSeq: 0 }],
    ['a mismatched signing key pair', { sender: { ...bob, signPublicKey: carol.signPublicKey } }],
  ] as const)('refuses %s', async (_, overrides) => {
    await failsWith(async () => writeBundle(await baseOptions(overrides)), BundleError, 'invalid-input');
  });

  it('refuses duplicate entry ids and a record type on a blob', async () => {
    const record = await recordEntry({ id: id(1), type: 'testimony', json: '{}' });
    await failsWith(async () => writeBundle(await baseOptions({ entries: [record, record] })), BundleError, 'invalid-input');
    await failsWith(async () => writeBundle(await baseOptions({ entries: [{ ...record, kind: 'blob', sha256: new Uint8Array(32) }] })), BundleError, 'invalid-input');
    await failsWith(() => recordEntry({ id: id(1), type: 'attachment', json: '{}' }), BundleError, 'invalid-input');
  });
});
