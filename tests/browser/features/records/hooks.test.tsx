import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'vitest-browser-react';
import {
  CaseFileProvider,
  useCaseCommands,
  useDuplicateSuggestions,
  useFacilities,
  useHistory,
  useNameSuggestions,
  useWitness,
  useWitnesses,
  type CaseCommands,
  type Id,
} from '../../../../renderer/src/features/records';
import { VaultProvider } from '../../../../renderer/src/features/vault-session/vault-context';
import { deleteTestDatabases, makeUnlockedVault } from '../../vault/support/vault-harness';
import { facilityInput, loggedSearch } from './support/records-harness';

afterEach(async () => {
  await cleanup();
  await deleteTestDatabases();
});

let commands: CaseCommands | null = null;

function Probe({ facilityId, witnessId, draft }: { facilityId: Id | undefined; witnessId: Id | undefined; draft: string }) {
  commands = useCaseCommands();
  const list = useFacilities({ query: 'sednaya' });
  const history = useHistory('facility', facilityId);
  const witness = useWitness(witnessId);
  const duplicates = useDuplicateSuggestions('facility');
  const didYouMean = useNameSuggestions('facility', [draft]);
  const summary = {
    list: list.items.length,
    versions: history.status === 'found' ? history.value.map((v) => v.version) : history.status,
    witness: witness.status === 'found' ? witness.value.body.pseudonymCode : witness.status,
    duplicates: duplicates.items.length,
    didYouMean: didYouMean.length,
  };
  return <output data-testid="probe">{JSON.stringify(summary)}</output>;
}

describe('case-file hooks', () => {
  it('follow saves: lists, history, witness reads, duplicate and "did you mean" suggestions', async () => {
    const { client } = await makeUnlockedVault();
    const log = { spawned: [], terminated: [] };
    const ui = (facilityId?: Id, witnessId?: Id) => (
      <VaultProvider client={client}>
        <CaseFileProvider options={{ spawnSearch: loggedSearch(log) }}>
          <Probe facilityId={facilityId} witnessId={witnessId} draft="Saydnaya" />
        </CaseFileProvider>
      </VaultProvider>
    );
    const screen = await render(ui());
    const probe = screen.getByTestId('probe');
    await expect.element(probe).toHaveTextContent('"list":0');
    await expect.poll(() => commands !== null).toBe(true);
    const run = () => commands as CaseCommands;
    const first = await run().createFacility(facilityInput(['صيدنايا', 'Sednaya']));
    await run().createFacility(facilityInput(['Saidnaya prison']));
    await run().updateFacility({ ...first.body, authority: 'Military Police' }, 1);
    const witness = await run().createWitness({ fullName: 'ريم حمدان', otherNames: [], contacts: [] });
    await screen.rerender(ui(first.id, witness.id));
    await expect.element(probe).toHaveTextContent('"list":1');
    await expect.element(probe).toHaveTextContent('"versions":[1,2]');
    await expect.element(probe).toHaveTextContent('"witness":"W-0001"');
    await expect.element(probe).toHaveTextContent('"duplicates":1');
    await expect.element(probe).toHaveTextContent('"didYouMean":2');
    await run().updateFacility({ ...first.body, authority: 'Military Police', notes: 'third version' }, 2);
    await expect.element(probe).toHaveTextContent('"versions":[1,2,3]');
    await client.lock('manual');
    await expect.element(probe).toHaveTextContent('"witness":"missing"');
    expect(log.terminated).toHaveLength(1);
    await client.dispose();
  });

  it('lists witnesses in code order: numbers as numbers (W-2 before W-10), other codes among them', async () => {
    const { client } = await makeUnlockedVault();
    let add: CaseCommands | null = null;
    function Codes() {
      add = useCaseCommands();
      const witnesses = useWitnesses();
      return <output data-testid="codes">{witnesses.items.map((w) => w.pseudonymCode).join(' ')}</output>;
    }
    const screen = await render(
      <VaultProvider client={client}>
        <CaseFileProvider options={{ spawnSearch: null }}>
          <Codes />
        </CaseFileProvider>
      </VaultProvider>,
    );
    await expect.poll(() => add !== null).toBe(true);
    for (const code of ['W-10', 'W-0002', 'W-3A', 'W-1']) await (add as unknown as CaseCommands).createWitness({ fullName: 'Synthetic witness', otherNames: [], contacts: [], pseudonymCode: code });
    await expect.element(screen.getByTestId('codes')).toHaveTextContent('W-1 W-0002 W-3A W-10');
    await client.dispose();
  });
});
