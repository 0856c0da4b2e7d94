/**
 * The lock screen, shown when a vault exists on this device. For now a placeholder: the form
 * is real (so its structure, labels and input hygiene are settled) but Unlock stays disabled
 * with a note. The vault issue adds the submit handler, the error message and the busy state.
 *
 * The passphrase is never held in React state: the field is uncontrolled, so the only copy is
 * the one the browser keeps in the input.
 */
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import './lock.css';

export interface LockScreenProps {
  focusOnMount?: boolean;
}

// The CSP forbids form submission (form-action 'none'): it must never reach the browser.
function preventSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}

/** Passphrase field and a disabled Unlock button, with a note saying why. */
export function LockScreen({ focusOnMount = false }: LockScreenProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const noteId = useId();
  return (
    <Screen title={t('lock.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('lock.body')}</p>
      <form className="lock-form" onSubmit={preventSubmit} noValidate>
        <label htmlFor={fieldId} className="lock-form__label">
          {t('lock.passphrase')}
        </label>
        <input
          id={fieldId}
          name="passphrase"
          type="password"
          className="lock-form__input"
          // No autofill, no spellchecker, no cloud spelling service: DESIGN.md §9.
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          dir="auto"
          aria-describedby={noteId}
        />
        <div className="screen__actions">
          <Button type="submit" variant="primary" disabled aria-describedby={noteId}>
            {t('lock.unlock')}
          </Button>
        </div>
        <Notice id={noteId}>
          <p>{t('lock.notYet')}</p>
        </Notice>
      </form>
    </Screen>
  );
}
