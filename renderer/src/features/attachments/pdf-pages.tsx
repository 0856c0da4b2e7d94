/**
 * Pages of a verified PDF, one at a time on a canvas, with previous/next and zoom. Runs on the
 * renderer's main thread; the parsing happens in pdf.js's worker (pdf-document.ts, loaded on
 * demand so the app does not carry pdf.js until a PDF is opened).
 *
 * Lifetime of the decrypted bytes: pdf.js gets its own copy (moved to its worker, so an effect
 * that runs again, as under React's StrictMode, still has the original); the viewer wipes the
 * original when it closes. Closing, or the vault locking, destroys the document, terminates
 * pdf.js's worker and shrinks the canvas to nothing, so no page stays in memory or on screen.
 *
 * Right-to-left: the controls sit in a flex row, so in Arabic "previous" is on the right,
 * where a right-to-left reader starts; the labels are words, not arrows, so none points the
 * wrong way. The page itself is drawn as the PDF lays it out.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useVaultClient } from '../vault-session/vault-context';
import type { PdfDocument } from './pdf-document';

export interface PdfPagesProps {
  /** The verified bytes (not changed here: pdf.js is given a copy). */
  bytes: Uint8Array;
  /** For the canvas's accessible name. */
  name: string;
}

/** Zoom steps (1 = the page at 72 dpi in CSS pixels). */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM = 2;

/** `closed`: the vault locked; nothing of the document is left to show. */
type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly pdf: PdfDocument } | { readonly status: 'failed' } | { readonly status: 'closed' };

/** Empties a canvas: its pixels are a decrypted page. */
function blank(canvas: HTMLCanvasElement | null): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}

/** True if `error` is pdf.js cancelling a render we replaced (a newer page or zoom), not a failure. */
function isRenderCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'RenderingCancelledException';
}

/** The pages of one PDF. */
export function PdfPages({ bytes, name }: PdfPagesProps) {
  const { t } = useTranslation();
  const vault = useVaultClient();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<number>(DEFAULT_ZOOM);
  const [renderFailed, setRenderFailed] = useState(false);

  // Open once per byte array; close on unmount and at lock (the vault state leaves 'unlocked').
  useEffect(() => {
    let pdf: PdfDocument | null = null;
    let closed = false;
    const close = () => {
      closed = true;
      blank(canvas.current);
      void pdf?.close();
      pdf = null;
    };
    const unsubscribe = vault.subscribe(() => {
      if (vault.getState().status !== 'unlocked') {
        close();
        setLoad({ status: 'closed' });
      }
    });
    import('./pdf-document')
      .then(({ openPdf }) => openPdf(bytes.slice()))
      .then(
        (opened) => {
          if (closed) return void opened.close();
          pdf = opened;
          setLoad({ status: 'ready', pdf: opened });
        },
        () => {
          if (!closed) setLoad({ status: 'failed' });
        },
      );
    return () => {
      unsubscribe();
      close();
    };
  }, [vault, bytes]);

  const pdf = load.status === 'ready' ? load.pdf : null;
  const pageCount = pdf?.pageCount ?? 0;
  const scale = ZOOMS[zoom] ?? 1;

  useEffect(() => {
    const target = canvas.current;
    if (!pdf || !target) return;
    let current = true;
    setRenderFailed(false);
    pdf.render(page, target, scale).catch((error: unknown) => {
      if (current && !isRenderCancelled(error)) setRenderFailed(true);
    });
    return () => {
      current = false;
    };
  }, [pdf, page, scale]);

  if (load.status === 'closed') return null;
  if (load.status === 'failed') {
    return (
      <Notice tone="danger" role="alert">
        <p>{t('attachments.pdfFailed')}</p>
      </Notice>
    );
  }
  return (
    <div className="pdf-pages">
      {load.status === 'loading' && <BusyNotice title={t('attachments.pdfOpening')} />}
      {pdf && (
        <div className="pdf-pages__controls" role="toolbar" aria-label={t('attachments.pdfControls')}>
          <Button onClick={() => setPage((n) => Math.max(1, n - 1))} disabled={page <= 1}>
            {t('attachments.pdfPrevious')}
          </Button>
          <p className="pdf-pages__position" role="status" data-testid="pdf-page-position">
            {t('attachments.pdfPosition', { page, total: pageCount })}
          </p>
          <Button onClick={() => setPage((n) => Math.min(pageCount, n + 1))} disabled={page >= pageCount}>
            {t('attachments.pdfNext')}
          </Button>
          <Button onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom <= 0}>
            {t('attachments.pdfZoomOut')}
          </Button>
          <span className="pdf-pages__zoom">{t('attachments.pdfZoom', { percent: Math.round(scale * 100) })}</span>
          <Button onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom >= ZOOMS.length - 1}>
            {t('attachments.pdfZoomIn')}
          </Button>
        </div>
      )}
      {renderFailed && (
        <Notice tone="danger" role="alert">
          <p>{t('attachments.pdfPageFailed')}</p>
        </Notice>
      )}
      <div className="pdf-pages__sheet">
        <canvas ref={canvas} className="pdf-pages__canvas" data-testid="pdf-page-canvas" role="img" aria-label={t('attachments.pdfPageAlt', { name, page })} />
      </div>
    </div>
  );
}
