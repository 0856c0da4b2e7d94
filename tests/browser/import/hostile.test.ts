// The bad-bundle catalogue of DESIGN.md §12 through the APP's import (real worker, IndexedDB,
// libsodium): every hostile bundle from a verified partner is refused with the category a person
// needs (import-types.ts `ImportProblem`) and the reader's code, and NOTHING is merged: no record,
// no attachment chunk row, no pending marker, no ledger or provenance record; the audit trail
// gains exactly one entry, the refusal. An authentic bundle from an unknown, impostor or
// changed-key signer may be inspected, and its merge is refused the same way. Finally an honest
// bundle still imports (no refusal was remembered as "seen") and its replay changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryOf, type BundleErrorCode } from '../../../shared/bundle/errors';
import { createIdentity, type DeviceIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { facilityKind, perpetratorKind, testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import type { ImportProblem } from '../../../renderer/src/vault/import-types';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { hostileCatalogue, type CatalogueParties } from '../../node/shared/bundle/catalogue';
import { defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { addPartner, caseFile, openedFile, ourRecipient, sealBundle } from './support';

let client: VaultClient;
let databaseName = '';
let partner: DeviceIdentity;
let parties: CatalogueParties;

beforeAll(async () => {
  ({ client, databaseName } = await makeUnlockedVault());
  partner = createIdentity(await getSodium(), undefined);
  await addPartner(client, partner);
  const us = await ourRecipient(client);
  parties = { sender: partner, recipient: us };
}, VAULT_TESTS.timeout);

afterAll(async () => {
  await client.dispose();
  await deleteTestDatabases();
});

const imports = () => defined(client.imports, 'imports');

/** The problem the app reports for a reader error (docs/bundle-format.md §11, refusal.ts). */
function problemOf(code: BundleErrorCode): ImportProblem {
  if (code === 'too-large') return 'too-large';
  const byCategory: Record<ReturnType<typeof categoryOf>, ImportProblem> = { malformed: 'malformed', 'not-for-us': 'not-for-us', tampered: 'damaged', replayed: 'replayed', 'invalid-input': 'malformed' };
  return byCategory[categoryOf(code)];
}

/** Rows per table: records, versions, heads (ledger, provenance), chunks, pending markers, audit. */
async function rowCounts(): Promise<Record<string, number>> {
  const dump = await dumpDatabase(databaseName);
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));
}

async function recordCounts() {
  const [t, f, p] = await Promise.all([client.records.list(testimonyKind), client.records.list(facilityKind), client.records.list(perpetratorKind)]);
  return [t.records.length, f.records.length, p.records.length];
}

async function auditRows() {
  return (await client.auditTrail()).rows;
}

describe('hostile bundles through the app import', VAULT_TESTS, () => {
  hostileCatalogue(() => parties).forEach((c) => {
    const expected = c.code ? `${problemOf(c.code)} [${c.code}]` : `inspect only (${c.trust ?? ''}), merge refused`;
    it(`${c.name}: ${expected}`, async () => {
      const bytes = await c.bytes();
      const rowsBefore = await rowCounts();
      const auditBefore = await auditRows();

      const opened = await imports().open(openedFile(bytes));
      let refused: { problem: ImportProblem; code: string };
      if (c.code) {
        expect(opened).toEqual({ ok: false, problem: problemOf(c.code), code: c.code });
        refused = { problem: problemOf(c.code), code: c.code };
      } else {
        // Authentic, but the signer is not the verified contact: inspect, never merge.
        if (!opened.ok) throw new Error(`refused at open: ${opened.problem} ${opened.code}`);
        expect(opened.summary).toMatchObject({ trust: c.trust, canMerge: false });
        refused = c.trust === 'key-changed' ? { problem: 'key-changed', code: 'signer-key-changed' } : { problem: 'untrusted-signer', code: 'signer-unverified' };
        expect(await imports().merge(opened.summary.importId)).toEqual({ ok: false, ...refused });
      }

      // Nothing merged, nothing left behind; the audit trail holds one more entry: the refusal.
      expect(await recordCounts()).toEqual([0, 0, 0]);
      const rowsAfter = await rowCounts();
      expect({ ...rowsAfter, audit: rowsBefore['audit'] }).toEqual(rowsBefore);
      expect(rowsAfter['audit']).toBe((rowsBefore['audit'] ?? 0) + 1);
      const auditAfter = await auditRows();
      expect(auditAfter.length).toBe(auditBefore.length + 1);
      const added = auditAfter.filter((row) => !auditBefore.some((old) => old.seq === row.seq));
      expect(added).toEqual([expect.objectContaining({ action: 'import', data: expect.objectContaining({ result: refused.problem, code: refused.code }) })]);
      expect((await client.auditTrail()).warning).toBeNull();
    });
  });

  it('still imports an honest bundle afterwards (no refusal was remembered), and refuses its replay changing nothing', async () => {
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, ...(await caseFile()) });
    const opened = await imports().open(openedFile(bytes));
    if (!opened.ok) throw new Error(`${opened.problem} ${opened.code}`);
    expect(await imports().merge(opened.summary.importId)).toMatchObject({ ok: true, counts: { created: 3, attachments: 1 } });
    expect(await recordCounts()).toEqual([1, 1, 1]);

    const rowsBefore = await rowCounts();
    expect(await imports().open(openedFile(bytes))).toEqual({ ok: false, problem: 'replayed', code: 'replayed' });
    const rowsAfter = await rowCounts();
    expect({ ...rowsAfter, audit: rowsBefore['audit'] }).toEqual(rowsBefore);
    expect(rowsAfter['audit']).toBe((rowsBefore['audit'] ?? 0) + 1);
    expect(await recordCounts()).toEqual([1, 1, 1]);
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'import', data: { bundle: opened.summary.bundleId, result: 'replayed', code: 'replayed' } });
  });
});
