/**
 * The witness (by pseudonym code only: the name is on the witness screen), the consent record
 * with its state at a glance, and tags. Opening or creating a witness or consent opens their
 * screen over the testimony, which stays open underneath with everything typed.
 */
import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/button';
import { NameText } from '../../../facility';
import { useWitnesses } from '../../../records';
import { TextField } from '../../form/text-fields';
import { LinkedConsentBadge } from '../editor-header';
import type { TestimonyValues } from '../testimony-values';
import { SectionFrame } from './section-frame';
import { WitnessPicker } from './witness-picker';

export interface PeopleSectionProps {
  readOnly: boolean;
  /** Opens the witness screen: an existing witness, or a new one (null). */
  onOpenWitness(id: string | null): void;
  /** Opens the consent screen for the linked record, or to record a first consent (null). */
  onOpenConsent(id: string | null): void;
}

/** Witness link, consent, tags. */
export function PeopleSection({ readOnly, onOpenWitness, onOpenConsent }: PeopleSectionProps) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<TestimonyValues>();
  const [witnessId, consentId] = useWatch({ control, name: ['witnessId', 'consentId'] });
  const witnesses = useWitnesses();
  const labelId = useId();
  // Already in code order (useWitnesses sorts once per change of the witnesses, not per render).
  const sorted = witnesses.items;
  const linked = witnessId === '' ? undefined : sorted.find((witness) => witness.id === witnessId);
  return (
    <SectionFrame id="testimony-people" title={t('testimony.people.title')}>
      <h3>{t('testimony.people.witness')}</h3>
      <p className="case-form__muted">{t('testimony.people.witnessHint')}</p>
      {witnessId !== '' ? (
        <div className="link-picker__chosen">
          {linked ? <NameText text={linked.pseudonymCode} className="witness-code" /> : <span>{t('witness.missing')}</span>}
          <Button onClick={() => onOpenWitness(witnessId)}>{t('testimony.people.openWitness')}</Button>
          {!readOnly && (
            <Button variant="quiet" onClick={() => setValue('witnessId', '', { shouldDirty: true })}>
              {t('testimony.people.unlinkWitness')}
            </Button>
          )}
        </div>
      ) : (
        !readOnly && (
          <div className="case-form__row">
            <div className="field">
              <span id={labelId} className="field__label">
                {t('testimony.people.chooseWitness')}
              </span>
              <WitnessPicker labelledBy={labelId} witnesses={sorted} onChoose={(id) => setValue('witnessId', id, { shouldDirty: true })} />
            </div>
            <div className="field">
              <span className="field__label" aria-hidden="true">
                &nbsp;
              </span>
              <Button onClick={() => onOpenWitness(null)}>{t('testimony.people.newWitness')}</Button>
            </div>
          </div>
        )
      )}

      <h3>{t('testimony.people.consent')}</h3>
      <div className="link-picker__chosen">
        <LinkedConsentBadge consentId={consentId} />
        {consentId !== '' ? (
          <Button onClick={() => onOpenConsent(consentId)}>{t('testimony.people.openConsent')}</Button>
        ) : (
          !readOnly && <Button onClick={() => onOpenConsent(null)}>{t('testimony.people.recordConsent')}</Button>
        )}
      </div>

      <TextField name="tags" label={t('testimony.people.tags')} hint={t('testimony.people.tagsHint')} />
    </SectionFrame>
  );
}
