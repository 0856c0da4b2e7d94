/**
 * The banner shown on every screen while the demo vault is open, in Arabic and English at
 * once (whatever the UI language), so nobody takes synthetic records for real testimony or
 * records real testimony into the demo. Also gives the demo passphrase when the demo vault is
 * locked, and the way out.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { DEMO_PASSPHRASE } from '../records/demo/demo-vault';
import { useVaultState } from '../vault-session/vault-context';
import './demo.css';

export interface DemoBannerProps {
  busy: boolean;
  onLeave(): void;
}

/** The persistent DEMO DATA banner. */
export function DemoBanner({ busy, onLeave }: DemoBannerProps) {
  const { t } = useTranslation();
  const state = useVaultState();
  return (
    <aside className="demo-banner" aria-label={t('demo.bannerLabel')} data-demo-banner="">
      <p className="demo-banner__text">
        {/* Both languages whatever the UI language: this warning must reach every reader. */}
        <strong lang="en" dir="ltr">
          {t('demo.banner', { lng: 'en' })}
        </strong>
        <strong lang="ar" dir="rtl">
          {t('demo.banner', { lng: 'ar' })}
        </strong>
      </p>
      <p className="demo-banner__note">{t('demo.bannerNote')}</p>
      {state.status === 'locked' && (
        <p className="demo-banner__note">
          {t('demo.passphraseHint')} <code dir="auto">{DEMO_PASSPHRASE}</code>
        </p>
      )}
      <Button disabled={busy} onClick={onLeave}>
        {t('demo.leave')}
      </Button>
    </aside>
  );
}
