import { describe, expect, it } from 'vitest';
import { ar } from '../../../renderer/src/i18n/ar';
import { en } from '../../../renderer/src/i18n/en';

type Tree = { readonly [key: string]: string | Tree };

/** Every message as [dotted key, text]. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

describe('message resources', () => {
  const english = new Map(flatten(en));
  const arabic = new Map(flatten(ar));

  it('has exactly the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(40);
  });

  it('has no empty or blank message', () => {
    const blank = [...english, ...arabic].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(arabic.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it('translates every Arabic message (each contains Arabic letters)', () => {
    const untranslated = [...arabic].filter(([, text]) => !/[\u0600-\u06ff]/u.test(text)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('keeps bidi control characters out of messages (layout comes from dir and <bdi>)', () => {
    const withControls = [...english, ...arabic].filter(([, text]) => /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(text)).map(([key]) => key);
    expect(withControls).toEqual([]);
  });
});
