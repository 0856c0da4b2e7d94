/**
 * The facility of a detention episode or an allegation: find it by any of its names in any
 * script, or create it on the spot with the facility editor's compact form (which first
 * offers "did you mean …?" so the same prison is not recorded twice).
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FacilityForm, pathNames, pathText } from '../../facility';
import { displayName, useFacilities } from '../../records';
import { useRecordOpeners } from '../editor/editor-context';
import { useVocabularyLang } from '../form/vocabulary-fields';
import { LinkField, type LinkDisplay } from './link-field';
import { otherNames, prepareLinkables } from './link-options';

export interface FacilityLinkProps {
  name: string;
  label: string;
  readOnly: boolean;
  /** The facility may be left empty (an allegation's facility). */
  optional?: boolean;
}

/** Picker and inline creation of a facility. */
export function FacilityLink({ name, label, readOnly, optional = false }: FacilityLinkProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const list = useFacilities();
  const openers = useRecordOpeners();
  const byId = useMemo(() => new Map(list.items.map((entry) => [entry.id, entry])), [list.items]);
  const entries = useMemo(() => prepareLinkables(list.items.map((entry) => ({ id: entry.id, names: entry.names }))), [list.items]);
  const display = useCallback(
    (id: string): LinkDisplay | undefined => {
      const entry = byId.get(id);
      if (!entry) return undefined;
      const shown = displayName(entry.body.names, lang);
      // A wing or a cell reads with the facility it belongs to: "Sednaya › Red building".
      const path = entry.ancestorIds.length > 0 ? pathText(pathNames(id, byId, lang)) : shown;
      const others = otherNames(entry.names, shown);
      return { label: path, ...(others ? { detail: others } : {}) };
    },
    [byId, lang],
  );
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
