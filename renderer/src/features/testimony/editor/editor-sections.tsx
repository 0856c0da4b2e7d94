/**
 * The editor's sections in the order an interview is written up, with an index at the top that
 * moves focus to a section (no URL fragments: navigation never touches the address).
 *
 * Opening a long testimony renders the first sections (sessions, the account) at once and the
 * others one per task after it: rendering and laying out the whole form in one go held the UI
 * thread for over 300 ms at ten thousand testimonies (DESIGN.md §13: no task over 100 ms).
 * Field values live in the form (react-hook-form defaults), not in the mounted inputs, so a
 * section mounting later loses nothing and autosave and validation see every field.
 */
import { useEffect, useState } from 'react';
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

/** Sections rendered with the editor's first paint (the rest follow, one per task). */
const FIRST_SECTIONS = 2;
const SECTION_COUNT = SECTIONS.length;

/** How many sections to render: FIRST_SECTIONS, then one more per task until all are. */
function useSectionsShown(): number {
  const [shown, setShown] = useState(FIRST_SECTIONS);
  useEffect(() => {
    if (shown >= SECTION_COUNT) return undefined;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return shown;
}

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
  const shown = useSectionsShown();
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
      {shown > 2 && <EpisodesSection readOnly={readOnly} />}
      {shown > 3 && <AllegationsSection readOnly={readOnly} />}
      {shown > 4 && (
        <PeopleSection
          readOnly={readOnly}
          onOpenWitness={(id) => onOpenPanel({ kind: 'witness', id })}
          onOpenConsent={(id) => onOpenPanel({ kind: 'consent', id })}
        />
      )}
    </>
  );
}
