// A link to a record that no longer exists: while a testimony is open, its facility is merged
// into another (the data layer re-points the stored link and deletes the merged record). The
// open editor says so at the field, and saving what is on screen is refused as a conflict,
// with the typed text kept and a way to save it as the newest version.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, itemId, renderCaseUi, testimonyInput } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('testimony editor: a linked record disappears', VAULT_TESTS, () => {
  it('marks the link, keeps the text on a conflict, and saves it over the newer version on request', async () => {
    const ui = await renderCaseUi(<p>seeding</p>);
    const { screen, seen } = ui;
    const { commands } = seen;
    const merged = await commands.createFacility({ names: [{ text: 'Saydnaya prison', lang: 'en', kind: 'common' }], type: 'prison' });
    const survivor = await commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }], type: 'prison' });
    const testimony = await commands.createTestimony(testimonyInput({ detentionEpisodes: [{ id: itemId(), facilityId: merged.id }] }));
    await ui.show(<TestimonyScreen testimonyId={testimony.id} onBack={() => undefined} />);
    const episode = screen.getByRole('group', { name: 'Detention episode 1' });
    await expect.element(episode.getByText('Saydnaya prison')).toBeVisible();

    await commands.mergeEntities('facility', survivor.id, merged.id);
    await expect.element(episode.getByText('The linked facility no longer exists (deleted or merged). Choose another.')).toBeVisible();

    // Typing autosaves: refused (the link points at a record that is gone), text kept.
    const narrative = screen.getByLabelText('Narrative', { exact: true });
    await narrative.fill('Typed while the facility was merged elsewhere.');
    await expect.element(screen.getByText('Not saved: some fields need attention. Everything you typed is still here.')).toBeVisible();
    await expect.element(narrative).toHaveValue('Typed while the facility was merged elsewhere.');

    // Pointing the episode at the surviving record: now the merge's newer version is the conflict.
    await episode.getByRole('button', { name: 'Change' }).click();
    await episode.getByRole('combobox', { name: 'Facility' }).fill('صيد');
    await screen.getByRole('option', { name: 'صيدنايا' }).click();
    await expect.element(screen.getByText('Not saved: this testimony was saved elsewhere in the meantime. Everything you typed is still here.')).toBeVisible();
    await screen.getByRole('button', { name: 'Save my version as the newest' }).click();
    await expect.poll(async () => (await seen.fullBody(0)).narrative.text, { timeout: 15_000 }).toBe('Typed while the facility was merged elsewhere.');
    expect(defined(seen.testimonies[0]).body.detentionEpisodes[0]?.facilityId).toBe(survivor.id);
  });
});
