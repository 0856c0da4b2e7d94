/**
 * A modal screen over the testimony (the witness screen, the consent record): a native
 * <dialog> opened with showModal(), so focus stays inside, Escape closes it, and the testimony
 * underneath stays mounted with everything typed.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';

export interface CaseDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/** The dialog, open while mounted. */
export function CaseDialog({ title, onClose, children }: CaseDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="case-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: close through React, so the state that opened the dialog is reset too.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="case-dialog__head">
        <h2 id={titleId}>{title}</h2>
        <Button variant="quiet" onClick={onClose}>
          {t('testimony.editor.closePanel')}
        </Button>
      </div>
      {children}
    </dialog>
  );
}
