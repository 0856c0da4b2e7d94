/**
 * Audit key rotation: a new segment under a new key whose first entry commits to the old head.
 * The history stays verifiable with the current key alone; whoever holds a retired key can
 * neither append after the rotation nor rewrite what came before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAudit, chainAuditEntry, encodeAuditEntry, genesisAuditHead, verifyAuditChain, type AuditEntry, type AuditHead, type ChainedAuditEntry } from '../../../../shared/crypto/audit-chain';
import { AUDIT_SEGMENT_ACTION, lastSegmentRetired, startAuditSegment, verifySegmentedAuditChain } from '../../../../shared/crypto/audit-segments';
import { AuditError } from '../../../../shared/crypto/errors';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import { AUDIT_ENTRIES, AUDIT_SEGMENT_AT, AUDIT_SEGMENT_NEXT } from '../../../fixtures/crypto/vector-inputs';
import auditVectors from '../../../fixtures/crypto/audit-v1.json';
import segmentVectors from '../../../fixtures/crypto/audit-segment-v1.json';
import { rejection } from './helpers';

const s = await getSodium();
const AT = '2026-03-01T10:00:00Z';
const entry = (i: number): AuditEntry => ({ action: 'record.update', at: AT, data: { id: `r${i}`, v: i } });
const headOf = (c: ChainedAuditEntry): AuditHead => ({ seq: c.seq, hash: c.hash });

/** Appends `count` ordinary entries under `key` after `chain`. */
async function extend(chain: ChainedAuditEntry[], key: Uint8Array, count: number, from = chain.length): Promise<ChainedAuditEntry[]> {
  const out = [...chain];
  for (let i = 0; i < count; i++) {
    const last = out[out.length - 1];
    out.push(await appendAudit(key, last ? headOf(last) : genesisAuditHead(), entry(from + i)));
  }
  return out;
}

/** Starts a new segment under `next` after `chain` (whose last segment is under `retired`). */
async function rotate(chain: ChainedAuditEntry[], retired: Uint8Array, next: Uint8Array): Promise<ChainedAuditEntry[]> {
  const last = chain[chain.length - 1];
  return [...chain, await startAuditSegment(next, retired, last ? headOf(last) : genesisAuditHead(), AT)];
}

function tip(chain: readonly ChainedAuditEntry[]): AuditHead {
  const last = chain[chain.length - 1];
  return last ? headOf(last) : genesisAuditHead();
}

/** Two segments: entries 1–4 under `oldKey`, then the segment start (5) and 6–7 under `newKey`. */
async function twoSegments() {
  const oldKey = s.randombytes_buf(32);
  const newKey = s.randombytes_buf(32);
  const before = await extend([], oldKey, 4);
  const chain = await extend(await rotate(before, oldKey, newKey), newKey, 2, 5);
  return { oldKey, newKey, chain };
}

