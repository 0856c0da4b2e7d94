/**
 * The alleged perpetrator editor as a screen: a new record (no id) or an existing one. Runs
 * on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { usePerpetrator } from '../records';
import { PerpetratorForm } from './perpetrator-form';

export interface PerpetratorEditorScreenProps {
  id?: Id | undefined;
  focusOnMount?: boolean;
  onDone(id: Id): void;
  onCancel(): void;
  onOpenPerpetrator(id: Id): void;
}

/** Title and form; "not found" when the record is gone (merged or deleted). */
export function PerpetratorEditorScreen({ id, focusOnMount = false, onDone, onCancel, onOpenPerpetrator }: PerpetratorEditorScreenProps) {
  const { t } = useTranslation();
  if (id === undefined) {
    return (
      <Screen title={t('perpetrator.newTitle')} focusOnMount={focusOnMount}>
        <PerpetratorForm onCreated={(created) => onDone(created)} onCancel={onCancel} onOpenPerpetrator={onOpenPerpetrator} />
      </Screen>
    );
  }
  return <EditExisting id={id} focusOnMount={focusOnMount} onDone={onDone} onCancel={onCancel} />;
}

function EditExisting({ id, focusOnMount, onDone, onCancel }: { id: Id; focusOnMount: boolean; onDone(id: Id): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lookup = usePerpetrator(id);
  return (
    <Screen title={t('perpetrator.editTitle')} focusOnMount={focusOnMount}>
      {lookup.status === 'loading' && <p role="status">{t('perpetrator.loading')}</p>}
      {lookup.status === 'missing' && (
        <Notice tone="danger" role="alert">
          <p>{t('perpetrator.notFound')}</p>
        </Notice>
      )}
      {lookup.status === 'found' && <PerpetratorForm key={lookup.value.version} perpetrator={lookup.value} onSaved={onDone} onCancel={onCancel} />}
    </Screen>
  );
}
