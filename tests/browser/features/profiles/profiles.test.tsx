// Profile pages over the real vault and case file: an alleged perpetrator's allegations
// gathered across testimonies (distinct witnesses by pseudonym, acts with counts, how each
// witness identified them), and a facility's hierarchy and timeline in date order with
// partial dates shown as precisely as they are known. Fictional people.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Allegation, DetentionEpisode } from '../../../../shared/domain';
import { FacilityProfileScreen, PerpetratorProfileScreen } from '../../../../renderer/src/features/profiles';
import type { TestimonyInput } from '../../../../renderer/src/features/records';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { renderRecordsUi } from './support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

let counter = 0;
const itemId = () => `prof${String((counter += 1)).padStart(17, '0')}A`;

function testimony(extra: Partial<TestimonyInput>): TestimonyInput {
  return {
    kind: 'survivor_account',
    status: 'draft',
    sessions: [],
    narrative: { language: 'ar', text: 'رواية مختصرة لأغراض الاختبار.' },
    translations: [],
    detentionEpisodes: [],
    allegations: [],
    attachmentIds: [],
    tags: [],
    ...extra,
  };
}

const nav = () => ({ onOpenTestimony: vi.fn(), onOpenFacility: vi.fn(), onOpenPerpetrator: vi.fn(), onEdit: vi.fn() });
const witnessInput = { fullName: 'Synthetic Witness', otherNames: [], contacts: [] };

describe('alleged perpetrator profile', () => {
  it('gathers every allegation: distinct witnesses, acts with counts, identification by pseudonym', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const { commands } = seen;
    const prison = await commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    const person = await commands.createPerpetrator({ names: [{ text: 'Abu Ali', kind: 'kunya', source: { note: 'testimonies' } }], positions: [], status: 'at_large', photoAttachmentIds: [] });
    const first = await commands.createWitness(witnessInput);
    const second = await commands.createWitness(witnessInput);
    const allegation = (acts: Allegation['acts'], basis: Allegation['identificationBasis'], date?: Allegation['date']): Allegation => ({
      id: itemId(),
      perpetratorId: person.id,
      facilityId: prison.id,
      acts,
      role: 'directly_carried_out',
      identificationBasis: basis,
      ...(date ? { date } : {}),
    });
    const t1 = await commands.createTestimony(testimony({ witnessId: first.id, allegations: [allegation(['beating', 'falaqa'], ['saw_face'], { year: 2013, precision: 'year', approximate: true })] }));
    await commands.createTestimony(testimony({ witnessId: first.id, allegations: [allegation(['beating'], ['heard_name_called'])] }));
    await commands.createTestimony(testimony({ witnessId: second.id, allegations: [allegation(['beating'], ['recognised_voice'], { year: 2014, month: 3, precision: 'month', approximate: false })] }));
    await expect.poll(() => seen.testimonies.length).toBe(3);

    const links = nav();
    await show(<PerpetratorProfileScreen id={person.id} {...links} />);
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Alleged perpetrator: \u2068Abu Ali\u2069');
    await expect.element(screen.getByText(/They are not findings/)).toBeVisible();
    const stats = screen.getByTestId('allegation-stats');
    await expect.element(stats).toHaveTextContent('Allegations: 3');
    await expect.element(stats).toHaveTextContent('Testimonies: 3');
    await expect.element(stats).toHaveTextContent('Distinct witnesses: 2');
    await expect.element(screen.getByText('c. 2013 – March 2014')).toBeVisible();
    const acts = screen.getByRole('list', { name: 'Alleged acts' });
    expect(acts.getByRole('listitem').elements().map((item) => item.textContent)).toEqual(['Beating: 3', 'Beating the soles of the feet (falaqa): 1']);

    const identification = screen.getByRole('table', { name: 'How each witness identified this person' });
    const rows = identification.getByRole('row').elements().slice(1).map((row) => [...row.children].slice(0, 2).map((cell) => cell.textContent));
    expect(rows.sort()).toEqual([
      [first.body.pseudonymCode, 'Saw the face, Heard the name called'],
      [second.body.pseudonymCode, 'Recognised the voice'],
    ].sort());
    // The witness appears by pseudonym only, never by name.
    expect(document.body.textContent).not.toContain('Synthetic Witness');

    await screen.getByRole('button', { name: t1.body.referenceCode }).first().click();
    expect(links.onOpenTestimony).toHaveBeenCalledWith(t1.id);
    await screen.getByRole('button', { name: 'Sednaya Military Prison' }).first().click();
    expect(links.onOpenFacility).toHaveBeenCalledWith(prison.id);
  });

  it('reads in Arabic with the same aggregation', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>, 'ar');
    const person = await seen.commands.createPerpetrator({ names: [{ text: 'أبو علي', kind: 'kunya', source: { note: 'شهادة' } }], positions: [], status: 'unknown', photoAttachmentIds: [] });
    const witness = await seen.commands.createWitness(witnessInput);
    await seen.commands.createTestimony(
      testimony({ witnessId: witness.id, allegations: [{ id: itemId(), perpetratorId: person.id, acts: ['electric_shocks'], role: 'gave_orders', identificationBasis: ['knew_name'] }] }),
    );
    await expect.poll(() => seen.testimonies.length).toBe(1);
    await show(<PerpetratorProfileScreen id={person.id} {...nav()} />);
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('متهم مزعوم: \u2068أبو علي\u2069');
    await expect.element(screen.getByTestId('allegation-stats')).toHaveTextContent('عدد الشهود المختلفين: 1');
    await expect.element(screen.getByRole('list', { name: 'الأفعال المزعومة' })).toHaveTextContent('الصعق الكهربائي (العدد: 1)');
    await expect.element(screen.getByRole('list', { name: 'الدور المزعوم' })).toHaveTextContent('إصدار الأوامر (العدد: 1)');
    await expect.element(screen.getByText('التاريخ غير معروف')).toBeVisible();
  });
});

