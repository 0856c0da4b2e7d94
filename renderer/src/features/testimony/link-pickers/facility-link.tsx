/**
 * The facility of a detention episode or an allegation: find it by any of its names in any
 * script, or create it on the spot with the facility editor's compact form (which first
 * offers "did you mean …?" so the same prison is not recorded twice).
 */
import { useTranslation } from 'react-i18next';
import { FacilityForm, pathNames, pathText } from '../../facility';
import { useFacilityIndex, type FacilityEntry } from '../../records';
import { useRecordOpeners } from '../editor/editor-context';
import { useVocabularyLang } from '../form/vocabulary-fields';
import { LinkField } from './link-field';
import { useLinkables, type LinkLabel } from './use-linkables';

export interface FacilityLinkProps {
  name: string;
  label: string;
  readOnly: boolean;
  /** The facility may be left empty (an allegation's facility). */
  optional?: boolean;
}

/** A wing or a cell reads with the facility it belongs to: "Sednaya › Red building". */
const facilityLabel: LinkLabel<FacilityEntry> = (entry, shown, byId, lang) => (entry.ancestorIds.length > 0 ? pathText(pathNames(entry.id, byId, lang)) : shown);

/** Picker and inline creation of a facility. */
export function FacilityLink({ name, label, readOnly, optional = false }: FacilityLinkProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const list = useFacilityIndex();
  const openers = useRecordOpeners();
  const { entries, display } = useLinkables(list, lang, facilityLabel);
  return (
    <LinkField
      name={name}
      label={label}
      hint={optional ? t('testimony.links.facilityOptional') : undefined}
      readOnly={readOnly}
      kind="facility"
      status={list.status}
      entries={entries}
      display={display}
      createLabel={(query) => t('testimony.links.createFacility', { name: query })}
      emptyText={t('testimony.links.noFacility')}
      missingText={t('testimony.links.facilityMissing')}
      onOpen={openers.openFacility}
      renderCreate={(query, done, cancel) => <FacilityForm compact initialNames={[query]} onCreated={(id) => done(id)} onCancel={cancel} />}
    />
  );
}
