/** Importing partner bundles (DESIGN.md §6): the import screen and the provenance of received records. */
export { ImportScreen } from './import-screen';
export { ProvenancePanel } from './provenance-panel';
export { useProvenance } from './use-provenance';
