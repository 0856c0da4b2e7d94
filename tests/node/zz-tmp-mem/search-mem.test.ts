// TEMPORARY experiment (deleted before report): heap of the search engine.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getHeapStatistics } from 'node:v8';
import { it } from 'vitest';
import { syntheticVault } from '../../bench/page/synthetic-vault';
import { testimonyDoc, parseSearchSource, facilityDoc, perpetratorDoc } from '../../../renderer/src/features/records/search/search-docs';
import { PersistentSearchEngine } from '../../../renderer/src/features/records/search/search-snapshot';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const used = () => { gc(); gc(); return getHeapStatistics().used_heap_size / 1e6; };

it('measures', () => {
  const N = Number(process.env['N'] ?? 2000);
  const vault = syntheticVault(2026, N);
  const base = used();
  const engine = new PersistentSearchEngine();
  engine.apply({ facilities: vault.facilities.map((f) => facilityDoc(f.id, f)), perpetrators: vault.perpetrators.map((p) => perpetratorDoc(p.id, p)) });
  let docsBytes = 0;
  for (let at = 0; at < N; at += 200) {
    const docs = [];
    for (let i = at; i < Math.min(N, at + 200); i += 1) { const t = vault.testimony(i); const d = testimonyDoc(t.id, parseSearchSource(t), 1); docsBytes += d.narrative.length + d.summary.length + d.translations.length; docs.push(d); }
    engine.apply({ testimonies: docs });
  }
  const built = used() - base;
  const snap = engine.snapshot();
  const current = new Map<string, number>();
  for (let i = 0; i < N; i += 1) current.set(vault.testimony(i).id, 1);
  const names = { facilities: vault.facilities.map((f) => facilityDoc(f.id, f)), perpetrators: vault.perpetrators.map((p) => perpetratorDoc(p.id, p)) };
  const snapLen = snap.length;
  const restoredEngine = new PersistentSearchEngine();
  restoredEngine.restore(snap, current as never, names);
  const keep = [engine, restoredEngine];
  const both = used() - base;
  keep.pop();
  // eslint-disable-next-line
  const idx = (restoredEngine as any).testimonyIndex;
  let terms = 0, inner = 0, postings = 0; const byField: Record<string, number> = {}; const sizes: Record<string, number> = {};
  for (const [, data] of idx._index) { terms += 1; for (const [f, m] of data) { inner += 1; postings += m.size; byField[f] = (byField[f] ?? 0) + m.size; const b = m.size < 2 ? '1' : m.size < 10 ? '<10' : m.size < 100 ? '<100' : '>=100'; sizes[b] = (sizes[b] ?? 0) + 1; } }
  console.log(JSON.stringify({ byField, sizes, fieldIds: idx._fieldIds }));
  console.log(JSON.stringify({ N, docsMB: docsBytes / 1e6, builtMB: built, bothMB: both, restoredMB: both - built, snapshotChars: snapLen, terms, inner, postings }));
}, 600_000);
