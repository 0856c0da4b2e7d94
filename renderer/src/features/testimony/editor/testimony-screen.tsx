/**
 * The screen of one testimony: loads it from the case file (or starts a new one) and shows
 * the editor. A new testimony gets its reference code at its first save; the screen then
 * keeps showing the same editor (nothing typed is lost to a remount).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { Screen } from '../../../ui/screen';
import { useFullTestimony, useTestimony, type LiveRecord } from '../../records';
import type { Testimony } from '../../../../../shared/domain';
import { RecordOpenersContext } from './editor-context';
import { ProvenancePanel, useProvenance } from '../../import';
import { TestimonyEditor } from './testimony-editor';

export interface TestimonyScreenProps {
  /** The testimony to open; absent for a new one. */
  testimonyId?: string | undefined;
  focusOnMount?: boolean;
  onBack(): void;
  /** Opens a linked facility's or alleged perpetrator's page. */
  onOpenFacility?: ((id: string) => void) | undefined;
  onOpenPerpetrator?: ((id: string) => void) | undefined;
}

/** Title, back to the list, and the editor. */
export function TestimonyScreen({ testimonyId, focusOnMount = false, onBack, onOpenFacility, onOpenPerpetrator }: TestimonyScreenProps) {
  const { t } = useTranslation();
  // The id the editor was opened with; a new testimony's id arrives with its first save.
  const [openedId] = useState(testimonyId);
  const [createdId, setCreatedId] = useState<string | undefined>(undefined);
  // The full record (the case file holds summaries), read once when the editor opens.
  const lookup = useFullTestimony(openedId);
  const current = useTestimony(openedId ?? createdId);
  const reference = current.status === 'found' ? current.value.body.referenceCode : undefined;
  const openers = useMemo(() => ({ openFacility: onOpenFacility, openPerpetrator: onOpenPerpetrator }), [onOpenFacility, onOpenPerpetrator]);
  const title = reference ? t('testimony.editor.title', { code: reference }) : t('testimony.editor.newTitle');
  return (
    <Screen title={title} focusOnMount={focusOnMount}>
      <div className="screen__actions editor-back">
        <Button variant="quiet" onClick={onBack}>
          {t('testimony.editor.back')}
        </Button>
      </div>
      <RecordOpenersContext value={openers}>
        {openedId === undefined ? (
          <TestimonyEditor onCreated={setCreatedId} />
        ) : lookup.status === 'loading' ? (
          <p role="status">{t('testimony.editor.loading')}</p>
        ) : lookup.status === 'missing' ? (
          <Notice tone="danger" role="alert">
            <p>{t('testimony.editor.missing')}</p>
          </Notice>
        ) : (
          <LoadedEditor key={openedId} record={lookup.value} />
        )}
      </RecordOpenersContext>
    </Screen>
  );
}

/** The editor over the version first loaded: later versions are the editor's own saves. */
function LoadedEditor({ record }: { record: LiveRecord<Testimony> }) {
  const { t } = useTranslation();
  const [first] = useState(record);
  // A testimony received in a partner bundle is read-only and shows where it came from.
  const provenance = useProvenance('testimony', first.id);
  if (provenance === undefined) return <p role="status">{t('testimony.editor.loading')}</p>;
  return (
    <>
      {provenance && <ProvenancePanel provenance={provenance} />}
      <TestimonyEditor initial={first} received={provenance !== null} />
    </>
  );
}
