/**
 * Alleged perpetrators: the editor (also embeddable for inline creation) and the list.
 * "Alleged" throughout: records hold what sources say, never a finding.
 *
 * Inline creation inside another form (the testimony editor):
 *
 *   <PerpetratorForm compact initialNames={[typed]} defaultSource={{ note: 'Testimony T-2026-0042' }}
 *     onCreated={(id) => link(id)} onCancel={close} />
 *
 * Compact mode renders no <form> element and shows names (each with its source), status and
 * description; ranks and positions are added later from the full editor.
 */
export { PerpetratorForm, type PerpetratorFormProps } from './perpetrator-form';
export { PerpetratorEditorScreen, type PerpetratorEditorScreenProps } from './perpetrator-editor-screen';
export { PerpetratorsScreen, type PerpetratorsScreenProps } from './perpetrators-screen';
