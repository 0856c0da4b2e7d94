/**
 * The moment a backup describes. Runs in the vault worker, inside one `exclusive` step: the
 * sender sequence number is taken (and written to the keyring, like any bundle's), then the
 * head index, audit head, keyring secrets and settings are copied together, so they agree
 * with each other. Writing the backup afterwards does not block saves: the head shards are
 * immutable values (a save swaps in a new one), version rows are never rewritten with other
 * plaintext, and audit rows only grow. A record deleted meanwhile makes the backup fail
 * (`changed`) instead of silently differing.
 */
import { toBase64url, toHex } from '../../../../../shared/bundle/encoding';
import { takeSenderSeq, wipe } from '../../../../../shared/crypto';
import { signSeedOf } from '../../../../../shared/crypto/identity';
import type { Id } from '../../../../../shared/domain/ids';
import { BackupError } from '../../vault-errors';
import type { HeadEntry } from '../head-index';
import type { Session } from '../session';
import { BACKUP_FORMAT, type BackupVault } from './layout';

/** One record as the snapshot saw it. */
export interface RecordRef {
  readonly id: Id;
  readonly entry: HeadEntry;
}

/** Everything a backup is written from. */
export interface VaultSnapshot {
  /** Every record (live and deleted), in shard order. */
  readonly records: readonly RecordRef[];
  readonly auditSeq: number;
  readonly auditHead: Uint8Array;
  readonly senderSeq: number;
  /** The vault entry, minus its counts (known once the entries are listed). */
  readonly vault: Omit<BackupVault, 'counts'>;
}

/** Takes the sender sequence number and snapshots the vault. Call outside `exclusive`. */
export function takeSnapshot(session: Session): Promise<VaultSnapshot> {
  return session.exclusive(async () => {
    if (session.heads.broken.size > 0) throw new BackupError('unreadable');
    const taken = takeSenderSeq(session.holder.keyring);
    await session.holder.replace(taken.unlocked);
    const keyring = session.holder.keyring;
    const shards = session.heads.all();
    const records: RecordRef[] = [];
    for (const shard of shards) for (const [id, entry] of shard.entries) records.push({ id, entry });
    const head = session.audit.head;
    const auditKey = await session.holder.chainKey();
    // A view into the keyring's secret key: never wiped here.
    const signSeed = signSeedOf(keyring.identity);
    try {
      return {
        records,
        auditSeq: head.seq,
        auditHead: head.hash.slice(),
        senderSeq: taken.senderSeq,
        vault: {
          format: BACKUP_FORMAT,
          created: new Date().toISOString(),
          vault: {
            generation: keyring.generation,
            senderSeq: taken.senderSeq,
            identity: { signSeed: toBase64url(signSeed), boxSecret: toBase64url(keyring.identity.boxSecretKey), binding: toBase64url(keyring.identity.binding) },
            audit: { key: toBase64url(auditKey), seq: head.seq, head: toHex(head.hash) },
            settings: { ...session.settings },
            settingsGeneration: session.settingsRowGeneration,
            shards: shards.filter((shard) => shard.generation > 0).map((shard) => ({ n: shard.number, generation: shard.generation })),
          },
        },
      };
    } finally {
      wipe(auditKey);
    }
  });
}
