import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isId } from '../../../shared/domain/ids';
import { defineRecordKind } from '../../../renderer/src/vault/record-kind';
import { deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

const LATIN = 'CanaryDetainee Sednaya-7f3a';
const ARABIC = 'كناري المعتقل صيدنايا';
const TYPE = 'canarytestimonytype';
const FIELD = 'canaryFieldName';
const canaryKind = defineRecordKind(TYPE, 'witness', z.record(z.string(), z.string()));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Every byte sequence stored: binary fields as they are, strings and keys as UTF-8. */
function storedBytes(value: unknown, out: Uint8Array[] = []): Uint8Array[] {
  if (value instanceof Uint8Array) out.push(value);
  else if (typeof value === 'string') out.push(new TextEncoder().encode(value));
  else if (Array.isArray(value)) for (const item of value) storedBytes(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(new TextEncoder().encode(key));
      storedBytes(item, out);
    }
  }
  return out;
}

describe('what IndexedDB holds', VAULT_TESTS, () => {
  it('holds no plaintext, type names or field names, in UTF-8 or UTF-16, after a full session', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const record = await client.records.create(canaryKind, { [FIELD]: `${LATIN} ${ARABIC}` });
    await client.records.update(canaryKind, record.id, { [FIELD]: `${ARABIC} ${LATIN} (v2)` }, 1);
    const deleted = await client.records.create(canaryKind, { [FIELD]: ARABIC });
    await client.records.delete(canaryKind, deleted.id, 1);
    await client.updateSettings({ idleLockMinutes: 7, wipeAfterFailedUnlocks: 9 });
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    await client.reportCompromised(PASSPHRASE, 'another long passphrase here');
    await client.lock('manual');

    const dump = await dumpDatabase(databaseName);
    const blobs = storedBytes(dump);
    expect(blobs.length).toBeGreaterThan(10);
    // Control: the scan does find text that is stored in clear (the lockout row's key).
    expect(blobs.some((blob) => contains(blob, new TextEncoder().encode('lockout')))).toBe(true);
    for (const text of [LATIN, ARABIC, TYPE, FIELD, 'Sednaya', 'صيدنايا', 'record.create', 'idleLockMinutes']) {
      const needles = [new TextEncoder().encode(text), utf16(text, true), utf16(text, false)];
      for (const blob of blobs) for (const needle of needles) expect(contains(blob, needle), `${text} found in storage`).toBe(false);
    }

    // Keys are random ids or fixed structural names; the one clear row is the lockout counter.
    for (const table of ['objects', 'versions', 'audit']) {
      for (const row of dump[table] as { id: string }[]) expect(isId(row.id)).toBe(true);
    }
    expect((dump['heads'] as { id: number }[]).every((row) => Number.isInteger(row.id) && row.id >= 0 && row.id < 64)).toBe(true);
    expect((dump['vault'] as { id: string }[]).map((row) => row.id)).toEqual(['settings']);
    expect(dump['meta']).toEqual([{ id: 'lockout', failedAttempts: 0, wipeAfter: 9 }]);
    for (const table of ['objects', 'versions', 'heads', 'audit', 'vault']) {
      for (const row of dump[table] as object[]) expect(Object.keys(row).sort()).toEqual(['body', 'epoch', 'id', 'key']);
    }
    await client.dispose();
  });
});
