/**
 * Which of a facility's or person's many names to show first in a given UI language. Pure.
 */
import type { Lang } from '../../../../shared/domain';

interface NameLike {
  readonly text: string;
  readonly lang?: string | undefined;
  readonly kind: string;
}

const PREFERRED_KINDS = ['official', 'full_name', 'common', 'kunya', 'transliteration', 'nickname', 'alias', 'former'];

function inScript(name: NameLike, lang: Lang): boolean {
  const tag = name.lang ?? '';
  const arabicScript = tag === 'ar' || (tag.startsWith('ar-') && !tag.includes('-Latn'));
  if (lang === 'ar') return arabicScript || (tag === '' && /\p{Script=Arabic}/u.test(name.text));
  return !arabicScript && !/\p{Script=Arabic}/u.test(name.text);
}

function kindRank(kind: string): number {
  const index = PREFERRED_KINDS.indexOf(kind);
  return index < 0 ? PREFERRED_KINDS.length : index;
}

/**
 * The name to show first for `lang`: one written in that language's script if any, of the
 * most telling kind (official or full name before nicknames); else the first name. The text
 * is user data: render it inside `<bdi>`.
 */
export function displayName(names: readonly NameLike[], lang: Lang): string {
  let best: NameLike | undefined;
  for (const name of names) {
    if (!inScript(name, lang)) continue;
    if (!best || kindRank(name.kind) < kindRank(best.kind)) best = name;
  }
  return (best ?? names[0])?.text ?? '';
}
