/**
 * The screens opened over the testimony editor: the witness (identity behind a reveal) and the
 * consent record. What they create is linked to the testimony at once (and autosaved).
 */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ConsentPanel } from '../../consent/consent-panel';
import { WitnessPanel } from '../../witness/witness-panel';
import { CaseDialog } from './case-dialog';
import type { TestimonyValues } from './testimony-values';

/** Which panel to open: an existing record, or a new one (null). */
export type PanelRequest = { readonly kind: 'witness'; readonly id: string | null } | { readonly kind: 'consent'; readonly id: string | null };

export interface EditorPanelsProps {
  request: PanelRequest;
  /** The testimony is sealed: links cannot change (the records themselves still can). */
  readOnly: boolean;
  onClose(): void;
}

/** The open panel in a dialog. */
export function EditorPanels({ request, readOnly, onClose }: EditorPanelsProps) {
  const { t } = useTranslation();
  const { setValue, getValues } = useFormContext<TestimonyValues>();
  const link = (field: 'witnessId' | 'consentId', id: string) => setValue(field, id, { shouldDirty: true });
  if (request.kind === 'witness') {
    return (
      <CaseDialog title={t('witness.title')} onClose={onClose}>
        <WitnessPanel witnessId={request.id} canCreate={!readOnly} onCreated={(id) => link('witnessId', id)} />
      </CaseDialog>
    );
  }
  const witnessId = getValues('witnessId');
  return (
    <CaseDialog title={t('consent.title')} onClose={onClose}>
      <ConsentPanel consentId={request.id} witnessId={witnessId === '' ? undefined : witnessId} canCreate={!readOnly} onCreated={(id) => link('consentId', id)} />
    </CaseDialog>
  );
}
