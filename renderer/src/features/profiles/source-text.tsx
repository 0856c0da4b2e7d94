/**
 * Where a statement comes from, as the profile shows it: the testimony (a link by reference
 * code), the note, and whether a document is cited. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { SourceRef } from '../../../../shared/domain';
import { NameText } from '../facility/form-kit/name-text';
import { TestimonyLink, type ProfileNavigation } from './profile-links';
import type { RecordNames } from './use-record-names';

/** The parts of a source, separated by semicolons. */
export function SourceText({ source, names, nav }: { source: SourceRef; names: RecordNames; nav: ProfileNavigation }) {
  const { t, i18n } = useTranslation();
  const separator = i18n.resolvedLanguage === 'ar' ? '؛ ' : '; ';
  const parts = [
    source.testimonyId !== undefined && <TestimonyLink key="t" id={source.testimonyId} code={names.referenceCode(source.testimonyId)} nav={nav} />,
    source.note !== undefined && source.note.trim() !== '' && (
      <span key="n">
        {t('profiles.sourceNote')}: <NameText text={source.note} />
      </span>
    ),
    source.attachmentId !== undefined && <span key="a">{t('profiles.sourceAttachment')}</span>,
  ].filter(Boolean);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && separator}
          {part}
        </span>
      ))}
    </>
  );
}
