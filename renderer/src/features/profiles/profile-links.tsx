/**
 * Links between profiles and to testimonies, by name or reference code. Runs on the main
 * thread. A link to a record that no longer exists shows a plain "—" instead of a dead link.
 */
import type { Id } from '../../../../shared/domain';
import { NameText } from '../facility/form-kit/name-text';
import { RecordLink } from '../facility/form-kit/record-link';
import type { RecordNames } from './use-record-names';

/** Where the links go. */
export interface ProfileNavigation {
  onOpenTestimony(id: Id): void;
  onOpenFacility(id: Id): void;
  onOpenPerpetrator(id: Id): void;
}

/** A testimony by reference code (never by witness name). */
export function TestimonyLink({ id, code, nav }: { id: Id; code: string | undefined; nav: ProfileNavigation }) {
  if (code === undefined) return <span>—</span>;
  return (
    <RecordLink onOpen={() => nav.onOpenTestimony(id)}>
      <bdi dir="ltr">{code}</bdi>
    </RecordLink>
  );
}

/** A facility by its display name. */
export function FacilityLink({ id, names, nav }: { id: Id; names: RecordNames; nav: ProfileNavigation }) {
  const name = names.facility(id);
  if (name === undefined) return <span>—</span>;
  return (
    <RecordLink onOpen={() => nav.onOpenFacility(id)}>
      <NameText text={name} />
    </RecordLink>
  );
}

/** An alleged perpetrator by display name. */
export function PerpetratorLink({ id, names, nav }: { id: Id; names: RecordNames; nav: ProfileNavigation }) {
  const name = names.perpetrator(id);
  if (name === undefined) return <span>—</span>;
  return (
    <RecordLink onOpen={() => nav.onOpenPerpetrator(id)}>
      <NameText text={name} />
    </RecordLink>
  );
}
