// Pacing of the vault worker's background work (the audit check deferred past unlock): a batch
// starts only once no request is in progress, and a client that keeps requests in flight back
// to back cannot starve it. Pure scheduling, no timers asserted.
import { describe, expect, it } from 'vitest';
import { Foreground } from '../../../../renderer/src/vault/worker/background';

/** A promise with its resolve function. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  const settle: { resolve: () => void } = { resolve: () => undefined };
  const promise = new Promise<void>((resolve) => {
    settle.resolve = resolve;
  });
  return { promise, resolve: () => settle.resolve() };
}

describe('Foreground', () => {
  it('lets background work through at once when no request is in progress', async () => {
    await expect(new Foreground().idle()).resolves.toBeUndefined();
  });

  it('holds background work until the requests in progress have settled', async () => {
    const foreground = new Foreground();
    const first = deferred();
    const second = deferred();
    const order: string[] = [];
    const a = foreground.run(() => first.promise.then(() => order.push('request a')));
    const b = foreground.run(() => second.promise.then(() => order.push('request b')));
    const idle = foreground.idle().then(() => order.push('background'));
    first.resolve();
    await a;
    second.resolve();
    await Promise.all([b, idle]);
    expect(order).toEqual(['request a', 'request b', 'background']);
  });

  it('counts a failed request as settled, and passes its error on', async () => {
    const foreground = new Foreground();
    await expect(foreground.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(foreground.idle()).resolves.toBeUndefined();
  });

  it('is not starved by a request that starts as soon as the previous one settles', async () => {
    const foreground = new Foreground();
    const first = deferred();
    const next = deferred();
    const running = foreground.run(() => first.promise);
    const idle = foreground.idle();
    // The next request starts right after the first settles, before background work resumes.
    const chained = running.then(() => foreground.run(() => next.promise));
    first.resolve();
    await idle;
    next.resolve();
    await chained;
  });
});
