/**
 * Profile hooks: the perpetrator and facility pages. Runs on the renderer's main thread;
 * memoised per case data, computed from the store's indexes (profiles.ts).
 */
import { useMemo } from 'react';
import type { Id } from '../../vault/vault-client';
import { facilityProfile, perpetratorProfile } from './profiles';
import type { FacilityProfile, Lookup, PerpetratorProfile } from './types';
import { useCaseSnapshot } from './use-case-file';

/** Everything alleged about one person. */
export function usePerpetratorProfile(id: Id | undefined): Lookup<PerpetratorProfile> {
  const { data, status } = useCaseSnapshot();
  return useMemo(() => {
    if (!data) return { status: status === 'loading' ? 'loading' : 'missing' };
    const profile = id === undefined ? null : perpetratorProfile(data, id);
    return profile ? { status: 'found', value: profile } : { status: 'missing' };
  }, [data, status, id]);
}

/** Everything recorded at one facility and its parts. */
export function useFacilityProfile(id: Id | undefined): Lookup<FacilityProfile> {
  const { data, status } = useCaseSnapshot();
  return useMemo(() => {
    if (!data) return { status: status === 'loading' ? 'loading' : 'missing' };
    const profile = id === undefined ? null : facilityProfile(data, id);
    return profile ? { status: 'found', value: profile } : { status: 'missing' };
  }, [data, status, id]);
}
