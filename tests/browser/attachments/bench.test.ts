// The benchmark function the bench harness will call: it runs end to end and reports every
// figure (speeds are printed, never asserted: DESIGN.md §13 keeps budgets out of timed tests).
import { describe, expect, it } from 'vitest';
import { benchAttachmentThroughput } from '../../../renderer/src/features/attachments/bench';

describe('benchAttachmentThroughput', () => {
  it('measures raw secretstream and the attachment path over the same bytes', async () => {
    const figures = await benchAttachmentThroughput({ sizeMiB: Number(import.meta.env['VITE_BENCH_MIB'] ?? 8) });
    console.log(JSON.stringify(figures));
    expect(figures.bytes).toBeGreaterThan(0);
    for (const value of [figures.rawEncrypt, figures.rawDecrypt, figures.attachmentEncrypt, figures.attachmentDecrypt, figures.storageWrite, figures.storageRead]) expect(value).toBeGreaterThan(0);
    expect(figures.encryptRatio).toBeCloseTo(figures.attachmentEncrypt / figures.rawEncrypt, 6);
    expect(['user-agent', 'js-heap', 'none']).toContain(figures.memorySource);
    expect(figures.longestUiTaskMs).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
