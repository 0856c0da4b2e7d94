// Linking while writing: the facility combobox finds an existing facility by a spelling in
// another script (Saydnaya for صيدنايا), creating a "new" one that is probably the same shows
// "did you mean …?" first (and linking the suggestion creates nothing), and a genuinely new
// alleged perpetrator is created inline and linked, with this testimony as its source.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('testimony editor: inline links', VAULT_TESTS, () => {
  it('finds a facility across scripts, suggests a duplicate before creating, and creates an alleged perpetrator inline', async () => {
    const { screen, seen, show } = await renderCaseUi(<p>seeding</p>);
    const sednaya = await seen.commands.createFacility({ names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }], type: 'prison' });
    await show(<TestimonyScreen onBack={() => undefined} />);

    await screen.getByRole('button', { name: 'Add a detention episode' }).click();
    const episode = screen.getByRole('group', { name: 'Detention episode 1' });
    const facility = episode.getByRole('combobox', { name: 'Facility' });
    await facility.fill('Saydnaya');
    await expect.element(screen.getByRole('option', { name: 'صيدنايا' })).toBeVisible();
    await expect.element(screen.getByRole('option', { name: 'Create a new facility: “Saydnaya”' })).toBeVisible();

    // Choosing "create" anyway: the inline form first asks whether it is the same place.
    await screen.getByRole('option', { name: 'Create a new facility: “Saydnaya”' }).click();
    const inline = screen.getByRole('group', { name: 'New facility' });
    const didYouMean = inline.getByRole('list', { name: 'Did you mean one of these existing facilities?' });
    await expect.element(didYouMean.getByText('صيدنايا', { exact: true })).toBeVisible();
    await didYouMean.getByRole('button', { name: 'Use this facility' }).click();
    await expect.element(episode.getByText('صيدنايا', { exact: true })).toBeVisible();
    expect(await seen.commands.suggestionsFor('facility', ['Saydnaya'])).not.toEqual([]);

    await screen.getByRole('button', { name: 'Add an allegation' }).click();
    const allegation = screen.getByRole('group', { name: 'Allegation 1' });
    await allegation.getByRole('combobox', { name: 'Alleged perpetrator' }).fill('Abu Haidar');
    await screen.getByRole('option', { name: 'Create a new alleged perpetrator: “Abu Haidar”' }).click();
    await screen.getByRole('group', { name: 'New alleged perpetrator' }).getByRole('button', { name: 'Create', exact: true }).click();
    await expect.element(allegation.getByText('Abu Haidar', { exact: true })).toBeVisible();
    await allegation.getByRole('checkbox', { name: 'Beating', exact: true }).click();
    await allegation.getByRole('checkbox', { name: 'Heard the name called', exact: true }).click();

    // The draft autosaves with both links; the existing facility was linked, not duplicated.
    await expect.poll(() => seen.testimonies.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => defined(seen.testimonies[0]).body.allegations.length, { timeout: 15_000 }).toBe(1);
    const body = defined(seen.testimonies[0]).body;
    expect(body.detentionEpisodes[0]?.facilityId).toBe(sednaya.id);
    const perpetratorId = defined(body.allegations[0]?.perpetratorId);
    const [created] = await seen.commands.history('perpetrator', perpetratorId);
    expect(created?.body.names.map((name) => name.text)).toEqual(['Abu Haidar']);
    // Its source is this testimony (once saved) or a note saying it was named in one.
    const source = defined(created?.body.names[0]).source;
    expect(source.testimonyId === defined(seen.testimonies[0]).id || source.note === 'Named in a testimony being recorded').toBe(true);
  });
});
