/**
 * Reference codes for testimonies (`T-2026-0042`) and pseudonym codes for witnesses
 * (`W-0042`). Runs on the renderer's main thread.
 *
 * Numbers come from an encrypted sequence record (record-kinds.ts), never from a clear
 * counter: the count of testimonies is itself sensitive. The next number is one past both the
 * sequence and the highest code in use, so a code is never handed out twice, even after the
 * sequence record was lost; a number skipped by a crash between the two writes is harmless.
 */
import { VersionConflictError } from '../../vault/vault-errors';
import type { LiveRecord, VaultClient } from '../../vault/vault-client';
import { newRecordId, sequenceKind, type Sequences } from './record-kinds';

/** `T-2026-0042`: at least 4 digits. */
export function formatReferenceCode(year: number, number: number): string {
  return `T-${year}-${String(number).padStart(4, '0')}`;
}

/** `W-0042`. */
export function formatPseudonymCode(number: number): string {
  return `W-${String(number).padStart(4, '0')}`;
}

/** Highest number among `codes` of `year` (0 if none). */
export function highestReferenceNumber(codes: Iterable<string>, year: number): number {
  let highest = 0;
  const prefix = `T-${year}-`;
  for (const code of codes) if (code.startsWith(prefix)) highest = Math.max(highest, Number(code.slice(prefix.length)) || 0);
  return highest;
}

/** Highest `W-nnnn` number among `codes`. */
export function highestPseudonymNumber(codes: Iterable<string>): number {
  let highest = 0;
  for (const code of codes) {
    const match = /^W-(\d+)$/.exec(code);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

const MAX_ATTEMPTS = 3;

/** Hands out numbers from the vault's sequence record. One per store; calls must not overlap (the store queues them). */
export class SequenceAllocator {
  constructor(
    private readonly client: VaultClient,
    private record: LiveRecord<Sequences> | null,
  ) {}

  /** Adopts the sequence record found at load (the newest if a crash left two). */
  static fromList(client: VaultClient, records: readonly LiveRecord<Sequences>[]): SequenceAllocator {
    const merged = records.reduce<LiveRecord<Sequences> | null>((best, next) => (!best || next.savedAt > best.savedAt ? next : best), null);
    return new SequenceAllocator(client, merged);
  }

  private async write(next: (current: Sequences | null) => Sequences): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (!this.record) {
          const id = newRecordId();
          this.record = await this.client.records.create(sequenceKind, { ...next(null), id }, { id });
        } else {
          this.record = await this.client.records.update(sequenceKind, this.record.id, next(this.record.body), this.record.version);
        }
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS || !this.record) throw error;
        this.record = await this.client.records.read(sequenceKind, this.record.id);
      }
    }
  }

  /** The next testimony number of `year`, above `highestInUse`. */
  async nextTestimony(year: number, highestInUse: number): Promise<number> {
    let allocated = 0;
    await this.write((current) => {
      const last = Math.max(current?.testimonyByYear[String(year)] ?? 0, highestInUse);
      allocated = last + 1;
      return { id: current?.id ?? '', testimonyByYear: { ...current?.testimonyByYear, [String(year)]: allocated }, witness: current?.witness ?? 0 };
    });
    return allocated;
  }

  /** The next witness pseudonym number, above `highestInUse`. */
  async nextWitness(highestInUse: number): Promise<number> {
    let allocated = 0;
    await this.write((current) => {
      allocated = Math.max(current?.witness ?? 0, highestInUse) + 1;
      return { id: current?.id ?? '', testimonyByYear: { ...current?.testimonyByYear }, witness: allocated };
    });
    return allocated;
  }
}
