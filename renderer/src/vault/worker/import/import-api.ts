/**
 * The worker's import calls (`ImportWorkerApi`), merged into the engine by vault-engine.ts.
 * Runs in the vault worker: the device's X25519 secret key opens the bundle here and never
 * leaves. Quarantines are held by ids the main thread chose; they die with the worker at lock
 * (their pending attachment rows are then removed by the start-up sweep).
 *
 * Order (DESIGN.md §6): `readBundle` (size gate … entry hashes, with our identity, the pinned
 * verified contacts and the replay ledger) into the quarantine → parse every record and check
 * its links → summary. `importMerge` re-checks trust and replay, then commits in one
 * transaction with an `import` audit entry. Every refusal is audited too, and merges nothing.
 */
import { readBundle, type Manifest, type ReplayQuery, type VerifiedBundle } from '../../../../../shared/bundle';
import { humanFingerprint } from '../../../../../shared/bundle/fingerprint';
import type { ExchangeRecord } from '../../../../../shared/exchange';
import type { ImportMergeResult, ImportOpenResult, ImportProgress, ImportSource, ImportSummary, ImportTrust, ImportWorkerApi } from '../../import-types';
import type { Guard } from '../attachment-api';
import { releaseListener } from '../listener';
import type { Session } from '../session';
import { commitMerge } from './commit';
import { isReplayed, loadLedger, provenanceOf } from './ledger';
import { parseRecords, planMerge } from './plan';
import { pullSource } from './pull-source';
import { Quarantine } from './quarantine';
import { ImportRefusal, refusalOf } from './refusal';
import { loadContacts, pinnedIdentities, trustOf } from './trust';

interface OpenImport {
  readonly quarantine: Quarantine;
  readonly bundle: VerifiedBundle;
  readonly trust: ImportTrust;
  /** Null for an inspect-only quarantine (the signer is not verified). */
  readonly records: readonly ExchangeRecord[] | null;
}

function summaryOf(importId: string, bundle: VerifiedBundle, trust: ImportTrust, canMerge: boolean): ImportSummary {
  const { manifest } = bundle;
  const records: Record<string, number> = {};
  let blobs = 0;
  let blobBytes = 0;
  for (const entry of manifest.entries) {
    if (entry.kind === 'blob') {
      blobs += 1;
      blobBytes += entry.length;
    } else {
      // Own properties only: a type named like an Object.prototype member ("constructor",
      // "toString") must count from 0, not from the inherited function.
      records[entry.type] = (Object.hasOwn(records, entry.type) ? (records[entry.type] ?? 0) : 0) + 1;
    }
  }
  return {
    importId,
    bundleId: manifest.bundle_id,
    created: manifest.created,
    redaction: manifest.redaction,
    sender: { label: manifest.sender.label, fingerprint: humanFingerprint(bundle.sender.fingerprint) },
    trust,
    records,
    blobs,
    blobBytes,
    canMerge,
  };
}

/**
 * Appends the `import` entry of a refusal (call inside the write lock). Best effort: a full disk
 * still refuses. `asked` is the replay query, made only after the signature and binding checks:
 * a replay is refused before the quarantine sees the manifest, and its entry still names it.
 */
async function auditRefusal(session: Session, refusal: ImportRefusal, manifest: Manifest | null, asked: ReplayQuery | null = null): Promise<void> {
  const data = { bundle: manifest?.bundle_id ?? asked?.bundleId ?? '', sender: manifest?.sender.fingerprint ?? asked?.senderFingerprint ?? '', result: refusal.problem, code: refusal.code };
  await session.commit({ audit: [{ action: 'import', data }] }).catch(() => undefined);
}

