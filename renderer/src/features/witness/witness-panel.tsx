/**
 * The witness screen: the only place a witness's identity is shown. Everywhere else the
 * witness is the pseudonym code. Even here the identifying details stay hidden (and are not
 * even read from the vault) until "Show identifying details"; hiding them unmounts the form,
 * which drops the decrypted record from memory.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Witness } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useCaseCommands, type LiveRecord } from '../records';
import { WitnessCode } from './witness-code';
import { WitnessForm } from './witness-form';

export interface WitnessPanelProps {
  /** The witness to show, or null to create one. */
  witnessId: string | null;
  /** A new witness may be created (false when the testimony is sealed). */
  canCreate: boolean;
  onCreated(id: string): void;
}

type Reveal = { status: 'hidden' } | { status: 'loading' } | { status: 'shown'; record: LiveRecord<Witness> } | { status: 'failed' };

/** Pseudonym, and behind the reveal the identifying details. */
export function WitnessPanel({ witnessId, canCreate, onCreated }: WitnessPanelProps) {
  const { t } = useTranslation();
  const commands = useCaseCommands();
  const [id, setId] = useState(witnessId);
  const [reveal, setReveal] = useState<Reveal>({ status: 'hidden' });
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    if (reveal.status !== 'loading' || id === null) return undefined;
    let live = true;
    commands.readWitness(id).then(
      (record) => live && setReveal({ status: 'shown', record }),
      () => live && setReveal({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [reveal.status, id, commands]);

  if (id === null) {
    if (!canCreate) return <p>{t('witness.none')}</p>;
    return (
      <>
        <Notice>
          <p>{t('witness.newIntro')}</p>
        </Notice>
        <WitnessForm
          onSaved={(record) => {
            setId(record.id);
            setCreated(record.body.pseudonymCode);
            setReveal({ status: 'shown', record });
            onCreated(record.id);
          }}
        />
      </>
    );
  }
  return (
    <div className="witness-panel">
      <p className="witness-panel__code">
        {t('witness.pseudonym')}: <WitnessCode id={id} />
      </p>
      {created && (
        <Notice tone="success" role="status">
          <p>{t('witness.created', { code: created })}</p>
        </Notice>
      )}
      {reveal.status === 'shown' ? (
        <>
          <Button onClick={() => setReveal({ status: 'hidden' })}>{t('witness.hideDetails')}</Button>
          <WitnessForm record={reveal.record} onSaved={(record) => setReveal({ status: 'shown', record })} />
        </>
      ) : (
        <>
          <Notice>
            <p>{t('witness.hiddenNotice')}</p>
          </Notice>
          {reveal.status === 'failed' && (
            <Notice tone="danger" role="alert">
              <p>{t('witness.readFailed')}</p>
            </Notice>
          )}
          <Button variant="primary" disabled={reveal.status === 'loading'} onClick={() => setReveal({ status: 'loading' })}>
            {t('witness.showDetails')}
          </Button>
        </>
      )}
    </div>
  );
}
