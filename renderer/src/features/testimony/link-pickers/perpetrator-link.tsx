/**
 * The alleged perpetrator of an allegation: find them by any name (full name, kunya,
 * nickname, alias) in any script, or create them on the spot with the perpetrator editor's
 * compact form (which offers "did you mean …?" first). "Alleged" throughout.
 */
import { useTranslation } from 'react-i18next';
import { PerpetratorForm } from '../../perpetrator';
import { usePerpetratorIndex } from '../../records';
import { useRecordOpeners, useTestimonyIdentity } from '../editor/editor-context';
import { useVocabularyLang } from '../form/vocabulary-fields';
import { LinkField } from './link-field';
import { useLinkables } from './use-linkables';

export interface PerpetratorLinkProps {
  name: string;
  label: string;
  readOnly: boolean;
}

/** Picker and inline creation of an alleged perpetrator. */
export function PerpetratorLink({ name, label, readOnly }: PerpetratorLinkProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const list = usePerpetratorIndex();
  const openers = useRecordOpeners();
  const testimony = useTestimonyIdentity();
  // Names created here are sourced to this testimony (or, before its first save, a note saying so).
  const source = testimony.id ? { testimonyId: testimony.id } : { note: t('testimony.links.sourceNote') };
  const { entries, display } = useLinkables(list, lang);
  return (
    <LinkField
      name={name}
      label={label}
      readOnly={readOnly}
      kind="perpetrator"
      status={list.status}
      entries={entries}
      display={display}
      createLabel={(query) => t('testimony.links.createPerpetrator', { name: query })}
      emptyText={t('testimony.links.noPerpetrator')}
      missingText={t('testimony.links.perpetratorMissing')}
      onOpen={openers.openPerpetrator}
      renderCreate={(query, done, cancel) => <PerpetratorForm compact initialNames={[query]} defaultSource={source} onCreated={(id) => done(id)} onCancel={cancel} />}
    />
  );
}
