/** Fresh random record ids for what the import creates. Runs in the vault worker. */
import { newRecordId } from '../../../../../shared/crypto';
import { idFromBytes, type Id } from '../../../../../shared/domain/ids';

/** A new random record id (16 bytes, like every vault record id). */
export async function freshId(): Promise<Id> {
  return idFromBytes(await newRecordId());
}
