// The witness appears by pseudonym code everywhere but the witness screen: the testimony
// header and list show W-0001, never the name; on the witness screen the identifying details
// stay hidden (not even read from the vault) until "Show identifying details", and hiding them
// removes them from the page. A new witness is created from the testimony and linked to it.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyListScreen } from '../../../../renderer/src/features/testimony/list/testimony-list-screen';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi, testimonyInput } from '../testimony/support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const NAME = 'رهف الحسيني';

describe('witness by pseudonym', VAULT_TESTS, () => {
  it('shows only the pseudonym outside the witness screen, and the name there only after the reveal', async () => {
    const ui = await renderCaseUi(<p>seeding</p>);
    const { screen, seen } = ui;
    const witness = await seen.commands.createWitness({ fullName: NAME, otherNames: ['Rahaf al-Husseini'], contacts: [{ channel: 'phone', value: '+90 000 000 0000' }] });
    const testimony = await seen.commands.createTestimony(testimonyInput({ witnessId: witness.id }));

    await ui.show(<TestimonyListScreen onOpen={() => undefined} onNew={() => undefined} />);
    await expect.element(screen.getByText('W-0001')).toBeVisible();
    expect(document.body.textContent).not.toContain(NAME);
    expect(document.body.textContent).not.toContain('Rahaf');

    await ui.show(<TestimonyScreen testimonyId={testimony.id} onBack={() => undefined} />);
    await expect.element(screen.getByRole('definition').getByText('W-0001')).toBeVisible();
    expect(document.body.textContent).not.toContain(NAME);

    await screen.getByRole('button', { name: 'Open the witness screen' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Witness' });
    await expect.element(dialog.getByText('The identifying details are hidden.', { exact: false })).toBeVisible();
    expect(document.body.textContent).not.toContain(NAME);
    expect([...document.querySelectorAll('input, textarea')].some((input) => (input as HTMLInputElement).value.includes(NAME))).toBe(false);

    await dialog.getByRole('button', { name: 'Show identifying details' }).click();
    await expect.element(dialog.getByLabelText('Full name')).toHaveValue(NAME);
    await expect.element(dialog.getByLabelText('Other names')).toHaveValue('Rahaf al-Husseini');
    await dialog.getByRole('button', { name: 'Hide identifying details' }).click();
    await expect.element(dialog.getByRole('button', { name: 'Show identifying details' })).toBeVisible();
    expect([...document.querySelectorAll('input, textarea')].some((input) => (input as HTMLInputElement).value.includes(NAME))).toBe(false);
  });

  it('creates a witness from the testimony (in Arabic) and links it by pseudonym', async () => {
    const { screen, seen } = await renderCaseUi(<TestimonyScreen onBack={() => undefined} />, 'ar');
    await screen.getByLabelText('نص الإفادة', { exact: true }).fill('إفادة قصيرة لأغراض الاختبار.');
    await screen.getByRole('button', { name: 'شاهد جديد…' }).click();
    const dialog = screen.getByRole('dialog', { name: 'الشاهد' });
    await dialog.getByRole('button', { name: 'إنشاء سجل الشاهد' }).click();
    await expect.element(dialog.getByText('هذا الحقل مطلوب.')).toBeVisible();
    await dialog.getByLabelText('الاسم الكامل').fill(NAME);
    await dialog.getByRole('button', { name: 'إنشاء سجل الشاهد' }).click();
    await expect.element(dialog.getByText('أُنشئ سجل الشاهد بالرمز المستعار W-0001 ورُبط بالشهادة.')).toBeVisible();
    await dialog.getByRole('button', { name: 'إغلاق' }).click();
    await expect.poll(() => seen.testimonies[0]?.body.witnessId, { timeout: 15_000 }).toBeDefined();
    expect(defined(seen.testimonies[0]).witnessPseudonym).toBe('W-0001');
    expect(document.body.textContent).not.toContain(NAME);
    expect(JSON.stringify(defined(seen.testimonies[0]).body)).not.toContain(NAME);
  });
});
