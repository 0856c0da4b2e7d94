/**
 * A see-through VaultClient for component and shell tests: an in-memory state machine with the
 * real client's observable behaviour (states, one generic unlock failure, recovery key returned
 * once, lock drops to `locked`), the real LockManager (with timers the test fires by hand),
 * and a log of every call. Slow operations can be held open to look at progress screens.
 */
import { fingerprint, humanFingerprint } from '../../shared/bundle/fingerprint';
import { createIdentity } from '../../shared/crypto/identity';
import { checkNewPassphrase } from '../../shared/crypto/passphrase';
import { getSodium } from '../../shared/crypto/sodium';
import type { AttachmentRepository } from '../../renderer/src/vault/client-attachments';
import { LockManager, type LockTimers } from '../../renderer/src/vault/lock-manager';
import type {
  AuditTrail,
  CreateVaultOptions,
  LockReason,
  OpenedWith,
  RecordRepository,
  VaultClient,
  VaultSettings,
  VaultState,
} from '../../renderer/src/vault/vault-client';
import { LockedError, PassphrasePolicyError, VaultStateError } from '../../renderer/src/vault/vault-errors';

export const FAKE_PASSPHRASE = 'correct horse battery staple';
export const FAKE_RECOVERY_KEY = '7K3M-Q9TZ-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2-P3Q4-R5S6-T7V8-W9X0-Y1Z2-ABCD';
export const FAKE_NEW_RECOVERY_KEY = 'ZZZZ-YYYY-XXXX-WWWW-VVVV-TTTT-SSSS-RRRR-QQQQ-PPPP-NNNN-MMMM-KKKK-JJJJ';
export const DEFAULT_FAKE_SETTINGS: VaultSettings = { idleLockMinutes: 5, wipeAfterFailedUnlocks: null };

type Operation =
  | 'create'
  | 'unlock'
  | 'changePassphrase'
  | 'reportCompromised'
  | 'setNewPassphraseAfterRecovery'
  | 'replaceRecoveryKey'
  | 'removeRecoveryKey'
  | 'panicWipe'
  | 'updateSettings'
  | 'auditTrail';

export interface FakeVaultOptions {
  state?: VaultState;
  passphrase?: string;
  recoveryKey?: string;
  audit?: AuditTrail | Error;
  /** Make these operations reject (after any hold). */
  failing?: Operation[];
  /** Progress `reportCompromised` reports (each step after the previous one), before it resolves. */
  rotationSteps?: readonly { done: number; total: number }[];
}