describe('facility profile', () => {
  it('shows its ancestors and parts, and a timeline in date order with honest partial dates', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const { commands } = seen;
    const prison = await commands.createFacility({ names: [{ text: 'Sednaya Military Prison', lang: 'en', kind: 'official' }], type: 'prison' });
    const building = await commands.createFacility({ names: [{ text: 'Red building', lang: 'en', kind: 'common' }], type: 'building', parentId: prison.id });
    const wing = await commands.createFacility({ names: [{ text: 'Wing A', lang: 'en', kind: 'common' }], type: 'wing', parentId: building.id });
    const episode = (facilityId: string, from?: DetentionEpisode['from']): DetentionEpisode => ({ id: itemId(), facilityId, ...(from ? { from } : {}) });
    await commands.createTestimony(testimony({ detentionEpisodes: [episode(building.id, { year: 2014, month: 3, precision: 'month', approximate: false })] }));
    await commands.createTestimony(testimony({ detentionEpisodes: [episode(building.id)] }));
    await commands.createTestimony(testimony({ detentionEpisodes: [episode(wing.id, { year: 2012, month: 6, day: 14, precision: 'day', approximate: false })] }));
    await commands.createTestimony(testimony({ detentionEpisodes: [episode(building.id, { year: 2013, precision: 'year', approximate: true })] }));
    await expect.poll(() => seen.testimonies.length).toBe(4);

    const links = nav();
    await show(<FacilityProfileScreen id={building.id} {...links} />);
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Red building');
    const breadcrumb = screen.getByRole('navigation', { name: 'Part of' });
    await expect.element(breadcrumb).toHaveTextContent('Sednaya Military PrisonRed building');
    await expect.element(screen.getByRole('list', { name: 'Parts of this facility' })).toHaveTextContent('Wing A');
    const when = () => screen.getByTestId('timeline-item').elements().map((item) => item.querySelector('.timeline__when')?.textContent);
    await expect.poll(when).toEqual(['from 14 June 2012', 'from c. 2013', 'from March 2014', 'Date not known']);
    await expect.element(screen.getByTestId('timeline-item').first()).toHaveTextContent('in Wing A');
    await breadcrumb.getByRole('button', { name: 'Sednaya Military Prison' }).click();
    expect(links.onOpenFacility).toHaveBeenCalledWith(prison.id);
  });
});
