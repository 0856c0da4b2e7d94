/**
 * Search: the Search screen (search as you type, grouped results) and the provider that keeps
 * the query while the vault is open.
 */
export { SearchScreen, type SearchScreenProps } from './search-screen';
export { SearchQueryProvider, useSearchQuery } from './search-query';
