/**
 * The home screen's prompt after a recovery-key unlock: the first thing on the page, framed as
 * a warning, with the new-passphrase form right there rather than a link to it. It goes away
 * once a new passphrase is set; the confirmation that replaces it is the parent's.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryPassphraseForm } from './recovery-passphrase-form';
import './recovery.css';

/** Title, explanation and the form. */
export function RecoveryPassphrasePrompt({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="recovery-prompt" aria-labelledby={titleId}>
      <h2 id={titleId} className="recovery-prompt__title">
        {t('home.recoveryTitle')}
      </h2>
      <p>{t('home.recoveryBody')}</p>
      <RecoveryPassphraseForm onDone={onDone} />
    </section>
  );
}
