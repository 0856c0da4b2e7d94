/**
 * One titled section of the testimony editor. The heading can take focus, so the section
 * index at the top of the editor moves keyboard and screen-reader users straight to it.
 */
import type { ReactNode } from 'react';

export interface SectionFrameProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** A <section> labelled by its <h2>. */
export function SectionFrame({ id, title, children }: SectionFrameProps) {
  return (
    <section className="case-form__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
