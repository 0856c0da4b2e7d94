/**
 * The attachments that go with a deleted testimony or alleged perpetrator. Runs on the
 * renderer's main thread, inside the case store's write queue (after the record is deleted).
 */
import type { AttachmentOwnerKind } from '../../vault/attachment-types';
import type { Id, VaultClient } from '../../vault/vault-client';

/**
 * Deletes every attachment of one owner, the unreadable ones included. Called after the owner
 * itself is gone, so a failure here leaves orphans (still encrypted) rather than a record
 * pointing at missing files.
 */
export async function deleteOwnerAttachments(client: VaultClient, kind: AttachmentOwnerKind, id: Id): Promise<void> {
  const listing = await client.attachments.list({ kind, id });
  for (const attachmentId of [...listing.attachments.map((info) => info.id), ...listing.unreadable]) {
    await client.attachments.delete(attachmentId);
  }
}
