/**
 * One entry point for comparing names of either domain. Preparing a name (tokenising,
 * phonetic readings, alias resolution) costs far more than comparing two prepared names, so
 * callers comparing many names prepare each once (duplicates.ts does).
 */
import { compareFacilityNames, prepareFacilityName, type FacilityName } from './facility-match';
import type { NameMatch } from './match-result';
import { comparePersonNames } from './person-match';
import { parsePersonName, type PersonName } from './person-name';

/** What is being named: person names and facility names follow different rules. */
export type NameDomain = 'person' | 'facility';

/** A name prepared for comparison in its domain. */
export type PreparedName = { readonly domain: 'person'; readonly name: PersonName } | { readonly domain: 'facility'; readonly name: FacilityName };

/** Prepares one name for repeated comparison. */
export function prepareName(text: string, domain: NameDomain): PreparedName {
  return domain === 'person' ? { domain, name: parsePersonName(text) } : { domain, name: prepareFacilityName(text) };
}

/** Compares two prepared names of the same domain. */
export function comparePrepared(a: PreparedName, b: PreparedName): NameMatch {
  if (a.domain === 'person' && b.domain === 'person') return comparePersonNames(a.name, b.name);
  if (a.domain === 'facility' && b.domain === 'facility') return compareFacilityNames(a.name, b.name);
  throw new TypeError('cannot compare a person name with a facility name');
}

/**
 * How likely two names are to name the same person (default) or facility, with the reason.
 * A score of at least SUGGESTION_THRESHOLD (0.8) is what duplicate suggestion acts on.
 */
export function nameSimilarity(a: string, b: string, domain: NameDomain = 'person'): NameMatch {
  return comparePrepared(prepareName(a, domain), prepareName(b, domain));
}
