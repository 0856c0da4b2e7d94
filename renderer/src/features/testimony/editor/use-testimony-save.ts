/**
 * Saving from the testimony editor: the first save creates the record (the data layer gives
 * it its id and reference code), every later one is a new version on top of the version the
 * editor last saw. Status changes, explicit saves and amendments go through here too. Runs on
 * the main thread.
 *
 * The editor re-renders only when what it shows changes (id, reference code, status): a
 * version number moving on every autosave stays in a ref.
 */
import { useCallback, useRef, useState } from 'react';
import type { Testimony, TestimonyStatus } from '../../../../../shared/domain';
import { useCaseCommands, type LiveRecord } from '../../records';
import { toTestimonyInput } from './testimony-form-schema';
import type { TestimonyFrame } from './testimony-values';

/** What the editor shows of the saved record. */
export interface SavedIdentity {
  readonly id?: string | undefined;
  readonly referenceCode?: string | undefined;
  readonly status: TestimonyStatus;
  readonly amendment?: Testimony['amendment'];
}

const identityOf = (record: LiveRecord<Testimony> | null): SavedIdentity =>
  record ? { id: record.id, referenceCode: record.body.referenceCode, status: record.body.status, amendment: record.body.amendment } : { status: 'draft' };

const sameIdentity = (a: SavedIdentity, b: SavedIdentity) => a.id === b.id && a.referenceCode === b.referenceCode && a.status === b.status && a.amendment === b.amendment;

/** The saved record behind the editor, and the ways to write a new version of it. */
export function useTestimonySave(initial: LiveRecord<Testimony> | null, onCreated?: (id: string) => void) {
  const commands = useCaseCommands();
  const record = useRef<LiveRecord<Testimony> | null>(initial);
  const [identity, setIdentity] = useState<SavedIdentity>(() => identityOf(initial));

  const adopt = useCallback(
    (saved: LiveRecord<Testimony>) => {
      const created = record.current === null;
      record.current = saved;
      const next = identityOf(saved);
      setIdentity((previous) => (sameIdentity(previous, next) ? previous : next));
      if (created) onCreated?.(saved.id);
    },
    [onCreated],
  );

  /** The frame of the next version: what the editor does not edit, carried over. */
  const frame = useCallback((status?: TestimonyStatus): TestimonyFrame => {
    const current = record.current?.body;
    if (!current) return { status: status ?? 'draft' };
    return {
      id: current.id,
      referenceCode: current.referenceCode,
      status: status ?? current.status,
      ...(current.amendment ? { amendment: current.amendment } : {}),
    };
  }, []);

  /** Saves `testimony` (validated, with the frame's id and code) as the next version, or creates it. */
  const save = useCallback(
    async (testimony: Testimony) => {
      const current = record.current;
      adopt(current ? await commands.updateTestimony(testimony, current.version) : await commands.createTestimony(toTestimonyInput(testimony)));
    },
    [adopt, commands],
  );

  /** Saves over a newer version someone else wrote (after a conflict), on top of `latestVersion`. */
  const overwrite = useCallback(
    async (testimony: Testimony, latestVersion: number) => {
      adopt(await commands.updateTestimony(testimony, latestVersion));
    },
    [adopt, commands],
  );

  /** Amends the sealed testimony: a new sealed version that says why. */
  const amend = useCallback(
    async (testimony: Testimony, reason: string) => {
      const current = record.current;
      if (!current) return;
      adopt(await commands.amendTestimony(testimony, reason, current.version));
    },
    [adopt, commands],
  );

  return { identity, frame, save, overwrite, amend, record };
}
