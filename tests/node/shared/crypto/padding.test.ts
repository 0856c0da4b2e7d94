import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PADDED_BYTES, paddedLength } from '../../../../shared/crypto/padding';

describe('Padmé padding', () => {
  it('pads everything up to 256 bytes to 256', () => {
    for (const n of [0, 1, 255, 256]) expect(paddedLength(n)).toBe(MIN_PADDED_BYTES);
  });

  it('matches known Padmé values', () => {
    expect([257, 1000, 1025, 5000, 65_537, 1_000_000].map(paddedLength)).toEqual([272, 1024, 1088, 5120, 67_584, 1_015_808]);
  });

  it('never shrinks, costs at most 1/16 above the floor, is monotonic and idempotent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 2 ** 20 }), (n, delta) => {
        const p = paddedLength(n);
        expect(p).toBeGreaterThanOrEqual(n);
        expect(p).toBeLessThanOrEqual(Math.max(MIN_PADDED_BYTES, n + n / 16));
        expect(paddedLength(n + delta)).toBeGreaterThanOrEqual(p);
        expect(paddedLength(p)).toBe(p);
      }),
      { numRuns: 2000 },
    );
  });
});
