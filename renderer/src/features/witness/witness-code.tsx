/**
 * A witness as everyone outside the witness screen sees them: by pseudonym code only
 * (DESIGN.md §4). Read from the case file's pseudonym list, which holds nothing else of a
 * witness, so showing a code never decrypts a name.
 */
import { useTranslation } from 'react-i18next';
import { NameText } from '../facility';
import { useWitnesses } from '../records';

/** The pseudonym code of witness `id` ("W-0042"), or a note that the record is missing. */
export function WitnessCode({ id }: { id: string }) {
  const { t } = useTranslation();
  const list = useWitnesses();
  if (list.status === 'loading') return <span className="witness-code">…</span>;
  const witness = list.items.find((item) => item.id === id);
  if (!witness) return <span className="witness-code witness-code--missing">{t('witness.missing')}</span>;
  return (
    <span className="witness-code" data-witness-code="">
      <NameText text={witness.pseudonymCode} />
    </span>
  );
}
