/**
 * A button that shows or hides a block below it (aria-expanded). Used for forms that most
 * visits do not need, so a settings page stays short; hiding unmounts the block, and with it
 * anything typed there.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';

export interface DisclosureProps {
  label: string;
  children: ReactNode;
}

/** The toggle and, while open, its content. */
export function Disclosure({ label, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="disclosure">
      <Button aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((shown) => !shown)}>
        {label}
      </Button>
      {open && (
        <div id={id} className="disclosure__content">
          {children}
        </div>
      )}
    </div>
  );
}
