/**
 * Version history of any record, with field-level differences and translated field labels.
 * Mount `<HistoryView kind="testimony" id={id} />` inside the case file (below
 * CaseFileProvider).
 */
export { HistoryView, type HistoryViewProps } from './history-view';
export type { HistoryKind } from './change-value';
