// Consent at a glance and the consent record: the badge says active (with the scopes in force),
// review due, partly withdrawn, withdrawn or not recorded, in English and Arabic; the consent
// screen records terms (refusing sharing without a recipient, at its field), then a
// withdrawal, keeps both events in the history, and the badge follows.
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'vitest-browser-react';
import { consentState, type ConsentEvent } from '../../../../shared/domain';
import { ConsentBadge } from '../../../../renderer/src/features/consent/consent-badge';
import { ConsentPanel } from '../../../../renderer/src/features/consent/consent-panel';
import { consentGlance } from '../../../../renderer/src/features/records';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../renderer/src/i18n/languages';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { renderCaseUi } from '../testimony/support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const grant = (extra: Partial<Extract<ConsentEvent, { type: 'granted' }>> = {}): ConsentEvent => ({
  type: 'granted',
  version: 1,
  date: '2025-03-01',
  form: 'oral',
  explainedBy: 'Documenter D-07',
  language: 'ar',
  scopes: ['internal_archive', 'legal_proceedings'],
  sharing: { contactIds: [], recipientClasses: [] },
  identityDisclosure: 'pseudonym_only',
  recordingAllowed: true,
  recontactAllowed: true,
  ...extra,
});

/** Renders the badge alone (the previous one is unmounted first). */
async function badge(events: readonly ConsentEvent[] | null, language: Language, at = '2025-06-01') {
  await cleanup();
  const summary = events ? consentState(events, at) : undefined;
  const glance = summary ? consentGlance(summary) : 'missing';
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ConsentBadge glance={glance} summary={summary} />
    </I18nextProvider>,
  );
}

describe('consent badge', () => {
  it('shows each state in English', async () => {
    let screen = await badge([grant()], 'en');
    await expect.element(screen.getByText('Consent in force')).toBeVisible();
    await expect.element(screen.getByText('for: Internal archive, Legal proceedings')).toBeVisible();
    screen = await badge([grant({ reviewDate: '2025-05-01' })], 'en');
    await expect.element(screen.getByText('Consent review due')).toBeVisible();
    screen = await badge([grant(), { type: 'withdrawn', version: 2, date: '2025-04-01', scope: ['legal_proceedings'], recordedBy: 'D-07' }], 'en');
    await expect.element(screen.getByText('Consent partly withdrawn')).toBeVisible();
    await expect.element(screen.getByText('for: Internal archive')).toBeVisible();
    screen = await badge([grant(), { type: 'withdrawn', version: 2, date: '2025-04-01', scope: 'all', recordedBy: 'D-07' }], 'en');
    await expect.element(screen.getByText('Consent withdrawn')).toBeVisible();
    expect(screen.getByText('for:', { exact: false }).elements()).toEqual([]);
    screen = await badge(null, 'en');
    await expect.element(screen.getByText('No consent recorded')).toBeVisible();
  });

  it('shows each state in Arabic', async () => {
    let screen = await badge([grant()], 'ar');
    await expect.element(screen.getByText('الموافقة سارية')).toBeVisible();
    await expect.element(screen.getByText('لأغراض: الحفظ في الأرشيف الداخلي، الاستخدام في الإجراءات القانونية')).toBeVisible();
    screen = await badge([grant(), { type: 'withdrawn', version: 2, date: '2025-04-01', scope: 'all', recordedBy: 'D-07' }], 'ar');
    await expect.element(screen.getByText('الموافقة مسحوبة')).toBeVisible();
    screen = await badge([grant({ reviewDate: '2025-05-01' })], 'ar');
    await expect.element(screen.getByText('حان موعد مراجعة الموافقة')).toBeVisible();
  });
});

describe('consent record', VAULT_TESTS, () => {
  it('records terms, refuses sharing without recipients, records a withdrawal and keeps the history', async () => {
    let created = '';
    const { screen, seen } = await renderCaseUi(<ConsentPanel consentId={null} canCreate onCreated={(id) => (created = id)} />);
    await screen.getByLabelText('Explained by').fill('Documenter D-07');
    await screen.getByRole('checkbox', { name: 'Sharing with listed recipients' }).click();
    await screen.getByRole('button', { name: 'Save the consent terms' }).click();
    await expect.element(screen.getByText('Choose who the testimony may be shared with.')).toBeVisible();
    expect(created).toBe('');

    await screen.getByRole('checkbox', { name: 'Lawyer' }).click();
    await screen.getByRole('checkbox', { name: 'Legal proceedings' }).click();
    await screen.getByRole('button', { name: 'Save the consent terms' }).click();
    await expect.poll(() => created, { timeout: 15_000 }).not.toBe('');
    await expect.element(screen.getByText('Consent in force')).toBeVisible();

    await screen.getByRole('button', { name: 'Record a withdrawal' }).click();
    await screen.getByLabelText('Recorded by').fill('Documenter D-07');
    await screen.getByRole('button', { name: 'Record the withdrawal' }).click();
    await expect.element(screen.getByText('Consent withdrawn')).toBeVisible();
    const history = screen.getByRole('list', { name: 'History of consent' });
    await expect.element(history.getByText(/^Version 2: withdrawal from/)).toBeVisible();
    await expect.element(history.getByText(/^Version 1: terms given on/)).toBeVisible();
    const [first] = await seen.commands.history('consent', created);
    expect(first?.body.events).toHaveLength(1);
    const versions = await seen.commands.history('consent', created);
    expect(versions.at(-1)?.body.events.map((event) => event.type)).toEqual(['granted', 'withdrawn']);
    expect(versions.at(-1)?.body.events[0]).toMatchObject({ scopes: ['internal_archive', 'legal_proceedings', 'sharing'], sharing: { contactIds: [], recipientClasses: ['lawyer'] } });
  });
});
