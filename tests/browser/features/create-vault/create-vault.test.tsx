import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FAKE_RECOVERY_KEY, type FakeVaultOptions } from '../../../fakes/fake-vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, HYGIENIC, inputHygiene } from '../feature-support';

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanUp();
});

const LONG = 'olive trees by the old stone wall';

async function openCreateForm(fakeVault: FakeVaultOptions = {}) {
  const rendered = await renderApp({ fakeVault });
  await rendered.screen.getByRole('button', { name: 'Create a vault' }).click();
  const { screen } = rendered;
  return {
    ...rendered,
    passphrase: screen.getByLabelText('New passphrase', { exact: true }),
    confirmation: screen.getByLabelText('Type the new passphrase again', { exact: true }),
    submit: screen.getByRole('button', { name: 'Create the vault' }),
  };
}

describe('create vault: passphrase', () => {
  it('states the policy before anything is typed, then refuses a short passphrase and a mismatch', async () => {
    const { screen, vault, passphrase, confirmation, submit } = await openCreateForm();
    await expect.element(screen.getByText('At least 12 characters, or a six-word passphrase generated here.')).toBeVisible();
    await expect.element(screen.getByText('At most 1000 characters.')).toBeVisible();
    await expect.element(screen.getByText(/Unicode NFC/)).toBeVisible();

    await passphrase.fill('short words');
    await confirmation.fill('short words');
    await submit.click();
    await expect.element(screen.getByText('Use at least 12 characters, or generate a six-word passphrase.')).toBeVisible();
    await expect.element(passphrase).toHaveAttribute('aria-invalid', 'true');
    await expect.element(passphrase).toHaveAccessibleDescription(/Use at least 12 characters/);

    await passphrase.fill(LONG);
    await confirmation.fill(`${LONG}!`);
    await expect.element(screen.getByText('The two passphrases are not the same.')).toBeVisible();
    await expect.element(passphrase).not.toHaveAttribute('aria-invalid');
    expect(vault.calls).toEqual([]);
  });

  it('refuses more than 1000 characters, counting an emoji as one', async () => {
    const { screen, passphrase, confirmation, submit } = await openCreateForm();
    const tooLong = '😀'.repeat(1001);
    await passphrase.fill(tooLong);
    await confirmation.fill(tooLong);
    await submit.click();
    await expect.element(screen.getByText('Use at most 1000 characters.')).toBeVisible();
  });

  it('accepts an Arabic passphrase confirmed in another Unicode form (NFC and NFD are the same text)', async () => {
    const { screen, vault, passphrase, confirmation, submit } = await openCreateForm();
    const arabic = 'شجرة الزيتون قرب الجدار café';
    await passphrase.fill(arabic.normalize('NFC'));
    await confirmation.fill(arabic.normalize('NFD'));
    await submit.click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(vault.calls).toEqual([{ method: 'create', args: [{ passphrase: arabic.normalize('NFC'), profile: 'moderate', withRecoveryKey: false }] }]);
  });

  it('rates the strength as it is typed, from weak to strong', async () => {
    const { screen, passphrase } = await openCreateForm();
    const meter = () => document.querySelector('.strength');
    expect(meter()?.getAttribute('data-level')).toBe('none');
    await passphrase.fill('abcabcabcabc');
    await expect.element(screen.getByText('Weak', { exact: true })).toBeVisible();
    await expect.element(screen.getByText(/Longer is stronger/)).toBeVisible();
    await passphrase.fill('The olive trees by the old stone wall of Daraya, 1982!');
    await expect.element(screen.getByText('Strong', { exact: true })).toBeVisible();
    expect(meter()?.getAttribute('data-level')).toBe('strong');
    await expect.element(screen.getByText(/Estimated at \d+ bits/)).toBeVisible();
  });

  it('generates a six-word passphrase, shows it, and creates the vault once it is typed again', async () => {
    const { screen, vault, passphrase, confirmation, submit } = await openCreateForm();
    await screen.getByRole('button', { name: 'Generate a six-word passphrase' }).click();
    await expect.element(screen.getByText('Your generated passphrase')).toBeVisible();

    const words = (passphrase.element() as HTMLInputElement).value;
    expect(words).toMatch(/^[a-z]{3,8}(?:-[a-z]{3,8}){5}$/);
    await expect.element(screen.getByText(words, { exact: true })).toBeVisible();
    await expect.element(screen.getByText('Generated here: exactly 66 bits.')).toBeVisible();
    await expect.element(confirmation).toHaveValue('');
    await expect.element(screen.getByRole('button', { name: 'Generate another' })).toBeVisible();

    await confirmation.fill(words);
    await submit.click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(vault.calls[0]?.args[0]).toEqual({ passphrase: words, profile: 'moderate', withRecoveryKey: false });
  });

  it('keeps typed text off the disk: no autofill, spellcheck, capitalisation or correction, hidden until shown', async () => {
    const { screen, passphrase } = await openCreateForm();
    expect(inputHygiene()).toEqual([expect.objectContaining(HYGIENIC), expect.objectContaining(HYGIENIC)]);
    await expect.element(passphrase).toHaveAttribute('type', 'password');
    const show = screen.getByRole('button', { name: 'Show what is typed' }).first();
    await show.click();
    await expect.element(passphrase).toHaveAttribute('type', 'text');
    await screen.getByRole('button', { name: 'Hide what is typed' }).click();
    await expect.element(passphrase).toHaveAttribute('type', 'password');
  });
});

