/**
 * Shows an image or a PDF from memory, only after the whole file decrypted and verified.
 * Nothing is written to disk.
 *
 * - Images: an object URL of a Blob, registered with the vault, released when the viewer
 *   closes and revoked at lock at the latest.
 * - PDFs: the verified bytes go to pdf.js as an array (pdf-pages.tsx, pdf-document.ts); no
 *   Blob, no URL, no plugin (the CSP allows none). Pages are drawn on a canvas, which is
 *   emptied, and pdf.js's worker terminated, on close and at lock.
 */
import { concatBytes } from '../../../../shared/crypto/bytes';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { AttachmentInfo } from '../../vault/attachment-types';
import { useVaultClient } from '../vault-session/vault-context';
import { errorKey, formatBytes } from './attachment-format';
import { PdfPages } from './pdf-pages';
import { PREVIEW_CAP_BYTES, readVerified, wipeParts } from './read-verified';
import { NAME_MARK, withName } from './with-name';

export interface AttachmentViewerProps {
  info: AttachmentInfo;
  kind: 'image' | 'pdf';
  onClose(): void;
}

type View =
  | { readonly status: 'reading' }
  | { readonly status: 'image'; readonly url: string }
  | { readonly status: 'pdf'; readonly bytes: Uint8Array }
  | { readonly status: 'failed'; readonly error: unknown };

/** The viewer of one image or PDF. */
export function AttachmentViewer({ info, kind, onClose }: AttachmentViewerProps) {
  const { t, i18n } = useTranslation();
  const vault = useVaultClient();
  const [view, setView] = useState<View>({ status: 'reading' });
  const tooLarge = info.size > PREVIEW_CAP_BYTES;

  useEffect(() => {
    if (tooLarge) return;
    const controller = new AbortController();
    let url: string | null = null;
    let pdfBytes: Uint8Array | null = null;
    readVerified(vault.attachments, info.id, controller.signal).then(
      (parts) => {
        if (controller.signal.aborted) return wipeParts(parts);
        if (kind === 'pdf') {
          // One array for the viewer (wiped when it closes); the pieces are wiped at once.
          pdfBytes = concatBytes(...parts);
          wipeParts(parts);
          setView({ status: 'pdf', bytes: pdfBytes });
          return;
        }
        url = vault.attachments.trackUrl(URL.createObjectURL(new Blob(parts, { type: info.mediaType })));
        wipeParts(parts);
        setView({ status: 'image', url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setView({ status: 'failed', error });
      },
    );
    return () => {
      controller.abort();
      if (url) vault.attachments.releaseUrl(url);
      pdfBytes?.fill(0);
    };
  }, [vault, info.id, info.mediaType, kind, tooLarge]);

  const language = i18n.resolvedLanguage;
  return (
    <section className="attachment-viewer" aria-label={t('attachments.viewerTitle', { name: info.name })}>
      <p className="attachment-viewer__title">{withName(t('attachments.viewerTitle', { name: NAME_MARK }), info.name)}</p>
      {tooLarge && <Notice>{t('attachments.viewerTooLarge', { size: formatBytes(info.size, language), limit: formatBytes(PREVIEW_CAP_BYTES, language) })}</Notice>}
      {!tooLarge && view.status === 'reading' && <BusyNotice title={t('attachments.viewerVerifying')} />}
      {view.status === 'image' && <img className="attachment-viewer__image" src={view.url} alt={t('attachments.viewerImageAlt', { name: info.name })} />}
      {view.status === 'pdf' && <PdfPages bytes={view.bytes} name={info.name} />}
      {view.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t(`attachments.errors.${errorKey(view.error)}` as const)}</p>
        </Notice>
      )}
      <Button onClick={onClose}>{t('attachments.close')}</Button>
    </section>
  );
}
