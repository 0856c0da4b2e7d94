/**
 * The facility editor as a screen of its own: a new facility (no id, optionally inside a
 * parent) or an existing one. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { useFacility } from '../records';
import { FacilityForm } from './facility-form';

export interface FacilityEditorScreenProps {
  /** The facility to edit; absent for a new one. */
  id?: Id | undefined;
  /** Parent of a new facility. */
  parentId?: Id | undefined;
  focusOnMount?: boolean;
  /** Saved or created: show it. */
  onDone(id: Id): void;
  onCancel(): void;
  onOpenFacility(id: Id): void;
}

/** Title and form; "not found" when the facility is gone (merged or deleted). */
export function FacilityEditorScreen({ id, parentId, focusOnMount = false, onDone, onCancel, onOpenFacility }: FacilityEditorScreenProps) {
  const { t } = useTranslation();
  if (id === undefined) {
    return (
      <Screen title={t('facility.newTitle')} focusOnMount={focusOnMount}>
        <FacilityForm initialParentId={parentId} onCreated={(created) => onDone(created)} onCancel={onCancel} onOpenFacility={onOpenFacility} />
      </Screen>
    );
  }
  return <EditExisting id={id} focusOnMount={focusOnMount} onDone={onDone} onCancel={onCancel} />;
}

function EditExisting({ id, focusOnMount, onDone, onCancel }: { id: Id; focusOnMount: boolean; onDone(id: Id): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lookup = useFacility(id);
  return (
    <Screen title={t('facility.editTitle')} focusOnMount={focusOnMount}>
      {lookup.status === 'loading' && <p role="status">{t('facility.loading')}</p>}
      {lookup.status === 'missing' && (
        <Notice tone="danger" role="alert">
          <p>{t('facility.notFound')}</p>
        </Notice>
      )}
      {lookup.status === 'found' && (
        // Keyed by version: a save elsewhere (a merge) reloads the form instead of overwriting it.
        <FacilityForm key={lookup.value.version} facility={lookup.value} onSaved={onDone} onCancel={onCancel} />
      )}
    </Screen>
  );
}
