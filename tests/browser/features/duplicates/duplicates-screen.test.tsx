// The duplicates review over the real case file: two facilities that are one place and two
// records of one alleged perpetrator are suggested; merging keeps every name and re-points
// every link; Undo restores the merged record and its links; "not the same" hides a pair.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DuplicatesScreen } from '../../../../renderer/src/features/duplicates';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { defined, renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const person = (text: string) => ({ names: [{ text, kind: 'kunya' as const, source: { note: 'list' } }], positions: [], status: 'unknown' as const, photoAttachmentIds: [] });

describe('duplicates review', () => {
  it('merges two facilities into the chosen survivor, keeps every name, re-points links, and undoes it', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const { commands } = seen;
    const english = await commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    const arabic = await commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }], type: 'prison' });
    const testimony = await commands.createTestimony({
      kind: 'survivor_account',
      status: 'draft',
      sessions: [],
      narrative: { language: 'ar', text: 'رواية مختصرة.' },
      translations: [],
      detentionEpisodes: [{ id: 'dupl00000000000000001A', facilityId: arabic.id }],
      allegations: [],
      attachmentIds: [],
      tags: [],
    });
    await expect.poll(() => seen.testimonies.length).toBe(1);
    await show(<DuplicatesScreen onOpen={vi.fn()} />);

    const facilities = screen.getByRole('region', { name: 'Facilities' });
    const pair = facilities.getByTestId('duplicate-pair');
    await expect.element(pair, { timeout: 15_000 }).toBeVisible();
    await expect.element(pair).toHaveTextContent('Matching names:');
    await pair.getByRole('button', { name: 'Merge into Sednaya Military Prison' }).click();
    await expect.element(pair.getByText(/All names of the other record are kept/)).toBeVisible();
    await pair.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.element(screen.getByText(/^Merged\. Names added: 1\. Links re-pointed: 1\./)).toBeVisible();

    await expect.poll(() => seen.facilities.map((entry) => entry.id)).toEqual([english.id]);
    expect(defined(seen.facilities[0]).names).toEqual(['Sednaya Military Prison', 'صيدنايا']);
    expect(defined(seen.testimonies[0]).body.detentionEpisodes[0]?.facilityId).toBe(english.id);
    await expect.element(facilities.getByText('No possible duplicates.'), { timeout: 15_000 }).toBeVisible();

    const recent = screen.getByTestId('recent-merge');
    await expect.element(recent).toHaveTextContent('صيدنايا merged into Sednaya Military Prison');
    await recent.getByRole('button', { name: 'Undo' }).click();
    await expect.element(screen.getByText(/^Undone: the merged record is back/)).toBeVisible();
    await expect.poll(() => seen.facilities.length).toBe(2);
    const restored = defined(seen.facilities.find((entry) => entry.id !== english.id));
    expect(restored.names).toEqual(['صيدنايا']);
    expect(defined(seen.facilities.find((entry) => entry.id === english.id)).names).toEqual(['Sednaya Military Prison']);
    expect(defined(seen.testimonies.find((entry) => entry.id === testimony.id)).body.detentionEpisodes[0]?.facilityId).toBe(restored.id);
    await expect.element(recent).toHaveTextContent('Undone');
  });

  it('hides a pair marked "not the same", in Arabic', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    await seen.commands.createPerpetrator(person('Abu Ali'));
    await seen.commands.createPerpetrator(person('أبو علي'));
    await expect.poll(() => seen.perpetrators.length).toBe(2);
    await show(<DuplicatesScreen onOpen={vi.fn()} />);
    const people = screen.getByRole('region', { name: 'المتهمون المزعومون' });
    const pair = people.getByTestId('duplicate-pair');
    await expect.element(pair, { timeout: 15_000 }).toBeVisible();
    await expect.element(pair).toHaveTextContent('الكنية نفسها (أبو …). كثيرون يحملون الكنية نفسها، فتحقّق بعناية.');
    await pair.getByRole('button', { name: 'ليسا الشيء نفسه' }).click();
    await expect.element(people.getByText('لا توجد سجلات مكرّرة محتملة.')).toBeVisible();
    expect(seen.perpetrators).toHaveLength(2);
  });
});
