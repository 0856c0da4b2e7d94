// The autosave state machine on its own, with timers the test fires: a pause saves once, a
// save in flight is followed by one more, and every failure keeps the values (nothing is
// cleared, the next pause or "Try again" saves them). Leaving the screen saves what was typed.
import { describe, expect, it, vi } from 'vitest';
import { AutosaveController, type Prepared } from '../../../../renderer/src/features/testimony/editor/autosave';
import { LinkIntegrityError, VaultStorageFullError, VersionConflictError } from '../../../../renderer/src/features/records';

/** Timers held until `fire()`. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (callback: () => void) => {
      const handle = next++;
      pending.set(handle, callback);
      return handle;
    },
    clearTimer: (handle: unknown) => void pending.delete(handle as number),
    fire: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const callback of due) callback();
    },
    get count() {
      return pending.size;
    },
  };
}

function setUp(prepare: () => Prepared<string> = () => ({ ok: true, body: 'draft', heldBack: 0 })) {
  const timers = manualTimers();
  const persist = vi.fn(async (_body: string) => undefined);
  const onLinkIssues = vi.fn();
  const controller = new AutosaveController<string>({ prepare, persist, onLinkIssues, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
  return { controller, timers, persist, onLinkIssues };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('autosave controller', () => {
  it('waits for the pause, then saves once however many keys were typed', async () => {
    const { controller, timers, persist } = setUp();
    expect(controller.getSnapshot().phase).toBe('clean');
    for (let i = 0; i < 20; i += 1) controller.changed();
    expect(controller.getSnapshot().phase).toBe('pending');
    expect(timers.count).toBe(1);
    expect(persist).not.toHaveBeenCalled();
    timers.fire();
    await settle();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'saved', heldBack: 0 });
  });

  it('saves again after a save in flight when typing went on meanwhile', async () => {
    const { controller, timers, persist } = setUp();
    let release = () => {};
    persist.mockImplementationOnce(() => new Promise<undefined>((resolve) => (release = () => resolve(undefined))));
    controller.changed();
    timers.fire();
    expect(controller.getSnapshot().phase).toBe('saving');
    controller.changed();
    timers.fire();
    release();
    await settle();
    await settle();
    expect(persist).toHaveBeenCalledTimes(2);
    expect(controller.getSnapshot().phase).toBe('saved');
  });

  it('says what was held back, and refuses to save what does not validate', async () => {
    let prepared: Prepared<string> = { ok: true, body: 'draft', heldBack: 2 };
    const { controller, timers, persist } = setUp(() => prepared);
    controller.changed();
    timers.fire();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ phase: 'saved', heldBack: 2 });
    prepared = { ok: false };
    controller.changed();
    timers.fire();
    await settle();
    expect(controller.getSnapshot().phase).toBe('invalid');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('reports a full disk, a conflict and a broken link, and saves on retry', async () => {
    const { controller, timers, persist, onLinkIssues } = setUp();
    persist.mockRejectedValueOnce(new VaultStorageFullError());
    controller.changed();
    timers.fire();
    await settle();
    expect(controller.getSnapshot().phase).toBe('storage-full');
    await controller.saveNow();
    expect(controller.getSnapshot().phase).toBe('saved');

    persist.mockRejectedValueOnce(new VersionConflictError(7));
    controller.changed();
    timers.fire();
    await settle();
    expect(controller.getSnapshot()).toEqual({ phase: 'conflict', actualVersion: 7 });

    const issues = [{ path: ['allegations', 0, 'perpetratorId'], problem: 'missing-perpetrator' as const, targetId: 'AAAAAAAAAAAAAAAAAAAAAA' }];
    persist.mockRejectedValueOnce(new LinkIntegrityError(issues));
    controller.changed();
    timers.fire();
    await settle();
    expect(controller.getSnapshot().phase).toBe('invalid');
    expect(onLinkIssues).toHaveBeenCalledWith(issues);
  });

  it('waits for "Save" outside drafts, and saves unsaved changes when the editor leaves', async () => {
    const { controller, timers, persist } = setUp();
    controller.setAutomatic(false);
    controller.changed();
    expect(timers.count).toBe(0);
    expect(controller.getSnapshot().phase).toBe('pending');
    controller.leave();
    await settle();
    expect(persist).toHaveBeenCalledTimes(1);

    const quiet = setUp();
    quiet.controller.leave();
    await settle();
    expect(quiet.persist).not.toHaveBeenCalled();
  });
});
