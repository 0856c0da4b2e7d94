/** The export wizard: partner bundles written by the vault worker (DESIGN.md §6–7). */
export { ExportWizard, type ExportWizardProps } from './export-wizard';
export { bundleFileName } from './use-export-run';
