/**
 * Plain-text snippets for search hits: a short excerpt around the first word of the text
 * whose search keys include one of the terms that matched. No markup: the UI shows it as
 * text (no highlight HTML to sanitise). Pure; runs in the search worker.
 */
import { searchTermKeys } from '../../../../../shared/names';

const WORD = /[\p{L}\p{M}\p{Nd}\u0640'’]+/gu;
const RADIUS = 60;

/** Where in `text` the first word matching `terms` is, or -1. */
function firstMatch(text: string, terms: ReadonlySet<string>): { start: number; end: number } | null {
  for (const match of text.matchAll(WORD)) {
    const keys = searchTermKeys(match[0]);
    if (keys?.some((key) => terms.has(key))) return { start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/** Cuts at a space near `index` so words are not split; trims whitespace runs. */
function excerpt(text: string, start: number, end: number): string {
  let from = Math.max(0, start - RADIUS);
  let to = Math.min(text.length, end + RADIUS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}

/**
 * A snippet from the first of `texts` that contains a matching word; else the start of the
 * first non-empty text.
 */
export function snippetOf(texts: readonly string[], terms: readonly string[]): string {
  const wanted = new Set(terms);
  for (const text of texts) {
    const found = firstMatch(text, wanted);
    if (found) return excerpt(text, found.start, found.end);
  }
  const first = texts.find((text) => text.trim() !== '') ?? '';
  return first.length > RADIUS * 2 ? excerpt(first, 0, 0) : first.replace(/\s+/g, ' ').trim();
}
