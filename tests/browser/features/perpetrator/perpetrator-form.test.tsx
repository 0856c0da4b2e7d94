// The alleged perpetrator editor over the real vault and case file: names of several kinds
// each with its source, dated and sourced ranks and positions, validation in English and
// Arabic, the photo slot, and "is this someone already recorded?" before creating.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PerpetratorForm } from '../../../../renderer/src/features/perpetrator';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { defined, renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('alleged perpetrator editor', () => {
  it('records names of several kinds with their sources, and a dated position, after field errors', async () => {
    const onCreated = vi.fn();
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const prison = await seen.commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    await expect.poll(() => seen.facilities.length).toBe(1);
    await show(<PerpetratorForm onCreated={onCreated} />);
    await expect.element(screen.getByRole('heading', { name: 'Photos' })).toBeVisible();
    await expect.element(screen.getByText('Photos can be added once the record has been saved. Photos already linked: 0.')).toBeVisible();

    const name1 = screen.getByRole('group', { name: 'Name 1' });
    await name1.getByLabelText('Name', { exact: true }).fill('Abu Ali');
    await screen.getByRole('button', { name: 'Add a rank or position' }).click();
    const position = screen.getByRole('group', { name: 'Position 1' });
    await position.getByRole('group', { name: 'From' }).getByLabelText('Year').fill('2014');
    await position.getByRole('group', { name: 'Until' }).getByLabelText('Year').fill('2012');
    await screen.getByRole('button', { name: 'Create' }).click();
    await expect.element(screen.getByText('Say where this comes from: a testimony or a note.').first()).toBeVisible();
    await expect.element(screen.getByText('Give at least a rank, a unit, a facility or a role.')).toBeVisible();
    await expect.element(screen.getByText('The end is before the start.')).toBeVisible();
    await expect.element(screen.getByText('Some fields need attention: see the messages under them.')).toBeVisible();
    expect(onCreated).not.toHaveBeenCalled();

    // A kunya typed as "Abu …" is recognised as one.
    await expect.element(name1.getByLabelText('Kind of name')).toHaveValue('kunya');
    await name1.getByLabelText('Other source (note)').fill('Testimony of a former detainee, 2024');
    await screen.getByRole('button', { name: 'Add another name' }).click();
    const name2 = screen.getByRole('group', { name: 'Name 2' });
    await name2.getByLabelText('Name', { exact: true }).fill('أبو علي');
    await name2.getByLabelText('Language or script').selectOptions('Arabic');
    const sources = screen.getByLabelText('Other source (note)');
    await sources.nth(1).fill('SNHR report 2019');
    await position.getByLabelText('Rank').fill('Colonel');
    await position.getByLabelText('Facility', { exact: true }).selectOptions('Sednaya Military Prison');
    await position.getByRole('group', { name: 'Until' }).getByLabelText('Year').fill('2016');
    await sources.nth(2).fill('Defector list');
    await screen.getByLabelText('Status', { exact: true }).selectOptions('Arrested');
    await screen.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => onCreated.mock.calls.length).toBe(1);
    await expect.poll(() => seen.perpetrators.length).toBe(1);
    const body = defined(seen.perpetrators[0]).body;
    expect(body.names).toEqual([
      { text: 'Abu Ali', kind: 'kunya', lang: 'ar-Latn', source: { note: 'Testimony of a former detainee, 2024' } },
      { text: 'أبو علي', kind: 'kunya', lang: 'ar', source: { note: 'SNHR report 2019' } },
    ]);
    expect(body.positions).toEqual([
      { rank: 'Colonel', facilityId: prison.id, from: { year: 2014, precision: 'year', approximate: false }, to: { year: 2016, precision: 'year', approximate: false }, source: { note: 'Defector list' } },
    ]);
    expect(body.status).toBe('arrested');
  });

  it('says in Arabic what is missing, and offers an existing record before creating a second one', async () => {
    const onCreated = vi.fn();
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    const existing = await seen.commands.createPerpetrator({
      names: [{ text: 'Abu Ali', kind: 'kunya', source: { note: 'list' } }],
      positions: [],
      status: 'unknown',
      photoAttachmentIds: [],
    });
    await expect.poll(() => seen.perpetrators.length).toBe(1);
    await show(<PerpetratorForm compact initialNames={['أبو علي']} onCreated={onCreated} onCancel={() => undefined} />);
    await expect.element(screen.getByRole('group', { name: 'متهم مزعوم جديد' })).toBeVisible();
    // Compact: no <form> (it sits inside the testimony editor's), no positions.
    expect(document.querySelector('form')).toBeNull();
    expect(screen.getByText('الرتب والمناصب').query()).toBeNull();
    await screen.getByRole('button', { name: 'إنشاء' }).click();
    await expect.element(screen.getByText('اذكر مصدر هذه المعلومة: شهادة أو ملاحظة.')).toBeVisible();

    await expect.element(screen.getByText('هل هذا شخص مسجّل من قبل؟'), { timeout: 10_000 }).toBeVisible();
    await screen.getByRole('button', { name: 'استخدام هذا السجل' }).click();
    expect(onCreated.mock.calls).toEqual([[existing.id, { existing: true }]]);
    expect(seen.perpetrators).toHaveLength(1);
  });
});
