/**
 * The passphrase policy, stated before the user types anything (not discovered through errors).
 */
import { useTranslation } from 'react-i18next';
import './passphrase.css';

/** The policy as a short titled list. */
export function PassphrasePolicy() {
  const { t } = useTranslation();
  return (
    <section className="passphrase-policy" aria-label={t('passphrase.policyTitle')}>
      <p className="passphrase-policy__title">{t('passphrase.policyTitle')}</p>
      <ul>
        <li>{t('passphrase.policyLength')}</li>
        <li>{t('passphrase.policyMax')}</li>
        <li>{t('passphrase.policyScripts')}</li>
        <li>{t('passphrase.policyNoRecovery')}</li>
      </ul>
    </section>
  );
}
