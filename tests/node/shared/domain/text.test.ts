import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageTagSchema, longText, nameText, shortText } from '../../../../shared/domain/text';

const name = nameText(20);
const short = shortText(20);
const long = longText(40);

describe('string fields', () => {
  it('are NFC-normalised on parse, so decomposed input is stored precomposed', () => {
    const decomposed = 'Nize\u0301r نِزار'.normalize('NFD');
    expect(name.parse(decomposed)).toBe(decomposed.normalize('NFC'));
    expect(long.parse(decomposed)).toBe(decomposed.normalize('NFC'));
  });

  it('give the same value for NFC and NFD input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 15 }), (text) => {
        const a = short.safeParse(text.normalize('NFC'));
        const b = short.safeParse(text.normalize('NFD'));
        if (a.success && b.success) expect(a.data).toBe(b.data);
      }),
    );
  });

  it('refuse lone surrogates and noncharacters everywhere', () => {
    for (const schema of [name, short, long]) {
      expect(schema.safeParse('ab\uD800c').success).toBe(false);
      expect(schema.safeParse('ab\uDC00').success).toBe(false);
      expect(schema.safeParse('ab\uFFFE').success).toBe(false);
    }
    expect(short.parse('ok 😀')).toBe('ok 😀');
  });

  it('refuse control characters; long text keeps newline and tab and turns CRLF into LF', () => {
    expect(name.safeParse('a\u0000b').success).toBe(false);
    expect(short.safeParse('a\nb').success).toBe(false);
    expect(short.safeParse('a\u0085b').success).toBe(false);
    expect(long.parse('line one\r\nline two\tend\rlast')).toBe('line one\nline two\tend\nlast');
    expect(long.safeParse('bell\u0007').success).toBe(false);
  });

  it('refuse bidi overrides in names and short text, and any bidi control in names', () => {
    expect(name.safeParse('Nizar\u202EdaddaH').success).toBe(false);
    expect(name.safeParse('Nizar\u2067x\u2069').success).toBe(false);
    expect(name.safeParse('Nizar\u200F').success).toBe(false);
    expect(short.safeParse('a\u202Db').success).toBe(false);
    expect(short.safeParse('a\u2066b\u2069').success).toBe(false);
    expect(short.parse('فرع 235\u200F')).toBe('فرع 235\u200F');
    expect(long.safeParse('text \u202E reversed').success).toBe(false);
    expect(long.parse('isolate \u2067عربي\u2069 ok')).toContain('\u2067');
  });

  it('refuse oversized values, before and after normalisation', () => {
    expect(name.safeParse('x'.repeat(21)).success).toBe(false);
    expect(name.safeParse('x'.repeat(20)).success).toBe(true);
    expect(long.safeParse('x'.repeat(10_000_000)).success).toBe(false);
    // 20 decomposed é (40 units) is 20 units after NFC: accepted.
    expect(name.parse('e\u0301'.repeat(20))).toBe('é'.repeat(20));
  });

  it('trim names and refuse empty ones', () => {
    expect(name.parse('  Abu Ali  ')).toBe('Abu Ali');
    expect(name.safeParse('   ').success).toBe(false);
  });

  it('accept language tags in one canonical shape only', () => {
    for (const ok of ['ar', 'ar-SY', 'ku', 'kmr', 'ar-Latn', 'en-GB', 'es-419']) expect(languageTagSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['AR', 'arabic', 'ar_SY', 'ar-sy', '']) expect(languageTagSchema.safeParse(bad).success, bad).toBe(false);
  });
});
