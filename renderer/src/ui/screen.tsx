/**
 * One screen of the shell: a titled region whose heading takes focus when the user navigates
 * to it, so keyboard and screen-reader users land on the new content instead of a stale button.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './screen.css';

export interface ScreenProps {
  title: string;
  /** True after an in-app navigation; false on first load, where focus stays with the browser. */
  focusOnMount?: boolean;
  children: ReactNode;
}

/** A <section> labelled by its <h1>. */
export function Screen({ title, focusOnMount = false, children }: ScreenProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <section className="screen" aria-labelledby={headingId}>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
