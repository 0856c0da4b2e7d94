import { describe, expect, it } from 'vitest';
import '../../../renderer/src/ui/fonts.css';

describe('bundled fonts', () => {
  it('load Noto Naskh Arabic for Arabic and Noto Sans for Latin, including transliterations', async () => {
    for (const [font, sample] of [
      ['16px "Noto Naskh Arabic"', 'سجل'],
      ['bold 16px "Noto Naskh Arabic"', 'صيدنايا'],
      ['16px "Noto Sans"', 'Sijill'],
      ['16px "Noto Sans"', 'Ṣaydnāyā'],
    ] as const) {
      const faces = await document.fonts.load(font, sample);
      expect(faces.length, font).toBeGreaterThan(0);
      expect(faces.every((face) => face.status === 'loaded'), font).toBe(true);
      expect(document.fonts.check(font, sample), font).toBe(true);
    }
  });

  it('serves the fonts from the app’s own origin', async () => {
    await document.fonts.load('16px "Noto Naskh Arabic"', 'سجل');
    const fontRequests = performance.getEntriesByType('resource').filter((entry) => /\.woff2(\?|$)/.test(entry.name));
    expect(fontRequests.length).toBeGreaterThan(0);
    for (const entry of fontRequests) expect(new URL(entry.name).origin).toBe(location.origin);
  });
});