describe('audit segments', () => {
  it('match the frozen vector: the segment start is chained under the new key after the old head', async () => {
    const retiredKey = fromHex(auditVectors.auditKey);
    const nextKey = fromHex(segmentVectors.nextKey);
    const chain: ChainedAuditEntry[] = [];
    for (const e of AUDIT_ENTRIES) chain.push(await appendAudit(retiredKey, tip(chain), e));
    chain.push(await startAuditSegment(nextKey, retiredKey, tip(chain), AUDIT_SEGMENT_AT));
    chain.push(await appendAudit(nextKey, tip(chain), AUDIT_SEGMENT_NEXT));
    expect(chain.slice(-2).map((c) => ({ seq: c.seq, encoded: new TextDecoder().decode(encodeAuditEntry(c.entry)), hash: toHex(c.hash) }))).toEqual(segmentVectors.entries);
    expect(await verifySegmentedAuditChain(nextKey, chain, tip(chain))).toMatchObject({ ok: true, head: { seq: 5 } });
  });

  it('keep the whole history verifiable with the current key alone, across several rotations', async () => {
    const { newKey, chain } = await twoSegments();
    const third = s.randombytes_buf(32);
    const longer = await extend(await rotate(chain, newKey, third), third, 3, 8);
    expect(await verifySegmentedAuditChain(newKey, chain, tip(chain))).toMatchObject({ ok: true, head: { seq: 7 } });
    expect(await verifySegmentedAuditChain(third, longer, tip(longer))).toMatchObject({ ok: true, head: { seq: 11 } });
    // From a checkpoint inside the first segment, too.
    expect((await verifySegmentedAuditChain(third, longer.slice(2), tip(longer), tip(longer.slice(0, 2)))).ok).toBe(true);
    // The single-key verifier cannot, which is why the vault uses the segmented one.
    expect((await verifyAuditChain(third, longer, tip(longer))).ok).toBe(false);
  });

  it('reject entries forged with the retired key in place of the new segment, even behind a fake segment start', async () => {
    const { oldKey, newKey, chain } = await twoSegments();
    // Straight after the rotation: an entry under the old key where the new segment goes on.
    const appended = [...chain, await appendAudit(oldKey, tip(chain), entry(99))];
    expect(await verifySegmentedAuditChain(newKey, appended, tip(appended))).toEqual({ ok: false, firstBadIndex: 7, reason: 'hash' });
    // A forger's own segment start, revealing the old key, under a key of their choosing.
    const mine = s.randombytes_buf(32);
    const behindFake = await rotate(appended, oldKey, mine);
    expect((await verifySegmentedAuditChain(newKey, behindFake, tip(behindFake))).ok).toBe(false);
    // The same forgery as an unanchored tail after the genuine head is still refused.
    const tail = behindFake.slice(chain.length);
    expect((await verifySegmentedAuditChain(newKey, tail, tip(tail), tip(chain))).ok).toBe(false);
  });

  it('protect the retired segment: rewriting it consistently under the retired key breaks the next link', async () => {
    const { oldKey, newKey, chain } = await twoSegments();
    const rewritten = await extend([], oldKey, 1);
    rewritten.push(await appendAudit(oldKey, tip(rewritten), { action: 'record.delete', at: AT, data: { id: 'gone' } }));
    const forged = [...(await extend(rewritten, oldKey, 2, 2)), ...chain.slice(4)];
    expect(await verifySegmentedAuditChain(newKey, forged, tip(chain))).toEqual({ ok: false, firstBadIndex: 4, reason: 'entry' });
  });

  it('refuse a segment start that names another head, reveals no usable key, or keeps the key', async () => {
    const { newKey, chain } = await twoSegments();
    const before = chain.slice(0, 4);
    // Chained correctly under the new key, so only the segment rule can refuse it.
    const startWith = async (data: Record<string, string | number>) => [...before, await chainAuditEntry(newKey, tip(before), { action: AUDIT_SEGMENT_ACTION, at: AT, data })];
    const good = chain[4]?.entry.data as Record<string, string | number>;
    for (const data of [
      { ...good, afterSeq: 3 },
      { ...good, afterHash: toHex(s.randombytes_buf(32)) },
      { ...good, retiredKey: 'zz' },
      { ...good, retiredKey: toHex(new Uint8Array(32)) },
      { ...good, retiredKey: toHex(newKey) },
    ]) {
      const bad = await startWith(data);
      expect(await verifySegmentedAuditChain(newKey, bad, tip(bad))).toMatchObject({ ok: false });
    }
    const rebuilt = await startWith(good);
    expect(await verifySegmentedAuditChain(newKey, rebuilt, tip(rebuilt))).toMatchObject({ ok: true });
  });

  it('are written only by startAuditSegment, which refuses to keep or zero the key', async () => {
    const key = s.randombytes_buf(32);
    await rejection(() => appendAudit(key, genesisAuditHead(), { action: AUDIT_SEGMENT_ACTION, at: AT, data: {} }), AuditError, 'invalid-entry');
    await rejection(() => startAuditSegment(key, key.slice(), genesisAuditHead(), AT), AuditError, 'invalid-entry');
    await rejection(() => startAuditSegment(key, new Uint8Array(32), genesisAuditHead(), AT), AuditError, 'invalid-entry');
    await expect(verifySegmentedAuditChain(new Uint8Array(32), [], genesisAuditHead())).rejects.toThrow(TypeError);
  });

  it('tell which key the last segment start retired, in constant time', async () => {
    const { oldKey, newKey, chain } = await twoSegments();
    expect(await lastSegmentRetired(chain, oldKey)).toBe(true);
    expect(await lastSegmentRetired(chain, newKey)).toBe(false);
    expect(await lastSegmentRetired(chain.slice(0, 4), oldKey)).toBe(false);
  });

  it('refuse any single flipped bit of any stored hash (property)', async () => {
    const { newKey, chain } = await twoSegments();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: chain.length - 1 }), fc.integer({ min: 0, max: 255 }), async (index, bit) => {
        const tampered = chain.map((c, i) => (i === index ? { ...c, hash: c.hash.map((b, j) => (j === bit >> 3 ? b ^ (0x80 >>> (bit & 7)) : b)) } : c));
        expect((await verifySegmentedAuditChain(newKey, tampered, tip(chain))).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