describe('create vault: protection and progress', () => {
  it('selects the SENSITIVE profile for high risk and shows progress, without freezing, until done', async () => {
    const { screen, vault, passphrase, confirmation, submit } = await openCreateForm();
    await expect.element(screen.getByText(/takes several seconds and 1 GiB of memory/)).toBeVisible();
    const release = vault.hold('create');
    await passphrase.fill(LONG);
    await confirmation.fill(LONG);
    await screen.getByLabelText('High-risk setting: slower unlocking, stronger against guessing').click();
    await submit.click();

    await expect.element(screen.getByRole('status').filter({ hasText: 'Creating the vault…' })).toBeVisible();
    await expect.element(screen.getByText(/up to half a minute/)).toBeVisible();
    await expect.element(passphrase).toBeDisabled();
    await expect.element(submit).toBeDisabled();
    // The page still answers input while the vault works.
    await screen.getByRole('button', { name: 'العربية' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'إنشاء خزنة' })).toBeVisible();

    release();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'الخزنة مفتوحة' })).toBeVisible();
    expect(vault.calls[0]?.args[0]).toEqual({ passphrase: LONG, profile: 'sensitive', withRecoveryKey: false });
  });

  it('reports a failure and keeps what was typed, so it can be tried again', async () => {
    const { screen, passphrase, confirmation, submit } = await openCreateForm({ failing: ['create'] });
    await passphrase.fill(LONG);
    await confirmation.fill(LONG);
    await submit.click();
    await expect.element(screen.getByRole('alert').filter({ hasText: 'The vault could not be created' })).toBeVisible();
    await expect.element(passphrase).toHaveValue(LONG);
    await expect.element(submit).toBeEnabled();
  });
});

describe('create vault: recovery key', () => {
  async function createWithRecoveryKey() {
    const form = await openCreateForm();
    await form.passphrase.fill(LONG);
    await form.confirmation.fill(LONG);
    await form.screen.getByLabelText('Also create a recovery key').click();
    await form.submit.click();
    await expect.element(form.screen.getByRole('heading', { level: 1, name: 'Your recovery key' })).toBeVisible();
    return form;
  }

  it('shows the key once, with copy and print, and continues only after "stored safely"', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { screen, vault } = await createWithRecoveryKey();
    expect(vault.calls[0]?.args[0]).toMatchObject({ withRecoveryKey: true });
    await expect.element(screen.getByTestId('recovery-key')).toHaveTextContent(FAKE_RECOVERY_KEY);
    // Nothing else of the vault opens until the key is put away.
    await expect.element(screen.getByRole('button', { name: 'Settings' })).not.toBeInTheDocument();

    await screen.getByRole('button', { name: 'Copy' }).click();
    expect(writeText).toHaveBeenCalledWith(FAKE_RECOVERY_KEY);
    await expect.element(screen.getByText(/^Copied\./)).toBeVisible();

    await screen.getByRole('button', { name: 'Print' }).click();
    expect(print).toHaveBeenCalledOnce();
    // The printed page is the key alone: a block outside the app that print styles keep.
    const printable = document.querySelector('body > .recovery-key-print');
    expect(printable?.textContent).toContain(FAKE_RECOVERY_KEY);
    expect(printable?.textContent).toContain('Sijill recovery key');

    const next = screen.getByRole('button', { name: 'Continue' });
    await expect.element(next).toBeDisabled();
    await screen.getByLabelText('I have stored the recovery key safely').click();
    await next.click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_KEY);
    expect(document.querySelector('.recovery-key-print')).toBeNull();
    await screen.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await screen.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_KEY);
  });

  it('drops the key for good if the vault locks before it is confirmed', async () => {
    const { screen } = await createWithRecoveryKey();
    await userEvent.keyboard('{Control>}l{/Control}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_KEY);

    await screen.getByLabelText('Passphrase', { exact: true }).fill(LONG);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_KEY);
  });

  it('goes straight to the open vault when no recovery key was asked for', async () => {
    const { screen, passphrase, confirmation, submit } = await openCreateForm();
    await passphrase.fill(LONG);
    await confirmation.fill(LONG);
    await submit.click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    await expect.element(screen.getByRole('heading', { name: 'Your recovery key' })).not.toBeInTheDocument();
  });
});
