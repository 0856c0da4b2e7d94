// Autosave over the real vault: a draft saves itself after a pause; with the disk full the
// line says "not saved — the disk is full", the typed text stays in the editor, nothing is
// written, and "Try again" saves it once there is room. Text typed in Arabic is stored as typed.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp } from '../feature-support';
import { quotaAfter } from '../records/support/records-harness';
import { deleteTestDatabases, testDatabaseName, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const status = () => document.querySelector('.autosave')?.getAttribute('data-phase');

describe('testimony editor: autosave', VAULT_TESTS, () => {
  it('saves a draft after a pause, keeps the text when the disk is full, and saves it on retry', async () => {
    const quota = quotaAfter();
    const { screen, seen } = await renderCaseUi(<TestimonyScreen onBack={() => undefined} />, 'en', {
      engine: { middleware: [quota.middleware] },
      databaseName: testDatabaseName(),
    });
    const narrative = screen.getByLabelText('Narrative', { exact: true });
    await narrative.fill('The first part of the account.');
    await expect.poll(status, { timeout: 10_000 }).toBe('saved');
    await expect.element(screen.getByText(/^Saved at \d{2}:\d{2}:\d{2}\.$/)).toBeVisible();
    expect((await seen.fullBody(0)).narrative.text).toBe('The first part of the account.');
    const savedVersion = defined(seen.testimonies[0]).version;

    quota.arm(0);
    await narrative.fill('The first part of the account. The second part, typed while the disk is full.');
    await expect.poll(status, { timeout: 10_000 }).toBe('storage-full');
    await expect.element(screen.getByText('Not saved: the disk is full. Everything you typed is still here. Free some space, then try again.')).toBeVisible();
    await expect.element(narrative).toHaveValue('The first part of the account. The second part, typed while the disk is full.');
    expect(defined(seen.testimonies[0]).version).toBe(savedVersion);
    expect((await seen.fullBody(0)).narrative.text).toBe('The first part of the account.');

    quota.disarm();
    await screen.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(status, { timeout: 10_000 }).toBe('saved');
    await expect.poll(async () => (await seen.fullBody(0)).narrative.text).toBe('The first part of the account. The second part, typed while the disk is full.');
    expect(defined(seen.testimonies[0]).version).toBe(savedVersion + 1);
  });

  it('tells in Arabic what was held back, and saves the rest of the draft', async () => {
    const { screen, seen } = await renderCaseUi(<TestimonyScreen onBack={() => undefined} />, 'ar');
    await screen.getByLabelText('نص الإفادة', { exact: true }).fill('بدأت الإفادة بوصف يوم الاعتقال.');
    await screen.getByRole('button', { name: 'إضافة ادعاء' }).click();
    await expect.poll(status, { timeout: 10_000 }).toBe('saved');
    await expect.element(screen.getByText(/باستثناء مُدخلات غير مكتملة تبقى على الشاشة حتى تكتمل: 1\.$/)).toBeVisible();
    const body = await seen.fullBody(0);
    expect(body.narrative.text).toBe('بدأت الإفادة بوصف يوم الاعتقال.');
    expect(body.allegations).toEqual([]);
  });
});
