// The export engine's batched paths over the real vault (worker, IndexedDB, libsodium): a
// request longer than one read batch decides consent exactly as testimony by testimony would
// (request order kept, missing ids named, each included testimony with its witness code), and
// several attachments hashed together, one of them past the bytes an export keeps in memory
// (read from the vault again while the bundle is written), all reach the partner intact.
import { afterEach, describe, expect, it } from 'vitest';
import { parseExchangeRecord } from '../../../shared/exchange';
import { newId, type Id } from '../../../shared/domain/ids';
import { testimonySchema } from '../../../shared/domain/testimony';
import { testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import { CHUNK_BYTES } from '../../../shared/stream';
import { CHUNK_BATCH } from '../../../renderer/src/vault/worker/attachment-format';
import { HELD_BYTES } from '../../../renderer/src/vault/worker/export/export-entries';
import { READ_BATCH } from '../../../renderer/src/vault/worker/export/export-records';
import { testimony } from '../../node/shared/domain/samples';
import { deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { draftFor, patternBytes, sha256Hex } from '../attachments/support';
import { grantTo, pullAll, readAsPartner, request, seedEntities, seedTestimony, verifiedPartner } from './support';

afterEach(deleteTestDatabases);

const randomId = (): Id => newId((n) => crypto.getRandomValues(new Uint8Array(n)));

describe('export engine, batched reads', VAULT_TESTS, () => {
  it('decides a request longer than one read batch in request order, as record by record', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    // READ_BATCH + 12 requested ids: every 40th testimony has a witness and a consent sharing
    // with the partner; the others have no consent record; two ids were never saved (one in
    // each read batch).
    const ids: Id[] = [];
    const shared: Id[] = [];
    const missing = new Set<Id>();
    for (let n = 0; n < READ_BATCH + 12; n += 1) {
      if (n === 7 || n === READ_BATCH + 3) {
        const id = randomId();
        missing.add(id);
        ids.push(id);
      } else if (n % 40 === 0) {
        const seeded = await seedTestimony(client, links, [grantTo([contact.id])], n);
        shared.push(seeded.id);
        ids.push(seeded.id);
      } else {
        const id = randomId();
        const { witnessId: _w, consentId: _c, ...base } = testimony();
        await client.records.create(testimonyKind, testimonySchema.parse({ ...base, id, referenceCode: `T-2026-${String(n).padStart(4, '0')}`, attachmentIds: [] }), { id });
        ids.push(id);
      }
    }

    const preview = await client.exports.preview(request(ids, [contact.id]));
    expect(preview.included.map((i) => i.id)).toEqual(shared);
    expect(preview.excluded.map((e) => e.testimonyId)).toEqual(ids.filter((id) => !shared.includes(id)));
    for (const exclusion of preview.excluded) {
      if (missing.has(exclusion.testimonyId)) expect(exclusion).toEqual({ testimonyId: exclusion.testimonyId, referenceCode: null, reason: 'not_found' });
      else expect(exclusion.reason).not.toBe('not_found');
    }

    const begun = await client.exports.begin(request(ids, [contact.id]));
    if (!begun.ok) throw new Error(`export refused: ${begun.refusal}`);
    const file = await pullAll(begun.job.chunks());
    await begun.job.finish();
    const { entries } = await readAsPartner(file, partner, await client.identity());
    const testimonies = entries.filter(({ entry }) => entry.type === 'testimony').map(({ bytes }) => parseExchangeRecord(bytes, 'testimony'));
    expect(testimonies.map((t) => t.id).sort()).toEqual([...shared].sort());
    // Every included testimony names its witness by pseudonym code (read in the batch after consent).
    for (const t of testimonies) expect(t.witness_code).toMatch(/\S/);
    await client.dispose();
  });

  it('hashes several attachments together, keeps what fits in memory, reads the rest again, and the partner gets every byte', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    // Small ones, one whose last chunk ends a read batch exactly, and one larger than what an
    // export keeps in memory (read from the vault a second time while the bundle is written).
    const sizes = [0, 1, 70_000, (CHUNK_BATCH - 1) * CHUNK_BYTES + 5, 150_000, HELD_BYTES + 1, 3 * CHUNK_BYTES];
    // Compared by SHA-256 (a deep compare of tens of MiB element by element is too slow).
    const sent = new Map<string, string>();
    for (const [index, size] of sizes.entries()) {
      const bytes = patternBytes(size, index + 11);
      const name = `scan-${index}.bin`;
      await client.attachments.importFile(new Blob([bytes]), draftFor({ kind: 'testimony', id: t.id }, name));
      sent.set(name, await sha256Hex(bytes));
    }

    const begun = await client.exports.begin(request([t.id], [contact.id], { includeAttachments: true }));
    if (!begun.ok) throw new Error(`export refused: ${begun.refusal}`);
    expect(begun.job.started.preview.attachments).toBe(sizes.length);
    const file = await pullAll(begun.job.chunks());
    await begun.job.finish();
    // The partner's reader checks every length and hash of every entry.
    const { entries } = await readAsPartner(file, partner, await client.identity());
    const infos = entries.filter(({ entry }) => entry.type === 'attachment-info').map(({ bytes }) => parseExchangeRecord(bytes, 'attachment-info'));
    const blobs = entries.filter(({ entry }) => entry.kind === 'blob');
    expect(blobs).toHaveLength(sizes.length);
    // Blobs follow in the order of their attachment-info records, each the bytes imported.
    for (const [index, info] of infos.entries()) {
      const blob = blobs[index];
      if (!blob) throw new Error(`no blob for attachment-info ${index}`);
      expect(blob.entry.id).toBe(info.body.entry);
      expect(await sha256Hex(blob.bytes.slice())).toBe(sent.get(info.body.name));
    }
    expect(new Set(infos.map((info) => info.body.name))).toEqual(new Set(sent.keys()));
    await client.dispose();
  });
});
