import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { isLockShortcut } from '../../../../renderer/src/features/lock/lock-shortcut';
import { renderApp } from '../../support/render-app';
import { cleanUp, unlocked } from '../feature-support';

afterEach(cleanUp);

const press = (init: KeyboardEventInit) => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

async function renderUnlocked(language: 'en' | 'ar' = 'en') {
  const rendered = await renderApp({ language, fakeVault: { state: unlocked() } });
  await expect.element(rendered.screen.getByRole('navigation')).toBeVisible();
  return rendered;
}

describe('the lock shortcut', () => {
  it('Ctrl+L locks and unmounts the open vault', async () => {
    const { screen, vault } = await renderUnlocked();
    await screen.getByRole('navigation').getByRole('button', { name: 'Audit trail' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await userEvent.keyboard('{Control>}l{/Control}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByRole('heading', { name: 'Audit trail' })).not.toBeInTheDocument();
    // Ready to unlock again from the keyboard.
    await expect.poll(() => document.activeElement).toBe(screen.getByLabelText('Passphrase', { exact: true }).element());
    expect(vault.calls.filter((call) => call.method === 'lock')).toEqual([{ method: 'lock', args: ['manual'] }]);
  });

  it('works with an Arabic keyboard layout (the L key types "م") and with Cmd on a Mac', async () => {
    const { screen, vault } = await renderUnlocked('ar');
    const event = new KeyboardEvent('keydown', { key: 'م', code: 'KeyL', ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'سجل مقفل' })).toBeVisible();
    expect(event.defaultPrevented).toBe(true);

    vault.setState(unlocked());
    await expect.element(screen.getByRole('heading', { level: 1, name: 'الخزنة مفتوحة' })).toBeVisible();
    press({ key: 'l', code: 'KeyL', metaKey: true });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'سجل مقفل' })).toBeVisible();
  });

  it('is documented in the header and on the home screen', async () => {
    const { screen } = await renderUnlocked();
    await expect.element(screen.getByRole('button', { name: 'Lock', exact: true })).toHaveAttribute('title', 'Lock at any time with Ctrl+L.');
    await expect.element(screen.getByText(/the Lock button at the top, or Ctrl\+L, closes the vault at once/)).toBeVisible();
  });

  it('does nothing while locked, and ignores AltGr and Shift combinations', async () => {
    const { screen, vault } = await renderUnlocked();
    press({ key: 'l', code: 'KeyL', ctrlKey: true, altKey: true });
    press({ key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true });
    press({ key: 'l', code: 'KeyL' });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    await screen.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    press({ key: 'l', code: 'KeyL', ctrlKey: true });
    expect(vault.calls.filter((call) => call.method === 'lock')).toHaveLength(1);
  });

  it('matches on the physical key or on the character', () => {
    const base = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    expect(isLockShortcut({ ...base, key: 'l', code: 'KeyL', ctrlKey: true })).toBe(true);
    expect(isLockShortcut({ ...base, key: 'l', code: 'KeyP', ctrlKey: true })).toBe(true); // Dvorak
    expect(isLockShortcut({ ...base, key: 'م', code: 'KeyL', ctrlKey: true })).toBe(true);
    expect(isLockShortcut({ ...base, key: 'k', code: 'KeyK', ctrlKey: true })).toBe(false);
  });
});

describe('idle locking', () => {
  it('restarts the idle timer on keys, clicks, wheel and touch, and locks when it runs out', async () => {
    const { screen, vault } = await renderUnlocked();
    const { timers } = vault;
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([5 * 60_000]);

    for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
      const before = timers.started;
      document.body.dispatchEvent(new Event(type, { bubbles: true }));
      expect(timers.started, type).toBe(before + 1);
      expect(timers.pending.size).toBe(1);
    }
    // Moving the mouse alone is not activity.
    const before = timers.started;
    document.body.dispatchEvent(new Event('pointermove', { bubbles: true }));
    expect(timers.started).toBe(before);

    timers.fireAll();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByText('The vault locked itself after a period without activity.')).toBeVisible();
  });

  it('stops feeding the timer once locked', async () => {
    const { screen, vault } = await renderUnlocked();
    await screen.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    const before = vault.timers.started;
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    expect(vault.timers.started).toBe(before);
    expect(vault.timers.pending.size).toBe(0);
  });
});
