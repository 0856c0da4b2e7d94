/**
 * Frozen envelope vectors (tests/fixtures/crypto/envelope-v1.json): the stored bytes open to the
 * recorded content, and sealing again with the same fixed randomness gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import type { EpochKey } from '../../../../shared/crypto/compartments';
import { rewrapDataKey, type RecordLocation } from '../../../../shared/crypto/data-key';
import { openRecord, sealRecord } from '../../../../shared/crypto/envelope';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fixedRandom, fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import { ENVELOPE_CASES } from '../../../fixtures/crypto/vector-inputs';
import vectors from '../../../fixtures/crypto/envelope-v1.json';

const s = await getSodium();
const vaultId = fromHex(vectors.vaultId);
const keys: EpochKey[] = vectors.epochKeys.map((k) => ({ epoch: k.epoch, key: fromHex(k.key) }));

function keyFor(epoch: number): EpochKey {
  const found = keys.find((k) => k.epoch === epoch);
  if (!found) throw new Error(`no key for epoch ${epoch}`);
  return found;
}

function caseAt(index: number) {
  const input = ENVELOPE_CASES[index];
  const stored = vectors.cases[index];
  if (!input || !stored || input.name !== stored.name) throw new Error(`vector ${index} does not match its input`);
  const location: RecordLocation = { vaultId, recordId: fromHex(stored.recordId), compartment: input.compartment, table: input.table };
  return { input, stored, location };
}

describe('envelope v1 known answers', () => {
  it('has a stored vector for every input case', () => {
    expect(vectors.cases.map((c) => c.name)).toEqual(ENVELOPE_CASES.map((c) => c.name));
  });

  it('opens every frozen record to its recorded content', async () => {
    for (let i = 0; i < ENVELOPE_CASES.length; i++) {
      const { input, stored, location } = caseAt(i);
      const sealed = { wrappedKey: fromHex(stored.wrappedKey), envelope: fromHex(stored.envelope) };
      const opened = await openRecord(location, sealed, keyFor(input.epoch), { type: input.content.type, headVersion: input.content.version });
      expect(opened).toEqual(input.content);
    }
  });

  it('seals every case to the same bytes from the same randomness', async () => {
    for (let i = 0; i < ENVELOPE_CASES.length; i++) {
      const { input, stored, location } = caseAt(i);
      const sealed = await sealRecord(location, input.content, keyFor(input.epoch), { random: fixedRandom(s, `envelope/${input.name}`) });
      expect({ wrappedKey: toHex(sealed.wrappedKey), envelope: toHex(sealed.envelope) }).toEqual({ wrappedKey: stored.wrappedKey, envelope: stored.envelope });
    }
  });

  it('re-wraps a data key to the recorded bytes, and the record opens under the new epoch', async () => {
    const { input, stored, location } = caseAt(0);
    const { rewrap } = vectors;
    const wrapped = await rewrapDataKey(location, fromHex(stored.wrappedKey), keyFor(rewrap.from), keyFor(rewrap.to), { random: fixedRandom(s, rewrap.random) });
    expect(toHex(wrapped)).toBe(rewrap.wrappedKey);
    const sealed = { wrappedKey: wrapped, envelope: fromHex(stored.envelope) };
    expect(await openRecord(location, sealed, keyFor(rewrap.to), { type: input.content.type, headVersion: 1 })).toEqual(input.content);
  });
});
