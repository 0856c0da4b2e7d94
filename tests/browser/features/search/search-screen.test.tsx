// Search as you type over the real case file and its search worker: صيدنايا, Saydnaya and
// Sednaya find the same facility, results are grouped by kind, and opening a result
// navigates to it. In Arabic too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchScreen } from '../../../../renderer/src/features/search';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('search screen', () => {
  it('finds the same facility by its Arabic name and two Latin spellings, grouped, and opens it', async () => {
    const onOpen = vi.fn();
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const prison = await seen.commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }], type: 'prison' });
    await seen.commands.createFacility({ names: [{ text: 'Branch 235', lang: 'en', kind: 'common' }], type: 'intelligence_branch' });
    await seen.commands.createPerpetrator({ names: [{ text: 'Abu Ali', kind: 'kunya', source: { note: 'list' } }], positions: [{ role: 'guard', facilityId: prison.id, source: { note: 'list' } }], status: 'unknown', photoAttachmentIds: [] });
    await expect.poll(() => seen.facilities.length).toBe(2);
    await show(<SearchScreen onOpen={onOpen} />);
    const box = screen.getByLabelText('Search the case file');
    await expect.element(box).toHaveFocus();

    for (const query of ['Saydnaya', 'Sednaya', 'صيدنايا', 'sidnaya']) {
      await box.fill(query);
      const facilities = screen.getByRole('region', { name: 'Facilities' });
      await expect.element(facilities.getByRole('button', { name: 'صيدنايا' }), { timeout: 10_000 }).toBeVisible();
      expect(screen.getByRole('button', { name: 'Branch 235' }).query()).toBeNull();
    }
    await screen.getByRole('button', { name: 'صيدنايا' }).click();
    expect(onOpen).toHaveBeenCalledWith('facility', prison.id);

    await box.fill('Abu Ali');
    await expect.element(screen.getByRole('region', { name: 'Alleged perpetrators' }).getByRole('button', { name: 'Abu Ali' }), { timeout: 10_000 }).toBeVisible();
    await box.fill('no such name anywhere');
    await expect.element(screen.getByText('Nothing found for this search.'), { timeout: 10_000 }).toBeVisible();
  });

  it('searches in Arabic across scripts', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    await seen.commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    await expect.poll(() => seen.facilities.length).toBe(1);
    await show(<SearchScreen onOpen={() => undefined} />);
    await screen.getByLabelText('البحث في ملف القضايا').fill('صيدنايا');
    await expect.element(screen.getByRole('region', { name: 'المرافق' }).getByRole('button', { name: 'Sednaya Military Prison' }), { timeout: 10_000 }).toBeVisible();
    await expect.element(screen.getByText('عدد النتائج: 1')).toBeVisible();
  });
});
