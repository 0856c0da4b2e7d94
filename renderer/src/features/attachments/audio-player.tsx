/**
 * Plays an audio attachment: recordings (WebM/Opus) stream through MediaSource as they are
 * decrypted; other audio formats are read whole into memory, verified, and played from a Blob
 * (up to PREVIEW_CAP_BYTES; see read-verified.ts). A refused stream stops playback and says why.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { AttachmentInfo } from '../../vault/attachment-types';
import { useVaultClient } from '../vault-session/vault-context';
import { errorKey } from './attachment-format';
import { PREVIEW_CAP_BYTES, readVerified, wipeParts } from './read-verified';
import { streamableType, streamAudio } from './stream-audio';
import { NAME_MARK, withName } from './with-name';

export interface AudioPlayerProps {
  info: AttachmentInfo;
  onClose(): void;
}

type PlayerState = { readonly status: 'loading' | 'ready' } | { readonly status: 'unsupported' } | { readonly status: 'failed'; readonly error: unknown };

/** The player of one audio attachment. */
export function AudioPlayer({ info, onClose }: AudioPlayerProps) {
  const { t } = useTranslation();
  const vault = useVaultClient();
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<PlayerState>({ status: 'loading' });
  // The list hands out new objects on every reload: restart only for another attachment.
  const current = useRef(info);
  current.current = info;
  const { id } = info;

  useEffect(() => {
    const target = current.current;
    const element = audio.current;
    if (!element) return;
    const type = streamableType(target);
    if (type) {
      const stream = streamAudio(vault.attachments, target, element, type);
      setState({ status: 'ready' });
      stream.finished.catch((error: unknown) => setState({ status: 'failed', error }));
      return () => stream.stop();
    }
    if (target.size > PREVIEW_CAP_BYTES) {
      setState({ status: 'unsupported' });
      return;
    }
    const controller = new AbortController();
    let url: string | null = null;
    readVerified(vault.attachments, target.id, controller.signal).then(
      (parts) => {
        if (controller.signal.aborted) return wipeParts(parts);
        url = vault.attachments.trackUrl(URL.createObjectURL(new Blob(parts, { type: target.mediaType })));
        wipeParts(parts);
        element.src = url;
        setState({ status: 'ready' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => {
      controller.abort();
      element.pause();
      element.removeAttribute('src');
      if (url) vault.attachments.releaseUrl(url);
    };
  }, [vault, id]);

  return (
    <section className="audio-player" aria-label={t('attachments.playerTitle', { name: info.name })}>
      <p className="audio-player__title">{withName(t('attachments.playerTitle', { name: NAME_MARK }), info.name)}</p>
      <audio ref={audio} controls preload="auto" className="audio-player__audio" data-testid="attachment-audio" />
      {state.status === 'loading' && <p role="status">{t('attachments.playerLoading')}</p>}
      {state.status === 'unsupported' && <Notice>{t('attachments.playerUnsupported')}</Notice>}
      {state.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t(`attachments.errors.${errorKey(state.error)}` as const)}</p>
        </Notice>
      )}
      <Button onClick={onClose}>{t('attachments.close')}</Button>
    </section>
  );
}
