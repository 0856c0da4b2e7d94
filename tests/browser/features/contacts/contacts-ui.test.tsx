// The identity card and contacts screens over the real vault, in English and Arabic: the
// fingerprint kept left to right, copy and save, adding from pasted text and from a file,
// translated errors for bad, tampered and own cards, and the explicit verify step.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../../renderer/src/app/app-providers';
import { ContactsScreen } from '../../../../renderer/src/features/contacts/contacts-screen';
import { IdentityScreen } from '../../../../renderer/src/features/contacts/identity-screen';
import { contactStatus, listContacts } from '../../../../renderer/src/features/contacts';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../renderer/src/i18n/languages';
import type { OpenedFile, SaveRequest } from '../../../../renderer/src/platform/platform';
import { createFakePlatform } from '../../../fakes/fake-platform';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../../vault/support/vault-harness';
import { partnerCard, tamperedCard } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

function fileOf(text: string): OpenedFile {
  const bytes = new TextEncoder().encode(text);
  return { name: 'partner.sijill-id', size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length), close: async () => undefined };
}

async function renderScreen(which: 'identity' | 'contacts', language: Language, openText: string | null = null) {
  const harness = await makeUnlockedVault();
  const saved: { name: string; text: string }[] = [];
  const base = createFakePlatform();
  const platform = {
    ...base,
    async saveFile(request: SaveRequest) {
      let text = '';
      for await (const chunk of request.chunks) text += new TextDecoder().decode(chunk);
      saved.push({ name: request.suggestedName, text });
      return { status: 'saved' as const, name: request.suggestedName };
    },
    openFile: async () => (openText === null ? null : fileOf(openText)),
  };
  const ui = which === 'identity' ? <IdentityScreen /> : <ContactsScreen onOpenIdentity={() => undefined} />;
  const screen = await render(
    <AppProviders platform={platform} vault={harness.client} i18n={createI18n(language)}>
      {ui}
    </AppProviders>,
  );
  return { harness, screen, saved };
}

describe('identity card screen', VAULT_TESTS, () => {
  for (const language of ['en', 'ar'] as const) {
    it(`shows the fingerprint left to right, copies and saves the card (${language})`, async () => {
      const { harness, screen, saved } = await renderScreen('identity', language);
      const identity = await harness.client.identity();
      await expect.poll(() => document.querySelector('bdi.fingerprint')?.textContent, { timeout: 20_000 }).toBe(identity.fingerprint);
      expect(document.querySelector('bdi.fingerprint')?.getAttribute('dir')).toBe('ltr');
      expect(identity.fingerprint).toMatch(/^\d{5}( \d{5}){11}$/);
      await screen.getByRole('button', { name: language === 'en' ? 'Save card as a file' : 'حفظ البطاقة في ملف' }).click();
      await expect.poll(() => saved.length).toBe(1);
      expect(saved[0]?.name).toBe('identity.sijill-id');
      expect(saved[0]?.text).toContain(identity.fingerprint);
      expect(saved[0]?.text).not.toMatch(/secret/i);
      await harness.client.dispose();
    });
  }
});

describe('contacts screen', VAULT_TESTS, () => {
  it('adds from pasted text, refuses bad, tampered and own cards in English, then verifies', async () => {
    const { harness, screen } = await renderScreen('contacts', 'en');
    const box = screen.getByLabelText('Paste a partner’s identity card');
    const add = screen.getByRole('button', { name: 'Add from pasted text' });
    await box.fill('not a card');
    await add.click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This is not a Sijill identity card');
    await box.fill(await tamperedCard('Partner'));
    await add.click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('binding signature is invalid');
    const own = await import('../../../../renderer/src/features/contacts').then((m) => m.ownIdentity(harness.client));
    await box.fill(own.card);
    await add.click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This is this device’s own card');

    await box.fill((await partnerCard('Partner Org')).card);
    await add.click();
    await expect.element(screen.getByText('Contact added.', { exact: false })).toBeVisible();
    await expect.element(screen.getByText('Not verified')).toBeVisible();
    await screen.getByRole('button', { name: 'Compare fingerprint' }).click();
    const confirm = screen.getByRole('button', { name: 'Compare fingerprint' });
    await expect.element(confirm).toBeDisabled();
    expect(document.querySelectorAll('.contacts__compare bdi[dir="ltr"]')).toHaveLength(2);
    await screen.getByRole('combobox').selectOptions('video');
    await screen.getByLabelText('I compared the fingerprint and every group matches').click();
    await confirm.click();
    await expect.element(screen.getByText('Verified', { exact: true })).toBeVisible();
    const [contact] = await listContacts(harness.client);
    expect(contact && contactStatus(contact.body)).toBe('verified');
    expect(contact?.body.verified?.method).toBe('video');
    await harness.client.dispose();
  });

  it('adds from a card file and explains errors in Arabic', async () => {
    const { card } = await partnerCard('منظمة شريكة');
    const { harness, screen } = await renderScreen('contacts', 'ar', card);
    await screen.getByRole('button', { name: 'فتح ملف بطاقة' }).click();
    await expect.element(screen.getByText('أُضيفت جهة الاتصال', { exact: false })).toBeVisible();
    await expect.element(screen.getByText('غير موثّقة', { exact: true })).toBeVisible();
    expect((await listContacts(harness.client)).map((c) => c.body.label)).toEqual(['منظمة شريكة']);
    await screen.getByLabelText('الصق بطاقة هوية الشريك').fill('ليست بطاقة');
    await screen.getByRole('button', { name: 'إضافة من النص الملصق' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('هذه ليست بطاقة هوية من سجل');
    await screen.getByLabelText('الصق بطاقة هوية الشريك').fill(await tamperedCard('x'));
    await screen.getByRole('button', { name: 'إضافة من النص الملصق' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('توقيع الربط في البطاقة غير صالح');
    await harness.client.dispose();
  });
});
