/**
 * A PDF opened from decrypted bytes in memory with pdf.js, pages drawn on a canvas. Runs on the
 * renderer's main thread; pdf.js parses in its own worker (bundled by Vite, served from 'self').
 * Loaded on demand (attachment-viewer.tsx imports this module dynamically): pdf.js is large.
 *
 * Why these options (the app's CSP, DESIGN.md §2/§5: no eval, no network, nothing on disk):
 * - `data`: the bytes go to pdf.js's worker as an array (transferred, not copied); no URL, no
 *   Blob, nothing fetched. pdf.js keeps them in memory only.
 * - `isEvalSupported: false`: pdf.js would otherwise compile PDF functions with `new Function`,
 *   which our CSP refuses (no 'unsafe-eval').
 * - `useWasm: false`, and no `cMapUrl`, `standardFontDataUrl`, `iccUrl` or `wasmUrl`: pdf.js
 *   fetches nothing. Non-embedded standard fonts fall back to system fonts; JPEG 2000 images,
 *   ICC colour profiles and predefined CJK CMaps are not supported (pdf.js renders the rest).
 * - `enableXfa: false`, and only the canvas is drawn (no annotation or text layer), so a PDF
 *   cannot add links, forms or scripts to the page: nothing in it can navigate or request.
 * - `verbosity: 0` (errors only): the warnings about the missing font and wasm data are
 *   expected, and would otherwise fill the console.
 * - Our own worker (`?worker`), so closing the document can terminate it: no decrypted page
 *   survives in a worker after the viewer closes or the vault locks.
 */
import { getDocument, PDFWorker, type PDFDocumentLoadingTask, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import PdfJsWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

/** An open PDF. `close` is safe to call more than once. */
export interface PdfDocument {
  readonly pageCount: number;
  /**
   * Draws page `number` (1-based) on `canvas` at `scale` (1 = 72 dpi CSS pixels), sharp on
   * high-density screens. A render still running on the same canvas is cancelled first.
   */
  render(number: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
  close(): Promise<void>;
}

/** pdf.js's error levels: 0 prints errors only. */
const ERRORS_ONLY = 0;

/** Opens `bytes` (taken over: pdf.js moves the array to its worker). */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const port = new PdfJsWorker({ name: 'sijill-pdf' });
  const worker = PDFWorker.create({ port, verbosity: ERRORS_ONLY });
  let task: PDFDocumentLoadingTask | null = null;
  let closed = false;
  const rendering = new WeakMap<HTMLCanvasElement, RenderTask>();
  const close = async () => {
    if (closed) return;
    closed = true;
    await task?.destroy().catch(() => undefined);
    worker.destroy();
    port.terminate();
  };
  let document: PDFDocumentProxy;
  try {
    task = getDocument({
      data: bytes,
      worker,
      isEvalSupported: false,
      useWasm: false,
      useWorkerFetch: false,
      enableXfa: false,
      verbosity: ERRORS_ONLY,
      stopAtErrors: false,
    });
    document = await task.promise;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    pageCount: document.numPages,
    async render(number, canvas, scale) {
      if (closed) throw new Error('the PDF is closed');
      rendering.get(canvas)?.cancel();
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale });
      const density = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.floor(viewport.width * density));
      canvas.height = Math.max(1, Math.floor(viewport.height * density));
      canvas.style.inlineSize = `${Math.floor(viewport.width)}px`;
      canvas.style.blockSize = `${Math.floor(viewport.height)}px`;
      const job = page.render({ canvas, viewport, transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0] });
      rendering.set(canvas, job);
      try {
        await job.promise;
      } finally {
        if (rendering.get(canvas) === job) rendering.delete(canvas);
        page.cleanup();
      }
    },
    close,
  };
}
