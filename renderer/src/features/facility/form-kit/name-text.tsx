/**
 * A name (of a facility, an alleged perpetrator, a witness pseudonym) shown inside running
 * text. Runs on the main thread.
 *
 * `<bdi>` isolates it, so an Arabic name in an English line (or the reverse) never reorders
 * the words around it. Bidirectional control characters are refused when a name is saved, but
 * a record imported from elsewhere may still carry one: it is shown as a visible marker
 * instead of being obeyed, so a name can never flip the text that says who is accused of what.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** The text with every bidi control replaced by a visible U+FFFD. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '\uFFFD');
}

/** A user-supplied name, isolated and neutralised. */
export function NameText({ text, className }: { text: string; className?: string }) {
  return <bdi className={className}>{neutraliseBidi(text)}</bdi>;
}
