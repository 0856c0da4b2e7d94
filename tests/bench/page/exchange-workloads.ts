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
 *
 * Per record or per byte? After each measured run, the same work without attachments (the same
 * testimonies exported without them; a partner case file of as many records imported without
 * them) is timed too, and the note splits the time: records alone (ms per record), and what the
 * attachments add (MiB/s over the attachment bytes). These runs are not part of the figure.
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

type ExportBegun = Awaited<ReturnType<VaultClient['exports']['begin']>>;

/** One export of `request` to the end: prepare, pull every chunk (dropped), finish. */
async function exportOnce(client: VaultClient, request: Parameters<VaultClient['exports']['begin']>[0], tasks: LongTaskRecorder | null): Promise<{ prepareMs: number; pullMs: number; started: Extract<ExportBegun, { ok: true }>['job']['started'] }> {
  let job: ExportBegun | null = null;
  const prepare = () => timed(async () => (job = await client.exports.begin(request)));
  const prepareMs = tasks ? await tasks.phase('export: prepare (consent, hash, sign)', prepare) : await prepare();
  const begun = job as ExportBegun | null;
  if (!begun?.ok) throw new Error(`export refused: ${begun ? begun.refusal : 'no answer'}`);
  let pulled = 0;
  const pull = () =>
    timed(async () => {
      for await (const chunk of begun.job.chunks()) pulled += chunk.length; // the sink: saveFile would write it
    });
  const pullMs = tasks ? await tasks.phase('export: pull every chunk (discarded)', pull) : await pull();
  await begun.job.finish();
  const { started } = begun.job;
  if (pulled !== started.size) throw new Error(`export pulled ${pulled} bytes of ${started.size}`);
  return { prepareMs, pullMs, started };
}

/**
 * The note's split of a stream workload's time: `recordsMs` for `records` records without any
 * attachment, and what the attachments' `bytes` added on top of that.
 */
function split(totalMs: number, recordsMs: number, records: number, bytes: number): string {
  const perRecord = `records alone ${recordsMs.toFixed(0)} ms (${(recordsMs / Math.max(1, records)).toFixed(2)} ms per record)`;
  const addedMs = totalMs - recordsMs;
  const perByte = addedMs > 0 ? `attachments add ${addedMs.toFixed(0)} ms for ${mib(bytes)} (${(bytes / MiB / (addedMs / 1000)).toFixed(1)} MiB/s)` : 'attachments add no measurable time';
  return `${perRecord}; ${perByte}`;
}

/** Exports the first testimonies to the partner and pulls the whole bundle; then the same without attachments. */
export async function exportWorkload(client: VaultClient, seed: number, count: number, tasks: LongTaskRecorder): Promise<ExchangeFigure[]> {
  const vault = syntheticVault(seed, count);
  const chosen = Math.min(PROFILE_ALLEGATIONS, count);
  const testimonyIds = Array.from({ length: chosen }, (_, index) => vault.testimony(index).id);
  const request = { testimonyIds, recipientIds: [await partnerContactId(client)], redaction: 'pseudonymised' as const, includeAttachments: true };
  const { prepareMs, pullMs, started } = await exportOnce(client, request, tasks);
  const recordsOnly = await exportOnce(client, { ...request, includeAttachments: false }, null);
  const baseline = await raw(started.size);
  const totalMs = prepareMs + pullMs;
  const rate = started.size / MiB / (totalMs / 1000);
  const records = started.entryCount - 2 * started.preview.attachments;
  const recordsMs = recordsOnly.prepareMs + recordsOnly.pullMs;
  const note = `${started.preview.included.length} of ${chosen} testimonies (consent lets 1 in 2 go), ${started.preview.attachments} attachments, bundle ${mib(started.size)}; prepare ${prepareMs.toFixed(0)} ms + pull ${pullMs.toFixed(0)} ms; ${split(totalMs, recordsMs, records, started.preview.attachmentBytes)}`;
  return [{ figure: { label: 'export (prepare + pull every chunk)', unit: 'MiB/s', value: rate, baseline: baseline.push, baselineLabel: 'raw secretstream push', budget, note }, storage: 'read' }];
}

/**
 * The partner's case file of about the same size as the export: its own facilities, people and
 * testimonies, with their attachments unless `attachments` is false.
 */
