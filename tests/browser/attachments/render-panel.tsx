/**
 * Renders the attachment panel over the REAL vault (real worker, real IndexedDB) with the
 * app's providers, and records which object URLs the vault revoked.
 */
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { AttachmentPanel, type AttachmentPanelProps } from '../../../renderer/src/features/attachments';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../renderer/src/i18n/languages';
import type { AttachmentOwner } from '../../../renderer/src/vault/attachment-types';
import { createFakePlatform } from '../../fakes/fake-platform';
import { makeUnlockedVault, type Harness, type HarnessOptions } from '../vault/support/vault-harness';
import { newOwner } from './support';

export interface RenderedPanel {
  readonly screen: Awaited<ReturnType<typeof render>>;
  readonly harness: Harness;
  readonly owner: AttachmentOwner;
  /** Object URLs the vault revoked so far. */
  readonly revoked: string[];
}

/** An unlocked real vault and the panel of a new owner on it. */
export async function renderPanel(
  options: { language?: Language; props?: Partial<AttachmentPanelProps>; harness?: HarnessOptions; seed?: (harness: Harness, owner: AttachmentOwner) => Promise<void> } = {},
): Promise<RenderedPanel> {
  const revoked: string[] = [];
  const harness = await makeUnlockedVault({
    ...options.harness,
    revokeUrl: (url) => {
      revoked.push(url);
      URL.revokeObjectURL(url);
    },
  });
  const owner = newOwner(options.props?.ownerKind ?? 'testimony');
  await options.seed?.(harness, owner);
  const screen = await render(
    <AppProviders platform={createFakePlatform()} vault={harness.client} i18n={createI18n(options.language ?? 'en')}>
      <AttachmentPanel ownerKind={owner.kind} ownerId={owner.id} {...options.props} />
    </AppProviders>,
  );
  return { screen, harness, owner, revoked };
}

/** The panel's file input. */
export function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

/** Gives `files` to the input as the picker would (and fires its change event). */
export function pick(files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const input = fileInput();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Drops `files` on the drop zone, with the drag events a browser sends. */
export function drop(files: File[]): void {
  const zone = document.querySelector('[data-testid="attach-drop-zone"]');
  if (!zone) throw new Error('no drop zone');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
}

/** A small PNG made in the page (a red square). */
export async function pngFile(name: string): Promise<File> {
  const canvas = new OffscreenCanvas(8, 8);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.fillStyle = '#c00';
  context.fillRect(0, 0, 8, 8);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}
