// Deleting a testimony or an alleged perpetrator deletes its attachments too (and nobody else's).
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentOwner } from '../../../../renderer/src/vault/attachment-types';
import { draftFor, patternBytes } from '../../attachments/support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { makeCase, perpetratorInput, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

describe('deleting an owner deletes its attachments', () => {
  it('removes the attachments of a deleted testimony and the photos of a deleted perpetrator', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const doomed = await commands.createTestimony(testimonyInput());
    const kept = await commands.createTestimony(testimonyInput());
    const person = await commands.createPerpetrator(perpetratorInput(['Rami Kassem']));
    const attach = (owner: AttachmentOwner, name: string, size: number) => client.attachments.importFile(new File([patternBytes(size)], name), draftFor(owner, name));
    const doomedOwner: AttachmentOwner = { kind: 'testimony', id: doomed.id };
    const keptOwner: AttachmentOwner = { kind: 'testimony', id: kept.id };
    const personOwner: AttachmentOwner = { kind: 'perpetrator', id: person.id };
    const [scan] = [await attach(doomedOwner, 'scan.bin', 200_000), await attach(doomedOwner, 'notes.txt', 0)];
    const other = await attach(keptOwner, 'other.bin', 70_000);
    await attach(personOwner, 'photo.jpg', 1_000);

    await commands.deleteTestimony(doomed.id, 1);
    expect((await client.attachments.list(doomedOwner)).attachments).toEqual([]);
    await expect(client.attachments.open(scan.id)).rejects.toThrow();
    expect((await client.attachments.list(keptOwner)).attachments.map((info) => info.id)).toEqual([other.id]);
    expect((await client.attachments.verify(other.id)).size).toBe(70_000);

    await commands.deletePerpetrator(person.id, 1);
    expect((await client.attachments.list(personOwner)).attachments).toEqual([]);
    store.dispose();
    await client.dispose();
  });
});
