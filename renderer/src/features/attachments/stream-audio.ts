/**
 * Progressive playback of an attachment through MediaSource: pieces are decrypted by the vault
 * worker and appended to a SourceBuffer as they arrive, so a long interview starts at once and
 * never exists as a whole file, in memory or on disk (MSE buffers live in memory and are
 * evicted behind the play head). Runs on the renderer's main thread.
 *
 * A refused stream stops playback at once and reports the error; what was already played had
 * authenticated chunk by chunk, but nothing more is appended.
 */
import type { AttachmentRepository } from '../../vault/client-attachments';
import type { AttachmentInfo } from '../../vault/attachment-types';

/** The MediaSource type of recordings made in the app (MediaRecorder's WebM with Opus). */
export const RECORDING_MSE_TYPE = 'audio/webm;codecs=opus';
/** Decrypted bytes asked for per read. */
const PIECE_BYTES = 256 * 1024;
/** Seconds kept behind the play head when the buffer is full. */
const KEEP_BEHIND_S = 10;

/** The MediaSource type to use for `info`, or null if it cannot stream. */
export function streamableType(info: AttachmentInfo): string | null {
  const type = info.mediaType.toLowerCase().replace(/\s+/g, '');
  const candidate = type.startsWith('audio/webm') ? (type.includes('codecs=') ? type : RECORDING_MSE_TYPE) : type === 'audio/mpeg' ? 'audio/mpeg' : null;
  return candidate && typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(candidate) ? candidate : null;
}

function once(target: EventTarget, name: string): Promise<void> {
  return new Promise((resolve) => target.addEventListener(name, () => resolve(), { once: true }));
}

/** A running playback; `stop()` ends it (closing the reader and revoking the URL). */
export interface AudioStream {
  /** Settles when every piece was appended (resolves) or the stream was refused (rejects). */
  readonly finished: Promise<void>;
  stop(): void;
}

/** Streams attachment `info` into `audio` through MediaSource. */
export function streamAudio(attachments: AttachmentRepository, info: AttachmentInfo, audio: HTMLAudioElement, type: string): AudioStream {
  const source = new MediaSource();
  const url = attachments.trackUrl(URL.createObjectURL(source));
  let stopped = false;
  let closeReader: (() => Promise<void>) | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    void closeReader?.();
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
    attachments.releaseUrl(url);
  };

  async function append(buffer: SourceBuffer, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    for (;;) {
      try {
        buffer.appendBuffer(bytes);
        await once(buffer, 'updateend');
        return;
      } catch (error) {
        if (!(error instanceof DOMException) || error.name !== 'QuotaExceededError') throw error;
        // Full: drop what was played long ago, or wait for the play head to move on.
        const behind = audio.currentTime - KEEP_BEHIND_S;
        if (behind > 0 && buffer.buffered.length > 0 && buffer.buffered.start(0) < behind) {
          buffer.remove(0, behind);
          await once(buffer, 'updateend');
        } else {
          await once(audio, 'timeupdate');
        }
        if (stopped) return;
      }
    }
  }

  const finished = (async () => {
    audio.src = url;
    await once(source, 'sourceopen');
    const buffer = source.addSourceBuffer(type);
    const reader = await attachments.open(info.id);
    closeReader = () => reader.close();
    try {
      for (;;) {
        if (stopped) return;
        const piece = await reader.read(PIECE_BYTES);
        if (piece.bytes.length > 0) await append(buffer, piece.bytes as Uint8Array<ArrayBuffer>);
        if (piece.done) break;
      }
      if (!stopped && source.readyState === 'open') source.endOfStream();
    } catch (error) {
      stop();
      throw error;
    } finally {
      await reader.close(); // a no-op once the read finished; frees the worker's reader otherwise
    }
  })();
  finished.catch(() => undefined); // the caller awaits it; an early stop must not be unhandled
  return { finished, stop };
}
