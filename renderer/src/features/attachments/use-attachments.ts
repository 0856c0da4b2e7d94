/**
 * The attachments of one owner, and the imports running for it. Runs on the renderer's main
 * thread; everything decrypted lives in this hook's state and goes when the panel unmounts
 * (which the lock does: the unlocked subtree unmounts).
 *
 * Files are imported one after another: each is streamed through the worker in 64 KiB chunks,
 * so several large files never sit in memory together.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachmentDraft, AttachmentInfo, AttachmentOwner } from '../../vault/attachment-types';
import { useVaultClient } from '../vault-session/vault-context';
import { isCancelled } from './attachment-format';

/** One file on its way into the vault. */
export interface ImportItem {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly stored: number;
  readonly status: 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly error?: unknown;
  readonly info?: AttachmentInfo;
}

export type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly attachments: readonly AttachmentInfo[]; readonly unreadable: number };

export interface Attachments {
  readonly list: ListState;
  readonly imports: readonly ImportItem[];
  /** Queues files for import. */
  add(files: readonly File[]): void;
  cancel(key: string): void;
  dismiss(key: string): void;
  reload(): Promise<void>;
}

/** ISO time of a file's last modification, or now (what "captured" means for a file). */
function capturedAt(file: File): string {
  const when = Number.isFinite(file.lastModified) && file.lastModified > 0 ? new Date(file.lastModified) : new Date();
  return when.toISOString();
}

/** Loads and imports the attachments of `owner`; `onChange` hears the ids after every change. */
export function useAttachments(owner: AttachmentOwner, addedBy: string | undefined, onChange?: (ids: readonly string[]) => void): Attachments {
  const vault = useVaultClient();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [imports, setImports] = useState<readonly ImportItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const changed = useRef(onChange);
  changed.current = onChange;
  const { kind, id } = owner;

  const reload = useCallback(async () => {
    try {
      const listing = await vault.attachments.list({ kind, id });
      if (!mounted.current) return;
      setList({ status: 'ready', attachments: listing.attachments, unreadable: listing.unreadable.length });
      changed.current?.(listing.attachments.map((a) => a.id));
    } catch (error) {
      if (mounted.current) setList({ status: 'failed', error });
    }
  }, [vault, kind, id]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    const running = controllers.current;
    return () => {
      mounted.current = false;
      // Leaving the panel cancels what has not been stored yet; nothing half-written stays.
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, [reload]);

  const update = (key: string, change: Partial<ImportItem>) => {
    if (mounted.current) setImports((items) => items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  };

  const run = useCallback(
    async (key: string, file: File) => {
      const controller = controllers.current.get(key);
      if (!controller || controller.signal.aborted) return;
      update(key, { status: 'running' });
      const draft: AttachmentDraft = { name: file.name || 'attachment', mediaType: file.type, owner: { kind, id }, source: 'file', capturedAt: capturedAt(file), ...(addedBy ? { addedBy } : {}) };
      try {
        const info = await vault.attachments.importFile(file, draft, { signal: controller.signal, onProgress: (stored) => update(key, { stored }) });
        update(key, { status: 'done', stored: info.size, info });
        await reload();
      } catch (error) {
        update(key, isCancelled(error) ? { status: 'cancelled' } : { status: 'failed', error });
      } finally {
        controllers.current.delete(key);
      }
    },
    [vault, kind, id, addedBy, reload],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const items = files.map((file) => ({ key: crypto.randomUUID(), file }));
      for (const { key } of items) controllers.current.set(key, new AbortController());
      setImports((current) => [...current, ...items.map(({ key, file }): ImportItem => ({ key, name: file.name, size: file.size, stored: 0, status: 'queued' }))]);
      for (const { key, file } of items) queue.current = queue.current.then(() => run(key, file));
    },
    [run],
  );

  const cancel = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setImports((items) => items.map((item) => (item.key === key && item.status === 'queued' ? { ...item, status: 'cancelled' } : item)));
  }, []);

  const dismiss = useCallback((key: string) => setImports((items) => items.filter((item) => item.key !== key)), []);

  return { list, imports, add, cancel, dismiss, reload };
}
