/**
 * One interview recording, from microphone to sealed attachment. Runs on the renderer's main
 * thread; deliberately not a React component, so a lock can finish it even while the screen
 * that started it is unmounting.
 *
 * MediaRecorder hands over a small Blob every TIMESLICE_MS; each goes at once, as bytes, into
 * the vault worker's encrypted stream. There is never a Blob of the whole recording and never
 * a plaintext file. The SHA-256 (computed by the worker) covers exactly the recorded bytes.
 *
 * Locking: the vault client calls `sealOnLock` (= `stop()`) before it closes the worker, so a
 * recording in progress is finished, padded, sealed and listed after the next unlock.
 */
import type { AttachmentInfo, AttachmentOwner } from '../../vault/attachment-types';
import type { AttachmentWriterHandle } from '../../vault/client-attachments';
import type { VaultClient } from '../../vault/vault-client';

/** How often MediaRecorder hands over what it has: small pieces, so little is lost in a crash. */
export const TIMESLICE_MS = 1000;
/** Types tried in order; Chromium (Electron and the browser build) records the first. */
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];

/** What a new recording is called and belongs to. */
export interface RecordingRequest {
  readonly owner: AttachmentOwner;
  readonly name: string;
  readonly addedBy?: string;
}

function supportedType(): string {
  return TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}

/** True if this runtime can record audio at all. */
export function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** A running recording. */
export class RecordingSession {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private stopping: Promise<AttachmentInfo> | null = null;
  private startedAt = performance.now();
  private pausedAt: number | null = null;
  private pausedTotal = 0;
  private readonly samples: Float32Array<ArrayBuffer>;

  private constructor(
    private readonly stream: MediaStream,
    private readonly recorder: MediaRecorder,
    private readonly writer: AttachmentWriterHandle,
    private readonly audio: AudioContext | null,
    private readonly analyser: AnalyserNode | null,
  ) {
    this.samples = new Float32Array(analyser?.fftSize ?? 32);
  }

  /** Opens the microphone and starts writing. Rejects if the microphone cannot be opened. */
  static async start(vault: VaultClient, request: RecordingRequest): Promise<RecordingSession> {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    let session: RecordingSession | null = null;
    let writer: AttachmentWriterHandle | null = null;
    try {
      const type = supportedType();
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      writer = await vault.attachments.startWriter(
        {
          name: request.name,
          mediaType: recorder.mimeType || type || 'audio/webm',
          owner: request.owner,
          source: 'recording',
          capturedAt: new Date().toISOString(),
          ...(request.addedBy ? { addedBy: request.addedBy } : {}),
        },
        { sealOnLock: () => session?.stop() ?? Promise.resolve(), stopCapture: () => session?.release() },
      );
      const { audio, analyser } = meter(stream);
      session = new RecordingSession(stream, recorder, writer, audio, analyser);
      recorder.addEventListener('dataavailable', (event) => session?.take(event.data));
      recorder.start(TIMESLICE_MS);
      return session;
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      await writer?.abort().catch(() => undefined);
      throw error;
    }
  }

  /** Queues one piece from MediaRecorder for the worker, in order. */
  private take(data: Blob): void {
    this.chain = this.chain.then(async () => {
      if (this.failure !== null || data.size === 0) return;
      try {
        await this.writer.append(new Uint8Array(await data.arrayBuffer()));
      } catch (error) {
        this.failure = error;
      }
    });
  }

  get state(): 'recording' | 'paused' | 'stopping' {
    if (this.stopping) return 'stopping';
    return this.recorder.state === 'paused' ? 'paused' : 'recording';
  }

  /** Recorded time, pauses excluded. */
  get elapsedMs(): number {
    const now = this.pausedAt ?? performance.now();
    return Math.max(0, now - this.startedAt - this.pausedTotal);
  }

  /** Input level 0..1 (RMS of the latest samples, scaled so speech fills most of the meter). */
  level(): number {
    if (!this.analyser || this.recorder.state !== 'recording') return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 4);
  }

  pause(): void {
    if (this.recorder.state !== 'recording') return;
    this.recorder.pause();
    this.pausedAt = performance.now();
  }

  resume(): void {
    if (this.recorder.state !== 'paused') return;
    this.recorder.resume();
    if (this.pausedAt !== null) this.pausedTotal += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  /** Stops, writes the last piece and seals the attachment. Idempotent. */
  stop(): Promise<AttachmentInfo> {
    this.stopping ??= (async () => {
      const durationMs = Math.round(this.elapsedMs);
      if (this.recorder.state !== 'inactive') {
        const stopped = new Promise((resolve) => this.recorder.addEventListener('stop', resolve, { once: true }));
        this.recorder.stop(); // fires a last dataavailable, then stop
        await stopped;
      }
      this.release();
      await this.chain;
      if (this.failure !== null) {
        await this.writer.abort().catch(() => undefined);
        throw this.failure;
      }
      return this.writer.finish({ durationMs });
    })();
    return this.stopping;
  }

  /** Stops and deletes everything recorded. */
  async discard(): Promise<void> {
    this.failure ??= new Error('discarded');
    await this.stop().catch(() => undefined);
  }

  /** Closes the microphone and the level meter at once. */
  release(): void {
    for (const track of this.stream.getTracks()) track.stop();
    void this.audio?.close().catch(() => undefined);
  }
}

/** An analyser on the microphone for the level meter (none if Web Audio is unavailable). */
function meter(stream: MediaStream): { audio: AudioContext | null; analyser: AnalyserNode | null } {
  if (typeof AudioContext === 'undefined') return { audio: null, analyser: null };
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 1024;
  audio.createMediaStreamSource(stream).connect(analyser);
  return { audio, analyser };
}