async function partnerCaseFile(seed: number, count: number, attachments = true): Promise<{ records: ExchangeRecordInput[]; blobs: TestBlob[] }> {
  const s = await getSodium();
  const theirs = syntheticVault(seed + 1, Math.min(PROFILE_ALLEGATIONS, count));
  const random = new DemoRandom(seed + 2);
  const records: ExchangeRecordInput[] = [...theirs.facilities.map((f) => exchange('facility', f.id, f)), ...theirs.perpetrators.map((p) => exchange('perpetrator', p.id, p))];
  const blobs: TestBlob[] = [];
  for (let index = 0; index < Math.min(PROFILE_ALLEGATIONS, count); index += 1) {
    if (!isShared(index)) continue; // as many as our export carries
    const { witnessId: _w, consentId: _c, ...testimony } = theirs.testimony(index); // pseudonymised
    const size = attachments ? theirs.attachmentBytes(index) : null;
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

type ImportApi = NonNullable<VaultClient['imports']>;

/** Opens `bundle` into quarantine and merges it; both phases timed. */
async function importOnce(imports: ImportApi, bundle: Uint8Array, tasks: LongTaskRecorder | null): Promise<{ openMs: number; mergeMs: number; created: number; attachments: number }> {
  let opened: Awaited<ReturnType<ImportApi['open']>> | null = null;
  const open = () => timed(async () => (opened = await imports.open(openedFile(bundle))));
  const openMs = tasks ? await tasks.phase('import: open + verify into quarantine', open) : await open();
  const result = opened as Awaited<ReturnType<ImportApi['open']>> | null;
  if (!result?.ok) throw new Error(`import refused: ${result ? `${result.problem} (${result.code})` : 'no answer'}`);
  if (!result.summary.canMerge) throw new Error(`the partner's bundle cannot be merged (trust: ${result.summary.trust})`);
  let merged: Awaited<ReturnType<ImportApi['merge']>> | null = null;
  const merge = () => timed(async () => (merged = await imports.merge(result.summary.importId)));
  const mergeMs = tasks ? await tasks.phase('import: merge', merge) : await merge();
  const done = merged as Awaited<ReturnType<ImportApi['merge']>> | null;
  if (!done?.ok) throw new Error(`merge refused: ${done ? `${done.problem} (${done.code})` : 'no answer'}`);
  return { openMs, mergeMs, created: done.counts.created, attachments: done.counts.attachments };
}

/** Opens a partner bundle into quarantine and merges it; then a bundle of as many records without attachments. */
export async function importWorkload(client: VaultClient, seed: number, count: number, tasks: LongTaskRecorder): Promise<ExchangeFigure[]> {
  const imports = client.imports;
  if (!imports) throw new Error('this vault client has no import');
  const partner = await benchPartner(seed);
  const us = [await ourRecipient(client)];
  const { records, blobs } = await partnerCaseFile(seed, count);
  const bundle = await sealBundle({ sender: partner, recipients: us, seq: 1, records, blobs });
  const { openMs, mergeMs, created, attachments } = await importOnce(imports, bundle, tasks);
  // Another case file of the partner's (other people, other ids), so every record is new again.
  const plain = await partnerCaseFile(seed + 3, count, false);
  const recordsOnly = await importOnce(imports, await sealBundle({ sender: partner, recipients: us, seq: 2, records: plain.records }), null);
  const baseline = await raw(bundle.length);
  const totalMs = openMs + mergeMs;
  const rate = bundle.length / MiB / (totalMs / 1000);
  const blobBytes = blobs.reduce((sum, blob) => sum + blob.bytes.length, 0);
  // Scaled to this bundle's record count (the two case files differ by their attachment-info records).
  const recordsMs = ((recordsOnly.openMs + recordsOnly.mergeMs) * records.length) / Math.max(1, plain.records.length);
  const note = `${created} records created, ${attachments} attachments, bundle ${mib(bundle.length)}; open ${openMs.toFixed(0)} ms + merge ${mergeMs.toFixed(0)} ms; ${split(totalMs, recordsMs, records.length, blobBytes)}`;
  return [{ figure: { label: 'import (open + verify + merge)', unit: 'MiB/s', value: rate, baseline: baseline.pull, baselineLabel: 'raw secretstream pull', budget, note }, storage: 'write' }];
}
