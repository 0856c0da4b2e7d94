// Runs in: the Electron main process.
/**
 * Forwards the operating system's "lock now" moments to the renderer (DESIGN.md §9): when the
 * laptop suspends or the screen locks, the vault must drop its keys before anyone can open
 * the lid or unlock the session.
 */
import { LOCK_SIGNALS, type LockSignal } from '../../shared/ipc/contract';
import type { EmitterPort } from './ports';

/**
 * Subscribes to powerMonitor's 'suspend' and 'lock-screen' events (named like the signals)
 * and calls `send` with the signal for each. Electron reports 'lock-screen' on macOS and
 * Windows only; on Linux the renderer's idle timer is what locks a locked screen.
 */
export function forwardLockSignals(powerMonitor: EmitterPort, send: (signal: LockSignal) => void): void {
  for (const signal of LOCK_SIGNALS) {
    powerMonitor.on(signal, () => {
      send(signal);
    });
  }
}