/** The import part of the engine. */
export function createImportApi(guard: Guard): ImportWorkerApi {
  const imports = new Map<string, OpenImport>();

  async function open(session: Session, importId: string, read: ImportSource, size: number, onProgress?: (progress: ImportProgress) => void): Promise<ImportOpenResult> {
    if (imports.has(importId)) throw new RangeError('this import id is in use');
    const quarantine = new Quarantine(session);
    let asked: ReplayQuery | null = null;
    try {
      const [ledger, contacts] = await Promise.all([loadLedger(session), loadContacts(session)]);
      const bundle = await readBundle(pullSource(read, size, onProgress), {
        unlock: { identity: session.holder.keyring.identity },
        sink: quarantine,
        pinned: pinnedIdentities(contacts),
        isReplay: (query) => {
          asked = query;
          return isReplayed(ledger, query);
        },
        totalBytes: size,
      });
      await quarantine.settle();
      const trust = trustOf(bundle.sender, contacts);
      let records: ExchangeRecord[] | null = null;
      if (quarantine.kept) {
        records = parseRecords(quarantine, bundle.manifest.redaction);
        // A dry run of the links now, so the summary never offers a merge that must fail.
        await planMerge(session, ledger, bundle.manifest.sender.fingerprint, quarantine, records);
      }
      imports.set(importId, { quarantine, bundle, trust, records });
      return { ok: true, summary: summaryOf(importId, bundle, trust, trust === 'verified' && records !== null) };
    } catch (error) {
      await quarantine.dispose();
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      await session.exclusive(() => auditRefusal(session, refusal, quarantine.manifest, asked)).catch(() => undefined);
      return { ok: false, problem: refusal.problem, code: refusal.code };
    } finally {
      releaseListener(read);
      releaseListener(onProgress);
    }
  }

  async function merge(session: Session, importId: string): Promise<ImportMergeResult> {
    const held = imports.get(importId);
    if (!held) return { ok: false, problem: 'expired', code: 'no-quarantine' };
    imports.delete(importId);
    const { quarantine, bundle } = held;
    const { manifest } = bundle;
    return session.exclusive(async () => {
      try {
        if (held.trust !== 'verified' || !held.records) throw new ImportRefusal(held.trust === 'key-changed' ? 'key-changed' : 'untrusted-signer', `signer-${held.trust}`);
        // The contact may have changed since the bundle was opened: trust is checked again.
        const contacts = await loadContacts(session);
        const pinned = pinnedIdentities(contacts);
        const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
        if (!pinned.some((p) => same(p.signPublicKey, bundle.sender.signPublicKey) && same(p.boxPublicKey, bundle.sender.boxPublicKey))) {
          throw new ImportRefusal(trustOf({ ...bundle.sender, trust: { status: 'unverified' } }, contacts) === 'key-changed' ? 'key-changed' : 'untrusted-signer', 'signer-no-longer-verified');
        }
        const ledger = await loadLedger(session);
        if (isReplayed(ledger, { bundleId: manifest.bundle_id, senderFingerprint: manifest.sender.fingerprint, senderSeq: manifest.sender_seq })) {
          throw new ImportRefusal('replayed', 'replayed');
        }
        const plan = await planMerge(session, ledger, manifest.sender.fingerprint, quarantine, held.records);
        const origin = {
          bundleId: manifest.bundle_id,
          senderSeq: manifest.sender_seq,
          senderFingerprint: manifest.sender.fingerprint,
          senderHuman: humanFingerprint(bundle.sender.fingerprint),
          senderLabel: manifest.sender.label,
        };
        const { counts, changed } = await commitMerge(session, plan, ledger, origin, true);
        for (const blob of plan.surplus) await blob.writer.abort().catch(() => undefined);
        quarantine.released();
        return { ok: true, counts, changed };
      } catch (error) {
        await quarantine.dispose();
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        await auditRefusal(session, refusal, manifest);
        return { ok: false, problem: refusal.problem, code: refusal.code };
      }
    });
  }

  return {
    importOpen: (importId, read, size, onProgress) => guard((session) => open(session, importId, read, size, onProgress)),
    importMerge: (importId) => guard((session) => merge(session, importId)),
    async importDiscard(importId) {
      const held = imports.get(importId);
      imports.delete(importId);
      await held?.quarantine.dispose();
    },
    importProvenance: (type, id) => guard((session) => provenanceOf(session, type, id)),
  };
}
