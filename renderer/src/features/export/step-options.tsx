/**
 * Step 3, options: attachments yes or no, and the redaction profile. Pseudonymised is the
 * default and comes first: naming a witness is the exception and needs their consent for it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Redaction } from '../../../../shared/domain';
import { Checkbox } from '../../ui/checkbox';

export interface StepOptionsProps {
  includeAttachments: boolean;
  redaction: Redaction;
  onAttachments(include: boolean): void;
  onRedaction(redaction: Redaction): void;
}

const PROFILES: readonly Redaction[] = ['pseudonymised', 'identified'];

export function StepOptions({ includeAttachments, redaction, onAttachments, onRedaction }: StepOptionsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="export-step">
      <Checkbox
        label={t('exportBundle.options.attachments')}
        description={t('exportBundle.options.attachmentsHint')}
        checked={includeAttachments}
        onChange={(event) => onAttachments(event.target.checked)}
      />
      <fieldset className="export-step__choices">
        <legend className="field__label">{t('exportBundle.options.redaction')}</legend>
        {PROFILES.map((profile) => (
          <div key={profile} className="export-step__choice">
            <input id={`${id}-${profile}`} type="radio" name={`${id}-redaction`} checked={redaction === profile} aria-describedby={`${id}-${profile}-hint`} onChange={() => onRedaction(profile)} />
            <label htmlFor={`${id}-${profile}`}>{t(`exportBundle.options.${profile}`)}</label>
            <p id={`${id}-${profile}-hint`} className="export-list__why">
              {t(`exportBundle.options.${profile}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
