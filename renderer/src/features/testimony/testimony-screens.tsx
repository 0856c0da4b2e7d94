/**
 * Which testimony screen the navigation asks for: the list (the "Testimonies" section) or one
 * testimony (`open('testimony', id)`, or without an id for a new one). unlocked-screens.tsx
 * renders the result. A plain function, so the shell knows whether one is shown.
 */
import type { ReactNode } from 'react';
import type { Navigation } from '../../app/navigation';
import { TestimonyScreen } from './editor/testimony-screen';
import { TestimonyListScreen } from './list/testimony-list-screen';

/** The screen for `navigation.current`, or null when it is not a testimony screen. */
export function testimonyScreen(navigation: Navigation, focusOnMount: boolean): ReactNode | null {
  const { current, currentId, open, back } = navigation;
  if (current === 'testimonies') {
    return <TestimonyListScreen focusOnMount={focusOnMount} onOpen={(id) => open('testimony', id)} onNew={() => open('testimony')} />;
  }
  if (current === 'testimony') {
    // Keyed by id: opening another testimony starts a fresh editor.
    return (
      <TestimonyScreen
        key={currentId ?? 'new'}
        testimonyId={currentId ?? undefined}
        focusOnMount={focusOnMount}
        onBack={back}
        onOpenFacility={(id) => open('facility', id)}
        onOpenPerpetrator={(id) => open('perpetrator', id)}
      />
    );
  }
  return null;
}
