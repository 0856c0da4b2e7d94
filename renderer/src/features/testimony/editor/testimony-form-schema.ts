/**
 * Validation of the editor's values with the shared/domain testimony schema, for
 * react-hook-form (zodResolver) and for autosave. Pure; runs anywhere.
 *
 * A testimony not yet created has no id and no reference code (the data layer allocates
 * both): placeholders that no record ever gets stand in while validating, and are dropped
 * before `createTestimony`.
 */
import { z } from 'zod';
import { testimonySchema, type Testimony } from '../../../../../shared/domain';
import { FIELD_ERROR_MAP } from '../../facility/form-kit/field-errors';
import type { TestimonyInput } from '../../records';
import { testimonyBody, type TestimonyFrame, type TestimonyValues } from './testimony-values';

/** Placeholder id of an unsaved testimony (all zero bytes: never a real record's id). */
export const UNSAVED_TESTIMONY_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
/** Placeholder reference code of an unsaved testimony. */
export const UNSAVED_REFERENCE = 'T-2000-0000';

/** `frame` with placeholders where the unsaved testimony has no id or reference code yet. */
export function validationFrame(frame: TestimonyFrame): TestimonyFrame {
  return { ...frame, id: frame.id ?? UNSAVED_TESTIMONY_ID, referenceCode: frame.referenceCode ?? UNSAVED_REFERENCE };
}

/** Values → body → shared/domain testimony schema, for zodResolver. */
export function testimonyFormSchema(frame: TestimonyFrame) {
  const full = validationFrame(frame);
  return z
    .custom<TestimonyValues>()
    .transform((values) => testimonyBody(values, full))
    .pipe(testimonySchema);
}

/** The parse options every testimony validation uses: coded, translatable messages. */
export const PARSE_OPTIONS = { error: FIELD_ERROR_MAP } as const;

/** What a new testimony is created from: the body without its placeholders. */
export function toTestimonyInput(testimony: Testimony): TestimonyInput {
  const { id: _id, referenceCode: _code, amendment: _amendment, ...input } = testimony;
  return input;
}

/** The lists whose incomplete items autosave may leave for later. */
const ITEM_LISTS = ['sessions', 'detentionEpisodes', 'allegations', 'translations'] as const;
type ItemList = (typeof ITEM_LISTS)[number];

/** Result of preparing a draft for autosave. */
export type DraftCheck =
  | { readonly ok: true; readonly testimony: Testimony; readonly heldBack: number }
  | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[] };

/**
 * The draft to autosave: the whole testimony if it is valid; otherwise, when the only problems
 * are inside list items (an allegation whose acts are not chosen yet, an episode without its
 * facility), the testimony without those items, and how many were held back. Everything saved
 * is valid, every item is saved whole or not at all, and the held-back items stay in the form
 * (saved as soon as they are complete). A problem outside an item (the narrative is too long)
 * means nothing is saved.
 */
export function checkDraft(values: TestimonyValues, frame: TestimonyFrame): DraftCheck {
  const body = testimonyBody(values, validationFrame(frame));
  const first = testimonySchema.safeParse(body, PARSE_OPTIONS);
  if (first.success) return { ok: true, testimony: first.data, heldBack: 0 };
  const incomplete = new Map<ItemList, Set<number>>();
  for (const issue of first.error.issues) {
    const [list, index] = issue.path;
    if (!ITEM_LISTS.includes(list as ItemList) || typeof index !== 'number') return { ok: false, issues: first.error.issues };
    const set = incomplete.get(list as ItemList) ?? new Set<number>();
    set.add(index);
    incomplete.set(list as ItemList, set);
  }
  const trimmed: Record<string, unknown> = { ...body };
  let heldBack = 0;
  for (const [list, indices] of incomplete) {
    const items = body[list] as unknown[];
    trimmed[list] = items.filter((_, index) => !indices.has(index));
    heldBack += indices.size;
  }
  const second = testimonySchema.safeParse(trimmed, PARSE_OPTIONS);
  return second.success ? { ok: true, testimony: second.data, heldBack } : { ok: false, issues: second.error.issues };
}
