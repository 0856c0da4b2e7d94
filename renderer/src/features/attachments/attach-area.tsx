/**
 * Where files come in: a picker (a real file input, so keyboard and screen-reader users get the
 * system chooser) and a drop zone around it. Any type, several files at once.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface AttachAreaProps {
  onFiles(files: File[]): void;
  disabled?: boolean;
  /** The picker's `accept` list; drops are not filtered (the user chose to drop them). */
  accept?: string;
}

function hasFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/** The picker and the drop zone. */
export function AttachArea({ onFiles, disabled = false, accept }: AttachAreaProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className={over ? 'attach-area attach-area--over' : 'attach-area'} onDragOver={onDragOver} onDragLeave={() => setOver(false)} onDrop={onDrop} data-testid="attach-drop-zone">
      <label className="attach-area__pick button button--secondary">
        <input
          className="attach-area__input"
          type="file"
          multiple
          accept={accept}
          disabled={disabled}
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Reset, so choosing the same file again still fires a change.
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        {t('attachments.pick')}
      </label>
      <p className="attach-area__hint" aria-live="polite">
        {over ? t('attachments.dropActive') : t('attachments.dropHint')}
      </p>
    </div>
  );
}
