/**
 * Where a received record came from (`null` for a local record; `undefined` while loading).
 * Runs on the main thread; the provenance is read from the vault, where it is kept encrypted.
 */
import { useEffect, useState } from 'react';
import type { Id } from '../../../../shared/domain/ids';
import type { Provenance } from '../../vault/import-types';
import { useVaultClient } from '../vault-session/vault-context';

/** The provenance of each received version of record `id` of `type`, oldest first. */
export function useProvenance(type: string, id: Id | undefined): readonly Provenance[] | null | undefined {
  const client = useVaultClient();
  const [found, setFound] = useState<{ id: Id; value: readonly Provenance[] | null } | null>(null);
  useEffect(() => {
    if (id === undefined || !client.imports) return undefined;
    let live = true;
    client.imports.provenance(type, id).then(
      (value) => live && setFound({ id, value }),
      () => live && setFound({ id, value: null }),
    );
    return () => {
      live = false;
    };
  }, [client, type, id]);
  if (id === undefined || !client.imports) return null;
  return found?.id === id ? found.value : undefined;
}
