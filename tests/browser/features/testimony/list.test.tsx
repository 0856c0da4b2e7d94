// The testimony list: 10,000 rows drawn a window at a time (a few dozen elements in the page,
// every row reachable with the keyboard), and the list screen over the real case file:
// filters by status, consent state and facility, sorting, the count, opening a testimony.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { TestimonyListScreen } from '../../../../renderer/src/features/testimony/list/testimony-list-screen';
import { VirtualRows } from '../../../../renderer/src/features/testimony/list/virtual-rows';
import { DEFAULT_CONTROLS, filterOf } from '../../../../renderer/src/features/testimony/list/list-controls';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { itemId, renderCaseUi, sessionBody, testimonyInput } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const ROWS = Array.from({ length: 10_000 }, (_, index) => ({ id: `row-${index}`, label: `T-2026-${String(index + 1).padStart(5, '0')}` }));

describe('windowed rows', () => {
  it('draws only the rows in view and moves through all 10,000 with the keyboard', async () => {
    const opened = vi.fn();
    const screen = await render(
      <VirtualRows
        items={ROWS}
        rowHeight={40}
        height={400}
        label="Rows"
        rowKey={(row) => row.id}
        renderRow={(row) => (
          <button type="button" data-row-focus="" onClick={() => opened(row.id)}>
            {row.label}
          </button>
        )}
      />,
    );
    expect(document.querySelectorAll('[data-row-index]').length).toBeLessThan(40);
    expect(screen.getByRole('list', { name: 'Rows' }).element().getAttribute('style')).toContain('400000px');
    await screen.getByRole('button', { name: 'T-2026-00001' }).click();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect.poll(() => document.activeElement?.textContent).toBe('T-2026-00003');
    await userEvent.keyboard('{End}');
    await expect.poll(() => document.activeElement?.textContent).toBe('T-2026-10000');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('10000');
    expect(document.querySelectorAll('[data-row-index]').length).toBeLessThan(40);
    await userEvent.keyboard('{PageUp}{Enter}');
    await expect.poll(() => opened.mock.calls.at(-1)?.[0]).toMatch(/^row-99\d\d$/);
    await userEvent.keyboard('{Home}');
    await expect.poll(() => document.activeElement?.textContent).toBe('T-2026-00001');
  });

  it('turns the controls into the data layer filter, ignoring a year that is not one', () => {
    expect(filterOf(DEFAULT_CONTROLS)).toEqual({});
    expect(filterOf({ ...DEFAULT_CONTROLS, status: ['sealed'], yearFrom: '٢٠١٢', yearTo: 'soon', dateOn: 'interview' })).toEqual({
      status: ['sealed'],
      dateFrom: { year: 2012, precision: 'year', approximate: false },
      dateOn: 'interview',
    });
  });
});

describe('testimony list screen', VAULT_TESTS, () => {
  it('filters by status, consent and facility, sorts, and opens a testimony', async () => {
    const onOpen = vi.fn();
    const ui = await renderCaseUi(<p>seeding</p>);
    const { commands } = ui.seen;
    const branch = await commands.createFacility({ names: [{ text: 'Branch 235', lang: 'en', kind: 'common' }], type: 'intelligence_branch' });
    const consent = await commands.createConsent(undefined, {
      type: 'granted',
      date: '2025-01-10',
      form: 'written',
      explainedBy: 'D-07',
      language: 'ar',
      scopes: ['internal_archive'],
      sharing: { contactIds: [], recipientClasses: [] },
      identityDisclosure: 'never',
      recordingAllowed: false,
      recontactAllowed: false,
    });
    const first = await commands.createTestimony(testimonyInput({ detentionEpisodes: [{ id: itemId(), facilityId: branch.id, from: { year: 2012, precision: 'year', approximate: false } }] }));
    await commands.createTestimony(testimonyInput({ status: 'complete', sessions: [sessionBody()], consentId: consent.id }));
    await commands.createTestimony(testimonyInput({ kind: 'witness_account' }));
    await ui.show(<TestimonyListScreen onOpen={onOpen} onNew={() => undefined} />);
    const { screen } = ui;
    await expect.element(screen.getByText('Shown: 3 of 3')).toBeVisible();

    await screen.getByText('Filter and sort', { exact: false }).click();
    await screen.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Complete' }).click();
    await expect.element(screen.getByText('Shown: 1 of 3')).toBeVisible();
    await expect.element(screen.getByText('Filter and sort (filters set: 1)')).toBeVisible();
    await screen.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Complete' }).click();

    await screen.getByRole('group', { name: 'Consent' }).getByRole('checkbox', { name: 'Not recorded' }).click();
    await expect.element(screen.getByText('Shown: 2 of 3')).toBeVisible();
    await screen.getByRole('button', { name: 'Clear all filters' }).click();

    await screen.getByLabelText('Facility (with its parts)').selectOptions('Branch 235');
    await expect.element(screen.getByText('Shown: 1 of 3')).toBeVisible();
    await screen.getByRole('button', { name: first.body.referenceCode }).click();
    expect(onOpen).toHaveBeenCalledWith(first.id);
    await screen.getByRole('button', { name: 'Clear all filters' }).click();

    await screen.getByLabelText('Sort by').selectOptions('Reference code');
    await screen.getByLabelText('Order').selectOptions('Oldest or lowest first');
    const codes = [...document.querySelectorAll('.testimony-row__code')].map((element) => element.textContent);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toHaveLength(3);
  });
});
