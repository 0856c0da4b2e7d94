/**
 * Export and import workloads (issue 6's throughput budget, issue 7's long tasks during export
 * and import). Runs on the bench page's main thread over the unlocked bench vault, through the
 * vault client as the wizards use it:
 * - export: the first testimonies (those naming the profile's subject: 500, or all in a smaller
 *   vault) to the verified partner, pseudonymised, with attachments; consent lets 1 in 2 go
 *   (synthetic-vault.ts). Prepared in the vault worker (consent, hashing, signing), then every
 *   chunk pulled to a sink that drops it, as `saveFile` would write it;
 * - import: a bundle of about the same size that the partner (partner.ts, trusted by the vault)
 *   seals on this page with shared/bundle before the clock starts, opened and verified into
 *   quarantine, then merged.
 * Each is timed from the first call to the last byte (export) or the merge (import), beside raw
 * secretstream push / pull of the same number of bytes measured here in the same run.
 */
import { toBase64url } from '../../../shared/bundle/encoding';
import { getSodium } from '../../../shared/crypto/sodium';
import type { Id } from '../../../shared/domain/ids';
import { rawSecretstream } from '../../../renderer/src/features/attachments/bench';
import { DemoRandom } from '../../../renderer/src/features/records/demo/demo-random';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import type { ExchangeRecordInput } from '../../../shared/exchange';
import { exchange, openedFile, ourRecipient, sealBundle, type TestBlob } from '../../browser/import/support';
import type { Figure } from '../bench-types';
import { timed, type LongTaskRecorder } from './measure';
import { benchPartner, partnerContactId } from './partner';
import { noise } from './populate';
import { isShared, PROFILE_ALLEGATIONS, syntheticVault } from './synthetic-vault';

const MiB = 1024 * 1024;
/** Raw baseline runs; the best counts (the machine may be busy). */
const RAW_RUNS = 3;
const budget = { on: 'ratio', op: '>=', limit: 0.6 } as const;

/** A measured stream figure and what its storage-inclusive baseline needs (main.ts adds it). */
export interface ExchangeFigure {
  readonly figure: Figure;
  /** 'read' when the workload reads its attachments from IndexedDB (export), 'write' when it stores them (import). */
  readonly storage: 'read' | 'write';
}

