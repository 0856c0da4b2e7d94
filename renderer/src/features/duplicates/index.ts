/**
 * Duplicates: the review screen (suggested pairs, merge into a survivor, "not the same",
 * recent merges with Undo) and the provider that keeps dismissals while the vault is open.
 */
export { DuplicatesScreen, type DuplicatesScreenProps } from './duplicates-screen';
export { DismissedPairsProvider } from './dismissed-pairs';
