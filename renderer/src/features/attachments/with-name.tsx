/**
 * A translated sentence with a user-given name in it, the name wrapped in <bdi>: an Arabic
 * file name inside an English sentence (or the reverse) then keeps its own direction, and the
 * sentence keeps the word order of its language (the name sits where the message puts it).
 */
import { Fragment, type ReactNode } from 'react';

/** What the message gets instead of the name; split on afterwards. A private-use character. */
export const NAME_MARK = '\uE000';

/** `text` (translated with `name: NAME_MARK`) with every mark replaced by `<bdi>{name}</bdi>`. */
export function withName(text: string, name: string): ReactNode {
  const parts = text.split(NAME_MARK);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && <bdi>{name}</bdi>}
    </Fragment>
  ));
}
