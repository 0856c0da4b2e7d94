/**
 * Attachments and interview audio (DESIGN.md §5): the panel other features mount, and the
 * pieces it is made of for screens that need only one.
 *
 *   <AttachmentPanel ownerKind="testimony" ownerId={testimony.id} onAttachmentsChange={(ids) => …} />
 *   <AttachmentPanel ownerKind="testimony" ownerId={testimony.id} readOnly />      // sealed testimony
 *   <AttachmentPanel ownerKind="perpetrator" ownerId={perpetrator.id} accept="image/*" />  // photos
 *
 * The data layer is `useVaultClient().attachments` (renderer/src/vault/client-attachments.ts).
 */
export { AttachmentPanel, type AttachmentPanelProps } from './attachment-panel';
export { AttachmentViewer } from './attachment-viewer';
export { AudioPlayer } from './audio-player';
export { AudioRecorder } from './audio-recorder';
export { formatBytes, groupedHash } from './attachment-format';
export { attachmentMessages } from './messages';
