import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, encodeAuditEntry, genesisAuditHead, verifyAuditChain, type AuditEntry, type ChainedAuditEntry } from '../../../../shared/crypto/audit-chain';
import { AuditError } from '../../../../shared/crypto/errors';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import { AUDIT_ENTRIES } from '../../../fixtures/crypto/vector-inputs';
import vectors from '../../../fixtures/crypto/audit-v1.json';
import { flipBit, thrown } from './helpers';

const s = await getSodium();
const auditKey = s.randombytes_buf(32);
let chain: ChainedAuditEntry[] = [];

async function build(entries: readonly AuditEntry[], key = auditKey): Promise<ChainedAuditEntry[]> {
  const out: ChainedAuditEntry[] = [];
  let head = genesisAuditHead();
  for (const entry of entries) {
    const chained = await appendAudit(key, head, entry);
    out.push(chained);
    head = { seq: chained.seq, hash: chained.hash };
  }
  return out;
}

function headOf(entries: readonly ChainedAuditEntry[]) {
  const last = entries[entries.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : genesisAuditHead();
}

const entry = (i: number): AuditEntry => ({ action: 'record.edit', at: `2026-02-0${(i % 9) + 1}T10:00:00Z`, data: { id: `r${i}`, version: i + 1 } });

beforeAll(async () => {
  chain = await build(Array.from({ length: 8 }, (_, i) => entry(i)));
});

describe('audit chain', () => {
  it('matches the frozen vector: h_i = BLAKE2b-256(key, h_{i-1} || seq u64 BE || canonical entry)', async () => {
    const key = fromHex(vectors.auditKey);
    const built = await build(AUDIT_ENTRIES, key);
    expect(built.map((c) => ({ seq: c.seq, encoded: new TextDecoder().decode(encodeAuditEntry(c.entry)), hash: toHex(c.hash) }))).toEqual(vectors.entries);
    const first = built[0];
    if (!first) throw new Error('no entry');
    const manual = s.crypto_generichash(32, Uint8Array.from([...new Uint8Array(32), 0, 0, 0, 0, 0, 0, 0, 1, ...encodeAuditEntry(first.entry)]), key);
    expect(toHex(manual)).toBe(toHex(first.hash));
  });

  it('verifies an untouched chain, and an empty one against the genesis head', async () => {
    expect(await verifyAuditChain(auditKey, chain, headOf(chain))).toMatchObject({ ok: true, head: { seq: 8 } });
    expect((await verifyAuditChain(auditKey, [], genesisAuditHead())).ok).toBe(true);
  });

  it('verifies from a checkpoint', async () => {
    const checkpoint = headOf(chain.slice(0, 3));
    expect((await verifyAuditChain(auditKey, chain.slice(3), headOf(chain), checkpoint)).ok).toBe(true);
  });

  it('reports the first bad index for an edited entry, hash, or sequence number', async () => {
    const edited = chain.map((c, i) => (i === 4 ? { ...c, entry: { ...c.entry, data: { id: 'r4', version: 99 } } } : c));
    expect(await verifyAuditChain(auditKey, edited, headOf(chain))).toEqual({ ok: false, firstBadIndex: 4, reason: 'hash' });
    const badHash = chain.map((c, i) => (i === 2 ? { ...c, hash: flipBit(c.hash, 7) } : c));
    expect(await verifyAuditChain(auditKey, badHash, headOf(chain))).toEqual({ ok: false, firstBadIndex: 2, reason: 'hash' });
    const badSeq = chain.map((c, i) => (i === 5 ? { ...c, seq: 7 } : c));
    expect(await verifyAuditChain(auditKey, badSeq, headOf(chain))).toMatchObject({ ok: false, firstBadIndex: 5 });
  });

  it('detects removal, reordering, duplication, truncation and extra entries', async () => {
    const cases: [ChainedAuditEntry[], number, string][] = [
      [[...chain.slice(0, 3), ...chain.slice(4)], 3, 'sequence'],
      [[chain[1], chain[0], ...chain.slice(2)].filter((c) => c !== undefined), 0, 'sequence'],
      [[...chain.slice(0, 3), ...chain.slice(2)], 3, 'sequence'],
      [chain.slice(0, 6), 6, 'truncated'],
      [chain, 5, 'beyond-head'],
    ];
    const expected = [headOf(chain), headOf(chain), headOf(chain), headOf(chain), headOf(chain.slice(0, 5))];
    for (const [index, [entries, firstBadIndex, reason]] of cases.entries()) {
      expect(await verifyAuditChain(auditKey, entries, expected[index] ?? genesisAuditHead())).toEqual({ ok: false, firstBadIndex, reason });
    }
  });

  it('detects a chain rewritten under another key, or a head that does not match', async () => {
    const forged = await build(chain.map((c) => c.entry), s.randombytes_buf(32));
    expect(await verifyAuditChain(auditKey, forged, headOf(chain))).toEqual({ ok: false, firstBadIndex: 0, reason: 'hash' });
    const otherHead = { seq: 8, hash: s.randombytes_buf(32) };
    expect(await verifyAuditChain(auditKey, chain, otherHead)).toEqual({ ok: false, firstBadIndex: 0, reason: 'head-mismatch' });
  });

  it('fails every single-bit flip of any stored hash (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: chain.length - 1 }), fc.integer({ min: 0, max: 255 }), async (index, bit) => {
        const tampered = chain.map((c, i) => (i === index ? { ...c, hash: flipBit(c.hash, bit) } : c));
        expect(await verifyAuditChain(auditKey, tampered, headOf(chain))).toEqual({ ok: false, firstBadIndex: index, reason: 'hash' });
      }),
      { numRuns: 200 },
    );
  });

  it('encodes entries canonically: key order does not matter, non-canonical values are refused', () => {
    const a = encodeAuditEntry({ action: 'x.y', at: 't', data: { b: 1, a: [true, null, 'ش'] } });
    const b = encodeAuditEntry({ action: 'x.y', at: 't', data: { a: [true, null, 'ش'], b: 1 } });
    expect(new TextDecoder().decode(a)).toBe('{"action":"x.y","at":"t","data":{"a":[true,null,"ش"],"b":1},"v":1}');
    expect(toHex(a)).toBe(toHex(b));
    for (const data of [1.5, Number.NaN, { f: () => 1 }, { u: undefined }, new Date(0), 2 ** 60]) {
      thrown(() => encodeAuditEntry({ action: 'x', at: 't', data: data as never }), AuditError, 'invalid-entry');
    }
    thrown(() => encodeAuditEntry({ action: 'Bad Action', at: 't', data: null }), AuditError, 'invalid-entry');
    thrown(() => encodeAuditEntry({ action: 'x', at: 't', data: 'x'.repeat(20_000) }), AuditError, 'invalid-entry');
  });

  it('refuses holes in arrays instead of silently dropping them (the hash must cover the stored value)', () => {
    // eslint-disable-next-line no-sparse-arrays -- the point of the test
    const sparse = [1, , 3];
    thrown(() => encodeAuditEntry({ action: 'x', at: 't', data: sparse as never }), AuditError, 'invalid-entry');
    expect(new TextDecoder().decode(encodeAuditEntry({ action: 'x', at: 't', data: [1, null, 3] }))).toBe('{"action":"x","at":"t","data":[1,null,3],"v":1}');
  });

  it('refuses a wiped (all-zero) audit key rather than chaining under it', async () => {
    const zero = new Uint8Array(32);
    await expect(appendAudit(zero, genesisAuditHead(), entry(0))).rejects.toThrow(TypeError);
    await expect(verifyAuditChain(zero, [], genesisAuditHead())).rejects.toThrow(TypeError);
    await expect(appendAudit(new Uint8Array(16).fill(1), genesisAuditHead(), entry(0))).rejects.toThrow(TypeError);
  });

  it('never reports ok when the start checkpoint is past the expected head', async () => {
    const start = headOf(chain);
    const earlier = headOf(chain.slice(0, 3));
    expect(await verifyAuditChain(auditKey, [], { seq: earlier.seq, hash: start.hash }, start)).toEqual({ ok: false, firstBadIndex: 0, reason: 'beyond-head' });
    expect(await verifyAuditChain(auditKey, [], earlier, start)).toEqual({ ok: false, firstBadIndex: 0, reason: 'beyond-head' });
  });

  it('reports a stored hash that is not bytes as a bad hash instead of throwing', async () => {
    const asArray = chain.map((c, i) => (i === 1 ? { ...c, hash: [...c.hash] as unknown as Uint8Array } : c));
    expect(await verifyAuditChain(auditKey, asArray, headOf(chain))).toEqual({ ok: false, firstBadIndex: 1, reason: 'hash' });
  });

  it('refuses an invalid head', async () => {
    let caught: unknown;
    try {
      await appendAudit(auditKey, { seq: -1, hash: new Uint8Array(32) }, entry(0));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuditError);
  });
});
