// The facility and alleged perpetrator lists over the real case file: filters (text across
// scripts, type, top level; status, facility), sorting, and paging so that long lists render
// a page of rows at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FacilitiesScreen } from '../../../../renderer/src/features/facility';
import { PerpetratorsScreen } from '../../../../renderer/src/features/perpetrator';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const rowNames = () => [...document.querySelectorAll('.record-table tbody th')].map((cell) => cell.textContent);

describe('facility list', () => {
  it('filters by name, type and top level, sorts, and renders long lists a page at a time', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const { commands } = seen;
    const prison = await commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }, { text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    await commands.createFacility({ names: [{ text: 'Red building', lang: 'en', kind: 'common' }], type: 'building', parentId: prison.id });
    for (let n = 1; n <= 110; n += 1) {
      await commands.createFacility({ names: [{ text: `Checkpoint ${String(n).padStart(3, '0')}`, lang: 'en', kind: 'common' }], type: 'checkpoint' });
    }
    await expect.poll(() => seen.facilities.length, { timeout: 30_000 }).toBe(112);
    const onOpen = vi.fn();
    await show(<FacilitiesScreen onOpen={onOpen} onNew={vi.fn()} />);
    await expect.element(screen.getByText('Facilities shown: 100 of 112')).toBeVisible();
    expect(rowNames()).toHaveLength(100);
    await screen.getByRole('button', { name: 'Show more' }).click();
    await expect.element(screen.getByText('Facilities shown: 112 of 112')).toBeVisible();

    await screen.getByLabelText('Type').selectOptions('Prison');
    await expect.poll(rowNames).toEqual(['Sednaya Military Prison']);
    await screen.getByLabelText('Type').selectOptions('All types');
    await screen.getByLabelText('Find by name').fill('صيدنايا');
    await expect.poll(rowNames).toEqual(['Sednaya Military Prison']);
    await screen.getByLabelText('Find by name').fill('red');
    await expect.poll(rowNames).toEqual(['Red building']);
    await expect.element(screen.getByRole('row', { name: /Red building/ })).toHaveTextContent('Sednaya Military Prison');
    await screen.getByLabelText('Top-level facilities only').click();
    await expect.element(screen.getByText('No facility matches these filters.')).toBeVisible();

    await screen.getByLabelText('Top-level facilities only').click();
    await screen.getByLabelText('Find by name').fill('checkpoint 00');
    await screen.getByLabelText('Order').selectOptions('Descending');
    await expect.poll(() => rowNames().slice(0, 3)).toEqual(['Checkpoint 009', 'Checkpoint 008', 'Checkpoint 007']);
    await screen.getByRole('button', { name: 'Checkpoint 009' }).click();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});

describe('alleged perpetrator list', () => {
  it('filters by status and by linked facility, in Arabic', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    const { commands } = seen;
    const prison = await commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }], type: 'prison' });
    const source = { note: 'قائمة' };
    await commands.createPerpetrator({ names: [{ text: 'أبو علي', kind: 'kunya', source }], positions: [{ role: 'سجّان', facilityId: prison.id, source }], status: 'arrested', photoAttachmentIds: [] });
    await commands.createPerpetrator({ names: [{ text: 'أبو حسن', kind: 'kunya', source }], positions: [], status: 'at_large', photoAttachmentIds: [] });
    await expect.poll(() => seen.perpetrators.length).toBe(2);
    await show(<PerpetratorsScreen onOpen={vi.fn()} onNew={vi.fn()} />);
    await expect.element(screen.getByText('المتهمون المزعومون المعروضون: 2 من 2')).toBeVisible();
    await screen.getByLabelText('الوضع').selectOptions('طليق');
    await expect.poll(rowNames).toEqual(['أبو حسن']);
    await screen.getByLabelText('الوضع').selectOptions('أي وضع');
    await screen.getByLabelText('مرتبط بالمرفق').selectOptions('صيدنايا');
    await expect.poll(rowNames).toEqual(['أبو علي']);
  });
});
