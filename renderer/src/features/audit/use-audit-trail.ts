/**
 * Loads the decrypted audit trail once per mount. Runs on the main thread; the rows live only
 * in this component's state, so locking (which unmounts the screen) drops them.
 */
import { useEffect, useState } from 'react';
import type { AuditTrail } from '../../vault/vault-client';
import { useVaultClient } from '../vault-session/vault-context';

export type AuditTrailState = { status: 'loading' } | { status: 'ready'; trail: AuditTrail } | { status: 'failed' };

/** The trail, or loading / failed. */
export function useAuditTrail(): AuditTrailState {
  const client = useVaultClient();
  const [state, setState] = useState<AuditTrailState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client.auditTrail().then(
      (trail) => {
        if (live) setState({ status: 'ready', trail });
      },
      () => {
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