/** Raw secretstream over `size` random bytes, best of RAW_RUNS, in MiB/s. */
async function raw(size: number): Promise<{ push: number; pull: number }> {
  const data = noise(size);
  const runs = [];
  for (let n = 0; n < RAW_RUNS; n += 1) runs.push(await rawSecretstream(data));
  const rate = (ms: number) => size / MiB / (ms / 1000);
  return { push: rate(Math.min(...runs.map((r) => r.encrypt))), pull: rate(Math.min(...runs.map((r) => r.decrypt))) };
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Exports the first testimonies to the partner and pulls the whole bundle. */
export async function exportWorkload(client: VaultClient, seed: number, count: number, tasks: LongTaskRecorder): Promise<ExchangeFigure[]> {
  const vault = syntheticVault(seed, count);
  const chosen = Math.min(PROFILE_ALLEGATIONS, count);
  const testimonyIds = Array.from({ length: chosen }, (_, index) => vault.testimony(index).id);
  const request = { testimonyIds, recipientIds: [await partnerContactId(client)], redaction: 'pseudonymised' as const, includeAttachments: true };
  let job: Awaited<ReturnType<VaultClient['exports']['begin']>> | null = null;
  const prepareMs = await tasks.phase('export: prepare (consent, hash, sign)', () => timed(async () => (job = await client.exports.begin(request))));
  const begun = job as Awaited<ReturnType<VaultClient['exports']['begin']>> | null;
  if (!begun?.ok) throw new Error(`export refused: ${begun ? begun.refusal : 'no answer'}`);
  let pulled = 0;
  const pullMs = await tasks.phase('export: pull every chunk (discarded)', () =>
    timed(async () => {
      for await (const chunk of begun.job.chunks()) pulled += chunk.length; // the sink: saveFile would write it
    }),
  );
  await begun.job.finish();
  const { started } = begun.job;
  if (pulled !== started.size) throw new Error(`export pulled ${pulled} bytes of ${started.size}`);
  const baseline = await raw(started.size);
  const rate = started.size / MiB / ((prepareMs + pullMs) / 1000);
  const note = `${started.preview.included.length} of ${chosen} testimonies (consent lets 1 in 2 go), ${started.preview.attachments} attachments, bundle ${mib(started.size)}; prepare ${prepareMs.toFixed(0)} ms + pull ${pullMs.toFixed(0)} ms`;
  return [{ figure: { label: 'export (prepare + pull every chunk)', unit: 'MiB/s', value: rate, baseline: baseline.push, baselineLabel: 'raw secretstream push', budget, note }, storage: 'read' }];
}

/** The partner's case file of about the same size as the export: its own facilities, people and testimonies. */
async function partnerCaseFile(seed: number, count: number): Promise<{ records: ExchangeRecordInput[]; blobs: TestBlob[] }> {
  const s = await getSodium();
  const theirs = syntheticVault(seed + 1, Math.min(PROFILE_ALLEGATIONS, count));
  const random = new DemoRandom(seed + 2);
  const records: ExchangeRecordInput[] = [...theirs.facilities.map((f) => exchange('facility', f.id, f)), ...theirs.perpetrators.map((p) => exchange('perpetrator', p.id, p))];
  const blobs: TestBlob[] = [];
  for (let index = 0; index < Math.min(PROFILE_ALLEGATIONS, count); index += 1) {
    if (!isShared(index)) continue; // as many as our export carries
    const { witnessId: _w, consentId: _c, ...testimony } = theirs.testimony(index); // pseudonymised
    const size = theirs.attachmentBytes(index);
    const attachmentIds: Id[] = [];
    if (size !== null) {
      const bytes = noise(size);
      const entryId = s.randombytes_buf(16);
      const infoId = random.id();
      const name = `scan-${index + 1}.bin`;
      const info = { id: infoId, entry: toBase64url(entryId), owner: { kind: 'testimony', id: testimony.id }, name, media_type: 'application/octet-stream', size, sha256: s.to_hex(s.crypto_hash_sha256(bytes)), captured_at: '2025-06-01T10:00:00.000Z' };
      records.push(exchange('attachment-info', infoId, info));
      blobs.push({ entryId, bytes, name, mediaType: info.media_type });
      attachmentIds.push(infoId);
    }
    records.push(exchange('testimony', testimony.id, { ...testimony, attachmentIds }));
  }
  return { records, blobs };
}

/** Opens a partner bundle into quarantine and merges it. */
export async function importWorkload(client: VaultClient, seed: number, count: number, tasks: LongTaskRecorder): Promise<ExchangeFigure[]> {
  const imports = client.imports;
  if (!imports) throw new Error('this vault client has no import');
  const { records, blobs } = await partnerCaseFile(seed, count);
  const bundle = await sealBundle({ sender: await benchPartner(seed), recipients: [await ourRecipient(client)], seq: 1, records, blobs });
  let opened: Awaited<ReturnType<typeof imports.open>> | null = null;
  const openMs = await tasks.phase('import: open + verify into quarantine', () => timed(async () => (opened = await imports.open(openedFile(bundle)))));
  const result = opened as Awaited<ReturnType<typeof imports.open>> | null;
  if (!result?.ok) throw new Error(`import refused: ${result ? `${result.problem} (${result.code})` : 'no answer'}`);
  if (!result.summary.canMerge) throw new Error(`the partner's bundle cannot be merged (trust: ${result.summary.trust})`);
  let merged: Awaited<ReturnType<typeof imports.merge>> | null = null;
  const mergeMs = await tasks.phase('import: merge', () => timed(async () => (merged = await imports.merge(result.summary.importId))));
  const done = merged as Awaited<ReturnType<typeof imports.merge>> | null;
  if (!done?.ok) throw new Error(`merge refused: ${done ? `${done.problem} (${done.code})` : 'no answer'}`);
  const baseline = await raw(bundle.length);
  const rate = bundle.length / MiB / ((openMs + mergeMs) / 1000);
  const note = `${done.counts.created} records created, ${done.counts.attachments} attachments, bundle ${mib(bundle.length)}; open ${openMs.toFixed(0)} ms + merge ${mergeMs.toFixed(0)} ms`;
  return [{ figure: { label: 'import (open + verify + merge)', unit: 'MiB/s', value: rate, baseline: baseline.pull, baselineLabel: 'raw secretstream pull', budget, note }, storage: 'write' }];
}
