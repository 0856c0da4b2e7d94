// The demo vault's banner and first-run action: "DEMO DATA — not real testimony" in Arabic
// and English together, whatever the UI language, the demo passphrase while locked, a way
// out; and "Explore with demo data" on the first-run screen.
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { DemoBanner } from '../../../../renderer/src/features/demo/demo-banner';
import { DEMO_PASSPHRASE } from '../../../../renderer/src/features/records';
import { VaultProvider } from '../../../../renderer/src/features/vault-session/vault-context';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n';
import { createFakeVaultClient } from '../../../fakes/fake-vault-client';
import { cleanUp, locked, unlocked } from '../feature-support';
import { renderApp } from '../../support/render-app';

afterEach(cleanUp);

describe('demo banner', () => {
  it('says DEMO DATA in both languages in an Arabic UI, gives the passphrase while locked, and leaves', async () => {
    const onLeave = vi.fn();
    const client = createFakeVaultClient({ state: unlocked() });
    const screen = await render(
      <VaultProvider client={client}>
        <I18nextProvider i18n={createI18n('ar')}>
          <DemoBanner busy={false} onLeave={onLeave} />
        </I18nextProvider>
      </VaultProvider>,
    );
    const banner = screen.getByRole('complementary', { name: 'الخزنة التجريبية' });
    await expect.element(banner.getByText('DEMO DATA — not real testimony')).toBeVisible();
    await expect.element(banner.getByText('بيانات تجريبية — ليست شهادات حقيقية')).toBeVisible();
    expect(banner.getByText(DEMO_PASSPHRASE).elements()).toEqual([]);
    client.setState(locked());
    await expect.element(banner.getByText(DEMO_PASSPHRASE)).toBeVisible();
    await banner.getByRole('button', { name: 'مغادرة الخزنة التجريبية' }).click();
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('offers "Explore with demo data" on the first-run screen, with no banner until it is used', async () => {
    const { screen } = await renderApp();
    await expect.element(screen.getByRole('heading', { name: 'Just looking around?' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Explore with demo data' })).toBeVisible();
    expect(document.querySelector('[data-demo-banner]')).toBeNull();
  });
});
