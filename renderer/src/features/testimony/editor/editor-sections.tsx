/**
 * The editor's sections in the order an interview is written up, with an index at the top that
 * moves focus to a section (no URL fragments: navigation never touches the address).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import type { PanelRequest } from './editor-panels';
import { AccountSection } from './sections/account-section';
import { AllegationsSection } from './sections/allegations-section';
import { EpisodesSection } from './sections/episodes-section';
import { PeopleSection } from './sections/people-section';
import { SessionsSection } from './sections/sessions-section';

const SECTIONS = [
  ['testimony-sessions', 'sessions'],
  ['testimony-account', 'account'],
  ['testimony-episodes', 'episodes'],
  ['testimony-allegations', 'allegations'],
  ['testimony-people', 'people'],
] as const;

/** Moves focus to a section's heading and brings it into view. */
function goTo(id: string): void {
  const heading = document.getElementById(`${id}-heading`);
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

export interface EditorSectionsProps {
  readOnly: boolean;
  onOpenPanel(request: PanelRequest): void;
}

/** Index and sections. */
export function EditorSections({ readOnly, onOpenPanel }: EditorSectionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('testimony.editor.sectionsLabel')} className="editor-index">
        {SECTIONS.map(([id, key]) => (
          <Button key={id} variant="quiet" onClick={() => goTo(id)}>
            {t(`testimony.editor.index.${key}`)}
          </Button>
        ))}
      </nav>
      <SessionsSection readOnly={readOnly} />
      <AccountSection readOnly={readOnly} />
      <EpisodesSection readOnly={readOnly} />
      <AllegationsSection readOnly={readOnly} />
      <PeopleSection
        readOnly={readOnly}
        onOpenWitness={(id) => onOpenPanel({ kind: 'witness', id })}
        onOpenConsent={(id) => onOpenPanel({ kind: 'consent', id })}
      />
    </>
  );
}
