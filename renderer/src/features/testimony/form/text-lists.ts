/**
 * Lists typed as text: interviewers one per line, tags separated by commas. Pure.
 *
 * Typing "Documenter D-07" on one line and "Interpreter I-02" on the next is quicker and more
 * keyboard-friendly than adding rows with buttons; the record still stores a list, so each
 * entry is checked on its own (a bidi character in the second name is reported for the list).
 */

/** Non-empty lines, trimmed. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r\n?|\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A list as lines. */
export function listToLines(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n');
}

/** Tags separated by Latin or Arabic commas or new lines, trimmed, without repeats. */
export function tagsFromText(text: string): string[] {
  const tags = text
    .split(/[,،\n]/u)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Tags as text. */
export function tagsToText(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Undefined for blank text, else the text as typed (the schema normalises and checks it). */
export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Copies `value` to `target[key]` unless it is undefined (a record has no empty optionals). */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
