// The export wizard over the real vault and case file: in Arabic, every step with an
// unverified partner shown disabled with its reason, the exclusion named in the review, the
// bundle streamed to the platform's saveFile and readable by the partner; in English, cancel
// while writing leaves no audit entry.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { ExportWizard } from '../../../renderer/src/features/export';
import { exportMessages } from '../../../renderer/src/features/export/messages';
import { parseExchangeRecord } from '../../../shared/exchange';
import { CaseFileProvider } from '../../../renderer/src/features/records';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../renderer/src/i18n/languages';
import type { SaveRequest, SaveResult } from '../../../renderer/src/platform/platform';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { withdrawal } from '../../node/shared/domain/consent-fixtures';
import { createFakePlatform } from '../../fakes/fake-platform';
import { concatBytes } from '../../../shared/crypto/bytes';
import { cleanUp } from '../features/feature-support';
import { deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { draftFor, patternBytes } from '../attachments/support';
import { grantTo, readAsPartner, seedEntities, seedTestimony, unverifiedPartner, verifiedPartner } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

type Save = (request: SaveRequest) => Promise<SaveResult>;

async function renderWizard(client: VaultClient, language: Language, saveFile: Save) {
  const platform = { ...createFakePlatform(), saveFile };
  return render(
    <AppProviders platform={platform} vault={client} i18n={createI18n(language)}>
      <CaseFileProvider>
        <ExportWizard />
      </CaseFileProvider>
    </AppProviders>,
  );
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/{{(\w+)}}/g, (_, key: string) => String(values[key] ?? ''));

describe('export wizard', VAULT_TESTS, () => {
  it('walks what, to whom, options, review and write in Arabic, naming each exclusion', async () => {
    const m = exportMessages.ar;
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client, 'محامو الشراكة');
    await unverifiedPartner(client, 'منظمة غير متحقق منها');
    const links = await seedEntities(client);
    const allowed = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    const withdrawn = await seedTestimony(client, links, [grantTo([contact.id]), withdrawal({ date: '2026-02-01' })], 2);
    const saved: Uint8Array[] = [];
    const screen = await renderWizard(client, 'ar', async (request) => {
      const parts: Uint8Array[] = [];
      for await (const chunk of request.chunks) parts.push(chunk.slice());
      saved.push(concatBytes(...parts));
      return { status: 'saved', name: request.suggestedName };
    });

    await expect.element(screen.getByRole('button', { name: m.what.selectShown }), { timeout: 20_000 }).toBeEnabled();
    await screen.getByRole('button', { name: m.what.selectShown }).click();
    await expect.element(screen.getByText(fill(m.what.chosen, { count: 2 }), { exact: false })).toBeVisible();
    await screen.getByRole('button', { name: m.next, exact: true }).click();

    const strangerBox = screen.getByRole('checkbox', { name: 'منظمة غير متحقق منها' });
    await expect.element(strangerBox).toBeDisabled();
    await expect.element(screen.getByText(m.whom.blocked.unverified)).toBeVisible();
    await screen.getByRole('checkbox', { name: 'محامو الشراكة' }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await expect.element(screen.getByRole('radio', { name: m.options.pseudonymised })).toBeChecked();
    await screen.getByRole('button', { name: m.next, exact: true }).click();

    await expect.element(screen.getByText(fill(m.review.included, { count: 1 })), { timeout: 20_000 }).toBeVisible();
    await expect.element(screen.getByText(fill(m.review.excludedFor, { code: withdrawn.referenceCode, reason: m.reasons.consent_withdrawn, partner: 'محامو الشراكة' }))).toBeVisible();
    await screen.getByRole('button', { name: m.review.write }).click();

    await expect.element(screen.getByText(m.done.title), { timeout: 20_000 }).toBeVisible();
    expect(saved).toHaveLength(1);
    const { bundle, entries } = await readAsPartner(saved[0] ?? new Uint8Array(), partner, await client.identity());
    expect(bundle.sender.trust.status).toBe('verified');
    const testimonies = entries.filter(({ entry }) => entry.type === 'testimony').map(({ bytes }) => parseExchangeRecord(bytes, 'testimony').id);
    expect(testimonies).toEqual([allowed.id]);
    await expect.element(screen.getByText(fill(m.done.bundleId, { id: bundle.manifest.bundle_id }))).toBeVisible();
    expect(document.querySelector('.export-done__fingerprints li')?.getAttribute('dir')).toBe('ltr');
    await client.dispose();
  });

  it('warns in the review what pseudonymisation leaves in, and counts recordings and photos (English)', async () => {
    const m = exportMessages.en;
    const { client } = await makeUnlockedVault();
    const { contact } = await verifiedPartner(client, 'Partner Lawyers');
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id], { identityDisclosure: 'named', namedDisclosureTo: { contactIds: [contact.id], recipientClasses: [] } })], 1);
    const owner = { kind: 'testimony', id: t.id } as const;
    await client.attachments.importFile(new Blob([patternBytes(2_000)]), draftFor(owner, 'interview.webm', 'audio/webm;codecs=opus'));
    await client.attachments.importFile(new Blob([patternBytes(3_000)]), draftFor(owner, 'cell sketch.png', 'image/png'));
    await client.attachments.importFile(new Blob([patternBytes(1_000)]), draftFor(owner, 'notes.pdf', 'application/pdf'));
    const screen = await renderWizard(client, 'en', async (request) => ({ status: 'saved', name: request.suggestedName }));

    await expect.element(screen.getByRole('button', { name: m.what.selectShown }), { timeout: 20_000 }).toBeEnabled();
    await screen.getByRole('button', { name: m.what.selectShown }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await screen.getByRole('checkbox', { name: 'Partner Lawyers' }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await screen.getByRole('checkbox', { name: m.options.attachments }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();

    await expect.element(screen.getByText(fill(m.review.included, { count: 1 })), { timeout: 20_000 }).toBeVisible();
    await expect.element(screen.getByText(m.review.pseudonymCheck)).toBeVisible();
    await expect.element(screen.getByText(fill(m.review.attachmentKinds, { recordings: 1, photos: 1 }))).toBeVisible();

    // Identified: the witness is named anyway, so no pseudonymisation warning.
    await screen.getByRole('button', { name: m.back, exact: true }).click();
    await screen.getByRole('radio', { name: m.options.identified }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await expect.element(screen.getByText(fill(m.review.contents, { facilities: 1, perpetrators: 1, witnesses: 1, attachments: 3, entries: 11 })), { timeout: 20_000 }).toBeVisible();
    expect(screen.getByText(m.review.pseudonymCheck).elements()).toEqual([]);
    await client.dispose();
  });

  it('cancel while writing saves nothing and audits nothing (English)', async () => {
    const m = exportMessages.en;
    const { client } = await makeUnlockedVault();
    const { contact } = await verifiedPartner(client, 'Partner Lawyers');
    const links = await seedEntities(client);
    await seedTestimony(client, links, [grantTo([contact.id])], 1);
    let pulled = 0;
    const screen = await renderWizard(client, 'en', async (request) => {
      // Like a real save: stop when the signal aborts (the user pressed Cancel).
      for await (const chunk of request.chunks) {
        pulled += chunk.length;
        await new Promise<void>((resolve) => request.signal?.addEventListener('abort', () => resolve(), { once: true }));
        request.signal?.throwIfAborted();
      }
      return { status: 'saved', name: request.suggestedName };
    });

    await expect.element(screen.getByRole('button', { name: m.what.selectShown }), { timeout: 20_000 }).toBeEnabled();
    await screen.getByRole('button', { name: m.what.selectShown }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await screen.getByRole('checkbox', { name: 'Partner Lawyers' }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await screen.getByRole('button', { name: m.next, exact: true }).click();
    await screen.getByRole('button', { name: m.review.write }).click();
    await expect.element(screen.getByText(m.progress.writing), { timeout: 20_000 }).toBeVisible();
    await screen.getByRole('button', { name: m.progress.cancel }).click();
    await expect.element(screen.getByText(m.progress.cancelled)).toBeVisible();
    expect(pulled).toBeGreaterThan(0);
    expect((await client.auditTrail()).rows.some((row) => row.action === 'export')).toBe(false);
    await client.dispose();
  });
});
