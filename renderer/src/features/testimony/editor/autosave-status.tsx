/**
 * The line that says whether the testimony is saved: "Saved at 10:42", "Saving…", or, when a
 * save failed, what happened and that the text is still here. Reads the autosave controller
 * directly, so only this line re-renders when the state changes.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/format';
import { Button } from '../../../ui/button';
import type { AutosaveController } from './autosave';

export interface AutosaveStatusProps {
  controller: AutosaveController<unknown>;
  /** False outside drafts: changes then wait for "Save". */
  automatic: boolean;
  /** Marks every field that needs attention and moves to the first. */
  onShowProblems(): void;
  /** After a conflict: save what is on screen on top of the version saved meanwhile. */
  onOverwrite(actualVersion: number): void;
}

/** The save state, announced politely; failures as alerts with a way forward. */
export function AutosaveStatus({ controller, automatic, onShowProblems, onOverwrite }: AutosaveStatusProps) {
  const { t, i18n } = useTranslation();
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const time = (at: Date) => new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  switch (state.phase) {
    case 'clean':
      return <p role="status" className="autosave autosave--quiet" data-phase="clean" />;
    case 'pending':
      return (
        <p role="status" className="autosave" data-phase="pending">
          {automatic ? t('testimony.autosave.pending') : t('testimony.autosave.unsaved')}
        </p>
      );
    case 'saving':
      return (
        <p role="status" className="autosave" data-phase="saving">
          {t('testimony.autosave.saving')}
        </p>
      );
    case 'saved':
      return (
        <p role="status" className="autosave autosave--ok" data-phase="saved">
          {state.heldBack > 0 ? t('testimony.autosave.savedHeldBack', { time: time(state.at), count: state.heldBack }) : t('testimony.autosave.saved', { time: time(state.at) })}
        </p>
      );
    case 'invalid':
      return (
        <div role="alert" className="autosave autosave--problem" data-phase="invalid">
          <p>{t('testimony.autosave.invalid')}</p>
          <Button onClick={onShowProblems}>{t('testimony.autosave.showProblems')}</Button>
        </div>
      );
    case 'storage-full':
      return (
        <div role="alert" className="autosave autosave--problem" data-phase="storage-full">
          <p>{t('testimony.autosave.storageFull')}</p>
          <Button onClick={() => void controller.saveNow()}>{t('testimony.autosave.retry')}</Button>
        </div>
      );
    case 'conflict':
      return (
        <div role="alert" className="autosave autosave--problem" data-phase="conflict">
          <p>{t('testimony.autosave.conflict')}</p>
          <Button onClick={() => onOverwrite(state.actualVersion)}>{t('testimony.autosave.overwrite')}</Button>
        </div>
      );
    case 'failed':
      return (
        <div role="alert" className="autosave autosave--problem" data-phase="failed">
          <p>{t('testimony.autosave.failed')}</p>
          <Button onClick={() => void controller.saveNow()}>{t('testimony.autosave.retry')}</Button>
        </div>
      );
  }
}