/** Timers for the LockManager that only fire when the test says so. */
export class ManualTimers implements LockTimers {
  private next = 1;
  /** How many timers were ever started (each activity restarts the idle timer). */
  started = 0;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    this.started += 1;
    const handle = this.next++;
    this.pending.set(handle, { callback, ms });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer (what "the idle time has passed" means). */
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

export interface FakeVaultClient extends VaultClient {
  readonly timers: ManualTimers;
  /** Every call, with its arguments, in order. */
  readonly calls: { method: string; args: unknown[] }[];
  /** Replaces the state (and notifies, as the real client does). */
  setState(state: VaultState): void;
  /** Holds the next call of `operation` until the returned function is called. */
  hold(operation: Operation): () => void;
}

const unlockedState = (settings: VaultSettings, hasRecoveryKey: boolean, failedBefore = 0, openedWith: OpenedWith = 'passphrase'): VaultState => ({
  status: 'unlocked',
  auditWarning: null,
  settings,
  hasRecoveryKey,
  failedAttemptsSinceLastUnlock: failedBefore,
  openedWith,
});

/** The fake's locked state: like the real client, it carries the wipe policy. */
const lockedState = (failedAttempts: number, lastLockReason: LockReason | null, settings: VaultSettings): VaultState => ({
  status: 'locked',
  failedAttempts,
  lastLockReason,
  wipeAfterFailedUnlocks: settings.wipeAfterFailedUnlocks,
});

const notImplemented = () => Promise.reject(new Error('records are not part of the fake vault'));
const records: RecordRepository = { create: notImplemented, read: notImplemented, update: notImplemented, delete: notImplemented, list: notImplemented, history: notImplemented, listSummaries: notImplemented, listFields: notImplemented, readMany: notImplemented, loadSearchIndex: notImplemented, saveSearchIndex: notImplemented };
/** Attachments are not part of the fake either (tests/browser/attachments uses the real vault). */
const attachments: AttachmentRepository = {
  list: notImplemented,
  importFile: notImplemented,
  importOpenedFile: notImplemented,
  startWriter: notImplemented,
  open: notImplemented,
  verify: notImplemented,
  delete: notImplemented,
  trackUrl: (url) => url,
  releaseUrl: () => undefined,
};

/** Creates a fake vault; first run unless `options.state` says otherwise. */
export function createFakeVaultClient(options: FakeVaultOptions = {}): FakeVaultClient {
  let state: VaultState = options.state ?? { status: 'first-run' };
  let passphrase = options.passphrase ?? FAKE_PASSPHRASE;
  let recoveryKey: string | null = options.recoveryKey ?? null;
  // A locked start knows the wipe policy (as the real vault's lockout row does), nothing else.
  let settings =
    state.status === 'unlocked'
      ? state.settings
      : state.status === 'locked'
        ? { ...DEFAULT_FAKE_SETTINGS, wipeAfterFailedUnlocks: state.wipeAfterFailedUnlocks }
        : DEFAULT_FAKE_SETTINGS;
  const listeners = new Set<() => void>();
  const holds = new Map<Operation, Promise<void>>();
  const calls: { method: string; args: unknown[] }[] = [];
  const timers = new ManualTimers();
  const rotationSteps = options.rotationSteps ?? [];
  /** Between progress steps: a hold on 'reportCompromised' set after the call began pauses here. */
  const rotationGate = async () => {
    const held = holds.get('reportCompromised');
    holds.delete('reportCompromised');
    if (held) await held;
  };

  const setState = (next: VaultState) => {
    state = next;
    if (next.status === 'unlocked') settings = next.settings;
    for (const listener of [...listeners]) listener();
  };
  const enter = (next: VaultState) => {
    setState(next);
    lockManager.arm(settings.idleLockMinutes);
  };
  /** Records the call, waits for a hold, then fails if told to. */
  const begin = async (method: Operation, args: unknown[]) => {
    calls.push({ method, args });
    const held = holds.get(method);
    holds.delete(method);
    if (held) await held;
    if (options.failing?.includes(method)) throw new Error(`${method} failed (fake)`);
  };
  const requireUnlocked = () => {
    if (state.status !== 'unlocked') throw new LockedError();
  };

  const client: FakeVaultClient = {
    timers,
    calls,
    setState,
    hold(operation) {
      let release = () => {};
      holds.set(operation, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async init() {},
    async create(created: CreateVaultOptions) {
      await begin('create', [created]);
      try {
        checkNewPassphrase(created.passphrase);
      } catch {
        throw new PassphrasePolicyError('too-short');
      }
      passphrase = created.passphrase;
      recoveryKey = created.withRecoveryKey ? FAKE_RECOVERY_KEY : null;
      enter(unlockedState(settings, created.withRecoveryKey));
      return { recoveryKey };
    },
    async unlock(attempt) {
      await begin('unlock', [attempt]);
      const failed = state.status === 'locked' ? state.failedAttempts : 0;
      if (attempt.normalize('NFC') === passphrase.normalize('NFC')) {
        enter(unlockedState(settings, recoveryKey !== null, failed));
        return { ok: true };
      }
      setState(lockedState(failed + 1, state.status === 'locked' ? state.lastLockReason : null, settings));
      return { ok: false };
    },
    async unlockWithRecoveryKey(text) {
      calls.push({ method: 'unlockWithRecoveryKey', args: [text] });
      const symbols = text.replace(/[\s-]/g, '').toUpperCase();
      if (symbols.length !== 56) return { ok: false, typo: true };
      if (recoveryKey !== null && symbols === recoveryKey.replace(/-/g, '')) {
        enter(unlockedState(settings, true, 0, 'recovery-key'));
        return { ok: true };
      }
      return { ok: false, typo: false };
    },
    async lock(reason: LockReason) {
      calls.push({ method: 'lock', args: [reason] });
      if (state.status !== 'unlocked') return;
      lockManager.disarm();
      setState(lockedState(0, reason, settings));
    },
    async changePassphrase(current, next) {
      await begin('changePassphrase', [current, next]);
      requireUnlocked();
      if (current !== passphrase) return { ok: false };
      passphrase = next;
      return { ok: true };
    },
    async reportCompromised(current, next, options = {}) {
      await begin('reportCompromised', [current, next]);
      requireUnlocked();
      if (current !== passphrase) return { ok: false };
      for (const step of rotationSteps) {
        options.onProgress?.(step);
        await rotationGate();
      }
      passphrase = next;
      if (recoveryKey !== null) recoveryKey = FAKE_NEW_RECOVERY_KEY;
      return { ok: true, recoveryKey };
    },
    async setNewPassphraseAfterRecovery(next) {
      await begin('setNewPassphraseAfterRecovery', [next]);
      requireUnlocked();
      if (state.status !== 'unlocked' || state.openedWith !== 'recovery-key') throw new VaultStateError('not-recovery-session');
      passphrase = next;
      setState({ ...state, openedWith: 'passphrase' });
    },
    async replaceRecoveryKey(current) {
      await begin('replaceRecoveryKey', [current]);
      requireUnlocked();
      if (current !== passphrase) return { ok: false };
      recoveryKey = recoveryKey === null ? FAKE_RECOVERY_KEY : FAKE_NEW_RECOVERY_KEY;
      if (state.status === 'unlocked') setState({ ...state, hasRecoveryKey: true });
      return { ok: true, recoveryKey };
    },
    async removeRecoveryKey(current) {
      await begin('removeRecoveryKey', [current]);
      requireUnlocked();
      if (current !== passphrase) return { ok: false };
      recoveryKey = null;
      if (state.status === 'unlocked') setState({ ...state, hasRecoveryKey: false });
      return { ok: true };
    },
    async panicWipe() {
      await begin('panicWipe', []);
      lockManager.disarm();
      recoveryKey = null;
      setState({ status: 'first-run' });
    },
    async updateSettings(changes) {
      await begin('updateSettings', [changes]);
      requireUnlocked();
      settings = { ...settings, ...changes };
      if (state.status === 'unlocked') setState({ ...state, settings });
      lockManager.setIdleMinutes(settings.idleLockMinutes);
      return settings;
    },
    async auditTrail() {
      await begin('auditTrail', []);
      requireUnlocked();
      const audit = options.audit ?? { rows: [], warning: null };
      if (audit instanceof Error) throw audit;
      return audit;
    },
    // The fake's state is final at unlock: nothing is verified later.
    auditChecked: () => (state.status === 'unlocked' ? Promise.resolve() : Promise.reject(new LockedError())),
    records,
    attachments,
    exports: { preview: notImplemented, begin: notImplemented },
    appendAudit: () => Promise.resolve(),
    async identity() {
      requireUnlocked();
      const s = await getSodium();
      const id = createIdentity(s, undefined);
      return { signPk: id.signPublicKey, boxPk: id.boxPublicKey, binding: id.binding, fingerprint: humanFingerprint(await fingerprint(id.signPublicKey, id.boxPublicKey)) };
    },
    lockManager: new LockManager((reason) => void client.lock(reason), timers),
    trackObjectUrl: (url) => url,
    async dispose() {
      await client.lock('manual');
      listeners.clear();
    },
  };
  const { lockManager } = client;
  if (state.status === 'unlocked') lockManager.arm(settings.idleLockMinutes);
  return client;
}
