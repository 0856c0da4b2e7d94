// Linking an existing witness from the testimony editor: the picker finds a witness by part of
// its pseudonym code (never by name) and lists only the matches, so a vault with tens of
// thousands of witnesses does not build one option per witness each time the editor opens.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { matchingWitnesses } from '../../../../renderer/src/features/testimony/editor/sections/witness-picker';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('testimony editor: choosing a witness', VAULT_TESTS, () => {
  it('finds a witness by part of the code and links it; the name is never shown', async () => {
    const { screen, seen, show } = await renderCaseUi(<p>seeding</p>);
    const first = await seen.commands.createWitness({ fullName: 'Synthetic witness one', otherNames: [], contacts: [], pseudonymCode: 'W-0101' });
    await seen.commands.createWitness({ fullName: 'Synthetic witness two', otherNames: [], contacts: [], pseudonymCode: 'W-0202' });
    await show(<TestimonyScreen onBack={() => undefined} />);

    const picker = screen.getByRole('combobox', { name: 'Existing witness' });
    await picker.fill('01');
    await expect.element(screen.getByRole('option', { name: 'W-0101' })).toBeVisible();
    expect(screen.getByRole('option', { name: 'W-0202' }).elements()).toHaveLength(0);
    await picker.fill('w-9');
    await expect.element(screen.getByText('No witness has a code like this')).toBeVisible();
    await picker.fill('w-01');
    await screen.getByRole('option', { name: 'W-0101' }).click();

    await expect.element(screen.getByRole('button', { name: 'Unlink the witness' })).toBeVisible();
    expect(screen.getByText('Synthetic witness one').elements()).toHaveLength(0);
    await expect.poll(() => seen.testimonies[0]?.body.witnessId, { timeout: 15_000 }).toBe(first.id);
    expect(defined(seen.testimonies[0]).body.witnessId).toBe(first.id);
  });

  it('lists at most 30 matches, in the given (code) order', () => {
    const witnesses = Array.from({ length: 50_000 }, (_, i) => ({ id: `id-${i}`, pseudonymCode: `W-${String(i).padStart(5, '0')}` }));
    expect(matchingWitnesses(witnesses, '').map((o) => o.label)).toEqual(witnesses.slice(0, 30).map((w) => w.pseudonymCode));
    expect(matchingWitnesses(witnesses, ' w-4999 ').map((o) => o.label)).toEqual(['W-49990', 'W-49991', 'W-49992', 'W-49993', 'W-49994', 'W-49995', 'W-49996', 'W-49997', 'W-49998', 'W-49999']);
    expect(matchingWitnesses(witnesses, 'X')).toEqual([]);
  });
});
