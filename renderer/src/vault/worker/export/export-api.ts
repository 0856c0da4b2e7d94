/**
 * The worker's export calls (`ExportWorkerApi`), merged into the engine by vault-engine.ts.
 * Runs in the vault worker: the device's signing key signs the manifest here and never leaves.
 *
 * A job: plan (consent, contacts) → entries (attachments hashed: first pass) → in one exclusive
 * step, the sender sequence number reserved and written to the keyring, then the manifest built
 * and signed over the current audit head → bytes pulled by the main thread about 1 MiB at a
 * time, each buffer transferred → after the file is saved, one `export` audit entry.
 * A cancelled job is audited nowhere: its sequence number is simply never seen by anyone, which
 * readers accept (numbers must increase, not be contiguous).
 */
import { transfer } from 'comlink';
import { writeBundle, type WrittenBundle } from '../../../../../shared/bundle/writer';
import { takeSenderSeq } from '../../../../../shared/crypto';
import { deviceProfileSchema } from '../../../../../shared/domain/contact';
import type { Redaction } from '../../../../../shared/domain/consent-export';
import type { ExportPiece, ExportReceipt, ExportStarted, ExportWorkerApi } from '../../export-types';
import type { Guard } from '../attachment-api';
import { pullBytes, type PulledBytes } from '../pull-bytes';
import { listRecords } from '../record-store';
import type { Session } from '../session';
import { asLabel, exportEntries } from './export-entries';
import { planExport, type ExportPlan } from './export-plan';
import { isExportRequest } from './export-request';

/** A pull returns at most about this many bytes (several 64 KiB chunks per round trip). */
const PULL_BYTES = 1024 * 1024;
/** The sender label when the device has none, or none usable as a label. */
const DEFAULT_LABEL = 'Sijill';

interface Job {
  readonly plan: ExportPlan;
  readonly chunks: AsyncIterator<Uint8Array>;
  readonly receipt: ExportReceipt & { readonly seq: number };
  done: boolean;
  busy: boolean;
}

/** This device's label for its identity card, as a manifest label. */
async function senderLabel(session: Session): Promise<string> {
  const { records } = await listRecords(session, 'device-profile');
  for (const record of records) {
    const parsed = deviceProfileSchema.safeParse(record.body);
    const label = parsed.success ? asLabel(parsed.data.label, 200) : undefined;
    if (label) return label;
  }
  return DEFAULT_LABEL;
}

/**
 * Reserves the sender sequence number (persisted in the keyring first, so a crash can never
 * reuse it) and prepares the bundle, in one exclusive step: no keyring write can replace, and
 * so wipe, the identity between the two.
 */
function sealBundle(session: Session, plan: ExportPlan, entries: Parameters<typeof writeBundle>[0]['entries'], redaction: Redaction, label: string): Promise<{ written: WrittenBundle; senderSeq: number }> {
  const recipients = plan.recipients ?? [];
  return session.exclusive(async () => {
    const { unlocked, senderSeq } = takeSenderSeq(session.holder.keyring);
    await session.holder.replace(unlocked);
    const head = session.audit.head;
    const written = await writeBundle({
      sender: session.holder.keyring.identity,
      senderLabel: label,
      recipients: recipients.map((r) => ({ kind: 'identity', identity: r.identity })),
      entries,
      senderSeq,
      redaction,
      auditCheckpoint: { seq: head.seq, head: head.hash },
    });
    return { written, senderSeq };
  });
}

/** The export part of the engine. */
export function createExportApi(guard: Guard): ExportWorkerApi {
  const jobs = new Map<string, Job>();

  const jobOf = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new RangeError('no such export');
    return job;
  };

  async function drop(jobId: string): Promise<void> {
    const job = jobs.get(jobId);
    if (!job) return;
    jobs.delete(jobId);
    job.plan.dispose();
    // Ends the writer's generators: its payload key and the open attachment streams are wiped.
    await job.chunks.return?.().catch(() => undefined);
  }

  return {
    previewExport: (request) =>
      guard(async (session) => {
        if (!isExportRequest(request)) throw new RangeError('malformed export request');
        const plan = await planExport(session, request);
        plan.dispose();
        return plan.preview;
      }),

    beginExport: (jobId, request) =>
      guard(async (session) => {
        if (typeof jobId !== 'string' || jobs.has(jobId) || !isExportRequest(request)) return { ok: false, refusal: 'invalid-request', preview: null } as const;
        const plan = await planExport(session, request);
        try {
          if (!plan.recipients) return { ok: false, refusal: 'recipients', preview: plan.preview } as const;
          if (plan.testimonies.length === 0) return { ok: false, refusal: 'nothing-to-export', preview: plan.preview } as const;
          const entries = await exportEntries(session.db, plan);
          const { written, senderSeq } = await sealBundle(session, plan, entries, request.redaction, await senderLabel(session));
          const fingerprints = plan.recipients.map((r) => r.human);
          const started: ExportStarted = { bundleId: written.manifest.bundle_id, size: written.size, entryCount: entries.length, senderSeq, fingerprints, preview: plan.preview };
          jobs.set(jobId, {
            plan,
            chunks: written.chunks[Symbol.asyncIterator](),
            receipt: {
              bundleId: started.bundleId,
              entryCount: started.entryCount,
              fingerprints,
              redaction: request.redaction,
              seq: senderSeq,
            },
            done: false,
            busy: false,
          });
          return { ok: true, started } as const;
        } finally {
          if (!jobs.has(jobId)) plan.dispose();
        }
      }),

    pullExport: (jobId) =>
      guard(async (): Promise<ExportPiece> => {
        const job = jobOf(jobId);
        if (job.busy) throw new RangeError('an export pull is already running');
        if (job.done) return transfer({ bytes: new Uint8Array(0), done: true }, []);
        job.busy = true;
        let pulled: PulledBytes;
        try {
          pulled = await pullBytes(job.chunks, PULL_BYTES);
          job.done = pulled.done;
        } catch (error) {
          // A source that changed or failed to decrypt: the bundle is refused, the job ends.
          await drop(jobId);
          throw error;
        } finally {
          job.busy = false;
        }
        const { bytes } = pulled;
        return transfer({ bytes, done: job.done }, [bytes.buffer]);
      }),

    finishExport: (jobId) =>
      guard(async (session): Promise<ExportReceipt> => {
        const job = jobOf(jobId);
        if (!job.done || job.busy) throw new RangeError('the export has not been written to the end');
        const { seq, ...receipt } = job.receipt;
        await session.exclusive(async () => {
          await session.commit({
            audit: [{ action: 'export', data: { bundle: receipt.bundleId, recipients: [...receipt.fingerprints], entries: receipt.entryCount, redaction: receipt.redaction, seq } }],
          });
          // A bundle left the device: anchor its entry in the keyring at once.
          await session.holder.flushHead();
        });
        await drop(jobId);
        return receipt;
      }),

    abortExport: (jobId) => drop(jobId),
  };
}
