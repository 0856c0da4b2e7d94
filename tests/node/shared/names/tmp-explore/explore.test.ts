import { it } from 'vitest';
import extra from '../../../../fixtures/names/extra-variants.json';
import { nameSimilarity } from '../../../../../shared/names/similarity';
import { pairs } from '../name-fixtures';
it('explore', () => {
  const out: string[] = [];
  for (const domain of ['facility', 'person'] as const) {
    for (const g of extra[domain].groups) {
      const names = g.names;
      const bad = new Map<string, number>();
      for (const [a, b] of pairs(names)) {
        const m = nameSimilarity(a, b, domain);
        if (m.score < 0.8) { bad.set(a, (bad.get(a) ?? 0) + 1); bad.set(b, (bad.get(b) ?? 0) + 1); out.push(`${domain} ${a} / ${b}: ${m.score.toFixed(2)} ${m.reason}`); }
      }
    }
  }
  console.log(out.join('\n'));
});
