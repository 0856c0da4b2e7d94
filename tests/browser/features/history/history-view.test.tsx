// The version history over the real vault: every save is a version, and the chosen version's
// field-level difference from the one before it is shown with translated field labels,
// vocabulary labels, linked names and whole partial dates, in English and in Arabic.
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryView } from '../../../../renderer/src/features/history';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { defined, renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

/** The diff table's rows as [field, change, before, after]. */
function diffRows(): string[][] {
  const table = document.querySelector('.history__diff');
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

describe('history view', () => {
  it('lists versions and shows what changed in a chosen version, field by field', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const { commands } = seen;
    const prison = await commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    const building = await commands.createFacility({ names: [{ text: 'Red building', lang: 'en', kind: 'common' }], type: 'other_site', authority: 'Military Police' });
    const v2 = await commands.updateFacility(
      {
        ...building.body,
        names: [...building.body.names, { text: 'المبنى الأحمر', lang: 'ar', kind: 'common' }],
        type: 'building',
        parentId: prison.id,
        authority: 'Military Intelligence',
        operation: { from: { year: 1987, precision: 'year', approximate: true } },
      },
      1,
    );
    await commands.updateFacility({ ...v2.body, notes: 'Second floor closed in 2015.' }, 2);
    await expect.poll(() => seen.facilities.find((entry) => entry.id === building.id)?.version).toBe(3);

    await show(<HistoryView kind="facility" id={building.id} />);
    await expect.element(screen.getByRole('table', { name: 'Versions, newest first' })).toBeVisible();
    const versions = screen.getByRole('table', { name: 'Versions, newest first' }).getByRole('row');
    await expect.poll(() => versions.elements().length).toBe(4);
    expect(versions.elements()[1]?.textContent).toContain('3 (current)');
    expect(versions.elements()[1]?.textContent).toContain('This device');
    await expect.element(screen.getByText('Changes in version 3 (compared with version 2)')).toBeVisible();
    expect(diffRows()).toEqual([['Notes', 'Added', '', 'Second floor closed in 2015.']]);

    await screen.getByRole('button', { name: 'Show changes in version 2' }).click();
    await expect.element(screen.getByText('Changes in version 2 (compared with version 1)')).toBeVisible();
    expect(diffRows()).toEqual([
      ['Name (item 2)', 'Added', '', 'المبنى الأحمر'],
      ['Type', 'Changed', 'Other site', 'Building'],
      ['Authority in charge', 'Changed', 'Military Police', 'Military Intelligence'],
      ['Part of', 'Added', '', 'Sednaya Military Prison'],
      ['Period of operation', 'Added', '', 'from c. 1987'],
    ]);
  });

  it('labels fields and values in Arabic', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    const person = await seen.commands.createPerpetrator({ names: [{ text: 'أبو علي', kind: 'kunya', source: { note: 'شهادة' } }], positions: [], status: 'unknown', photoAttachmentIds: [] });
    await seen.commands.updatePerpetrator({ ...person.body, status: 'arrested', names: [{ ...defined(person.body.names[0]), source: { note: 'تقرير 2019' } }] }, 1);
    await expect.poll(() => seen.perpetrators[0]?.version).toBe(2);
    await show(<HistoryView kind="perpetrator" id={person.id} />);
    await expect.element(screen.getByText('تغييرات النسخة 2 (مقارنةً بالنسخة 1)')).toBeVisible();
    expect(diffRows()).toEqual([
      ['مصدر الاسم (العنصر رقم 1)', 'تعديل', 'شهادة', 'تقرير 2019'],
      ['الوضع', 'تعديل', 'غير معروف', 'مقبوض عليه'],
    ]);
  });
});
