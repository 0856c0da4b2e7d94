/**
 * Names: normalisation, cross-script phonetic comparison, duplicate suggestion and search
 * keys for the names of people and facilities (DESIGN.md §10). Runs anywhere (shared/).
 *
 * Start with `nameSimilarity` (two names), `suggestDuplicates` / `DuplicateIndex` (records
 * with several names) and `searchKeys` / `searchTermKeys` (full-text search).
 */
export { normaliseArabic, westernDigits, hasArabic } from './arabic';
export { prefoldLatin } from './latin';
export { foldLatin, arabicToLatinKey, consonantSkeleton } from './fold';
export { searchKeys, searchTermKeys, tokenizeForSearch, normaliseForFilter } from './search-keys';
export { nameSimilarity, prepareName, comparePrepared, type NameDomain, type PreparedName } from './similarity';
export { suggestDuplicates, DuplicateIndex, type NamedEntity, type DuplicateSuggestion, type SuggestOptions } from './duplicates';
export { SUGGESTION_THRESHOLD, type NameMatch, type MatchReason, type MismatchReason } from './match-result';
export { parsePersonName, type PersonName, type Kunya } from './person-name';
export { parseFacilityName, type FacilityNameParts } from './facility-name';
export { FACILITY_ALIASES, WORD_EXONYMS, type FacilityAlias, type WordExonym } from './facility-aliases';
export { TOKEN_MATCH } from './phonetic-token';
export { facilityAliasNames } from './facility-match';
export { withoutInvisible } from './tokenize';
