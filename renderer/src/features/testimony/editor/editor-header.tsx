/**
 * The top of an open testimony: reference code, status, kind, witness (by pseudonym only) and
 * consent at a glance. Re-renders only when the witness or consent link changes.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, testimonyStatuses, type TestimonyStatus } from '../../../../../shared/domain';
import { ConsentBadge } from '../../consent/consent-badge';
import { useConsent } from '../../records';
import { WitnessCode } from '../../witness/witness-code';
import { useVocabularyLang } from '../form/vocabulary-fields';
import type { TestimonyValues } from './testimony-values';

/** Consent at a glance for the linked consent record (or "no consent recorded"). */
export function LinkedConsentBadge({ consentId }: { consentId: string }) {
  const lookup = useConsent(consentId === '' ? undefined : consentId);
  if (consentId === '' || lookup.status === 'missing') return <ConsentBadge glance="missing" />;
  if (lookup.status === 'loading') return null;
  return <ConsentBadge glance={lookup.value.glance} summary={lookup.value.summary} />;
}

/** Status, witness and consent of the testimony being edited. */
export function EditorHeader({ status }: { status: TestimonyStatus }) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const { control } = useFormContext<TestimonyValues>();
  const [witnessId, consentId] = useWatch({ control, name: ['witnessId', 'consentId'] });
  return (
    <dl className="editor-header">
      <div>
        <dt>{t('testimony.header.status')}</dt>
        <dd>
          <span className={`status-badge status-badge--${status}`} data-status={status}>
            {labelOf(testimonyStatuses, status, lang)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('testimony.header.witness')}</dt>
        <dd>{witnessId ? <WitnessCode id={witnessId} /> : <span className="case-form__muted">{t('testimony.header.noWitness')}</span>}</dd>
      </div>
      <div>
        <dt>{t('testimony.header.consent')}</dt>
        <dd>
          <LinkedConsentBadge consentId={consentId} />
        </dd>
      </div>
    </dl>
  );
}
