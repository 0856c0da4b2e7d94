/**
 * The passphrase strength meter: shared/crypto's estimate, shown as four bars and words. The
 * words carry the meaning (the bars are decoration), and only the level is a live region, so
 * a screen reader hears "Good" when it changes, not a number on every keystroke.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { estimatePassphraseStrength, type StrengthLevel } from '../../../../shared/crypto/passphrase-strength';
import './passphrase.css';

const LEVELS: readonly StrengthLevel[] = ['weak', 'fair', 'good', 'strong'];

const LEVEL_KEYS = {
  weak: 'passphrase.strengthWeak',
  fair: 'passphrase.strengthFair',
  good: 'passphrase.strengthGood',
  strong: 'passphrase.strengthStrong',
} as const satisfies Record<StrengthLevel, string>;

/** Strength of `passphrase`; shows nothing but the label while it is empty. */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const strength = useMemo(() => estimatePassphraseStrength(passphrase), [passphrase]);
  const empty = passphrase === '';
  const filled = empty ? 0 : LEVELS.indexOf(strength.level) + 1;
  return (
    <div className="strength" data-level={empty ? 'none' : strength.level}>
      <p className="strength__label">
        {t('passphrase.strengthLabel')}
        {': '}
        <strong aria-live="polite">{empty ? '—' : t(LEVEL_KEYS[strength.level])}</strong>
      </p>
      <div className="strength__bars" aria-hidden="true">
        {LEVELS.map((level, index) => (
          <span key={level} className={index < filled ? `strength__bar strength__bar--${strength.level}` : 'strength__bar'} />
        ))}
      </div>
      {!empty && (
        <p className="strength__detail">
          {strength.generated
            ? t('passphrase.strengthGenerated', { bits: strength.bits })
            : t('passphrase.strengthEstimate', { bits: strength.bits })}
        </p>
      )}
      {!empty && !strength.generated && (strength.level === 'weak' || strength.level === 'fair') && (
        <p className="strength__detail">{t('passphrase.strengthAdvice')}</p>
      )}
    </div>
  );
}
