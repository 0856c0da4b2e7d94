/**
 * One operation at a time. Runs in the vault worker.
 *
 * Every write prepares ciphertext from in-memory state (head index, audit head, keyring) and
 * then commits it; two writes interleaving would both start from the same state and one would
 * silently undo the other (or fork the audit chain). Reads need no lock.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; a failed task does not block the queue. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  idle(): Promise<void> {
    return this.run(async () => undefined);
  }
}
