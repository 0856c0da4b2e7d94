/**
 * Which facility, alleged perpetrator, profile, search or duplicates screen the navigation
 * asks for (unlocked-screens.tsx renders the result). Runs on the main thread, inside the
 * unlocked subtree and the case file.
 *
 * A plain function rather than a component, so the shell knows whether one of these screens
 * is shown (and the home screen is not).
 */
import type { ReactNode } from 'react';
import type { Navigation } from '../../app/navigation';
import { Button } from '../../ui/button';
import { DismissedPairsProvider } from '../duplicates/dismissed-pairs';
import { DuplicatesScreen } from '../duplicates/duplicates-screen';
import { FacilitiesScreen } from '../facility/facilities-screen';
import { FacilityEditorScreen } from '../facility/facility-editor-screen';
import { PerpetratorEditorScreen } from '../perpetrator/perpetrator-editor-screen';
import { PerpetratorsScreen } from '../perpetrator/perpetrators-screen';
import { SearchQueryProvider } from '../search/search-query';
import { SearchScreen } from '../search/search-screen';
import { FacilityProfileScreen } from './facility-profile-screen';
import { PerpetratorProfileScreen } from './perpetrator-profile-screen';
import type { ProfileNavigation } from './profile-links';
import { BackLabel } from './back-label';

/** State these screens keep while the vault is open (search query, dismissed pairs). */
export function RecordScreensState({ children }: { children: ReactNode }) {
  return (
    <SearchQueryProvider>
      <DismissedPairsProvider>{children}</DismissedPairsProvider>
    </SearchQueryProvider>
  );
}

/** The screen for `navigation.current`, or null when it is not one of these. */
export function recordScreen(navigation: Navigation, focusOnMount: boolean): ReactNode | null {
  const { current, currentId, open, back } = navigation;
  const id = currentId ?? undefined;
  const nav: ProfileNavigation = {
    onOpenTestimony: (target) => open('testimony', target),
    onOpenFacility: (target) => open('facility', target),
    onOpenPerpetrator: (target) => open('perpetrator', target),
  };
  // Replace the editor with the record's page: Back then returns to where the editor was opened from.
  const showAfterSave = (screen: 'facility' | 'perpetrator') => (saved: string) => {
    back();
    if (id === undefined) open(screen, saved);
  };
  const withBack = (screen: ReactNode) => (
    <>
      <div className="record-screens__back">
        <Button variant="quiet" onClick={back}>
          <BackLabel />
        </Button>
      </div>
      {screen}
    </>
  );
  switch (current) {
    case 'facilities':
      return <FacilitiesScreen focusOnMount={focusOnMount} onOpen={nav.onOpenFacility} onNew={() => open('facility-edit')} />;
    case 'perpetrators':
      return <PerpetratorsScreen focusOnMount={focusOnMount} onOpen={nav.onOpenPerpetrator} onNew={() => open('perpetrator-edit')} />;
    case 'search':
      return <SearchScreen focusOnMount={focusOnMount} onOpen={(kind, target) => open(kind, target)} />;
    case 'duplicates':
      return <DuplicatesScreen focusOnMount={focusOnMount} onOpen={(kind, target) => open(kind, target)} />;
    case 'facility':
      return id === undefined ? null : withBack(<FacilityProfileScreen key={id} id={id} focusOnMount={focusOnMount} onEdit={(target) => open('facility-edit', target)} {...nav} />);
    case 'perpetrator':
      return id === undefined ? null : withBack(<PerpetratorProfileScreen key={id} id={id} focusOnMount={focusOnMount} onEdit={(target) => open('perpetrator-edit', target)} {...nav} />);
    case 'facility-edit':
      return withBack(<FacilityEditorScreen key={id ?? 'new'} id={id} focusOnMount={focusOnMount} onDone={showAfterSave('facility')} onCancel={back} onOpenFacility={nav.onOpenFacility} />);
    case 'perpetrator-edit':
      return withBack(
        <PerpetratorEditorScreen key={id ?? 'new'} id={id} focusOnMount={focusOnMount} onDone={showAfterSave('perpetrator')} onCancel={back} onOpenPerpetrator={nav.onOpenPerpetrator} />,
      );
    default:
      return null;
  }
}
