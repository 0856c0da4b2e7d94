// A sealed testimony opens read-only (text readable and focusable, nothing editable, no Save),
// and can only be amended: without a reason the amendment is refused at the reason field (in
// the current language) and nothing is written; with one, a new sealed version references the
// sealed version it amends.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi, sessionBody, testimonyInput, type CaseUi } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

/** Seeds a sealed testimony through the status flow and opens it. */
async function openSealed(ui: CaseUi, narrative: string): Promise<{ id: string; sealedVersion: number }> {
  const { commands } = ui.seen;
  const created = await commands.createTestimony(testimonyInput({ status: 'complete', sessions: [sessionBody()], narrative: { language: 'en', text: narrative } }));
  const reviewed = await commands.changeTestimonyStatus(created.id, 'reviewed', created.version);
  const sealed = await commands.changeTestimonyStatus(created.id, 'sealed', reviewed.version);
  await ui.show(<TestimonyScreen testimonyId={created.id} onBack={() => undefined} />);
  return { id: created.id, sealedVersion: sealed.version };
}

describe('sealed testimony', VAULT_TESTS, () => {
  it('is read-only and amended only with a reason', async () => {
    const ui = await renderCaseUi(<p>seeding</p>);
    const { screen, seen } = ui;
    const { sealedVersion } = await openSealed(ui, 'The account as sealed.');
    await expect.element(screen.getByText('This testimony is sealed: it is shown read-only. To correct it, amend it with a reason.')).toBeVisible();
    const narrative = screen.getByLabelText('Narrative', { exact: true });
    await expect.element(narrative).toHaveAttribute('readonly');
    await expect.element(screen.getByRole('combobox', { name: 'Kind of testimony' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save now' }).elements()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Add an allegation' }).elements()).toEqual([]);

    await screen.getByRole('button', { name: 'Amend…' }).click();
    await expect.element(narrative).not.toHaveAttribute('readonly');
    await narrative.fill('The account as sealed, with the date the witness corrected.');
    await screen.getByRole('button', { name: 'Save the amendment' }).click();
    await expect.element(screen.getByText('Give the reason for the amendment.')).toBeVisible();
    await expect.element(screen.getByLabelText('Reason for the amendment')).toHaveAttribute('aria-invalid', 'true');
    expect(defined(seen.testimonies[0]).version).toBe(sealedVersion);

    await screen.getByLabelText('Reason for the amendment').fill('The witness corrected the date at the second session.');
    await screen.getByRole('button', { name: 'Save the amendment' }).click();
    await expect.poll(() => defined(seen.testimonies[0]).version, { timeout: 15_000 }).toBe(sealedVersion + 1);
    const body = await seen.fullBody(0);
    expect(body.status).toBe('sealed');
    expect(body.narrative.text).toBe('The account as sealed, with the date the witness corrected.');
    expect(body.amendment).toEqual({ reason: 'The witness corrected the date at the second session.', amends: { testimonyId: body.id, version: sealedVersion } });
    await expect.element(screen.getByText(`This version amends sealed version ${sealedVersion}. Reason given:`)).toBeVisible();
    await expect.element(narrative).toHaveAttribute('readonly');
  });

  it('refuses an amendment without a reason in Arabic, and cancelling restores the sealed text', async () => {
    const ui = await renderCaseUi(<p>seeding</p>, 'ar');
    const { screen, seen } = ui;
    const { sealedVersion } = await openSealed(ui, 'نص الشهادة المختومة.');
    await screen.getByRole('button', { name: 'تعديل…' }).click();
    const narrative = screen.getByLabelText('نص الإفادة', { exact: true });
    await narrative.fill('نص معدّل.');
    await screen.getByLabelText('سبب التعديل').fill('   ');
    await screen.getByRole('button', { name: 'حفظ التعديل' }).click();
    await expect.element(screen.getByText('اذكر سبب التعديل.')).toBeVisible();
    await screen.getByRole('button', { name: 'إلغاء التعديل' }).click();
    await expect.element(narrative).toHaveValue('نص الشهادة المختومة.');
    await expect.element(narrative).toHaveAttribute('readonly');
    // Nothing is pending: the sealed view does not claim unsaved changes.
    expect(document.querySelector('.autosave')?.getAttribute('data-phase')).toBe('clean');
    expect(defined(seen.testimonies[0]).version).toBe(sealedVersion);
  });
});
