import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassphraseError } from '../../../../shared/crypto/errors';
import {
  checkNewPassphrase,
  countCodePoints,
  generatePassphrase,
  isGeneratedPassphrase,
  normalisePassphrase,
  passphraseBytes,
  PASSPHRASE_MAX_CHARS,
  uniformIndex,
} from '../../../../shared/crypto/passphrase';
import { estimatePassphraseStrength } from '../../../../shared/crypto/passphrase-strength';
import { getSodium } from '../../../../shared/crypto/sodium';
import { WORDLIST } from '../../../../shared/crypto/wordlist';
import { fixedRandom, toHex } from '../../../fixtures/crypto/fixed-random';
import wordlistVector from '../../../fixtures/crypto/wordlist.json';
import { thrown } from './helpers';

describe('passphrase policy', () => {
  it('counts characters as code points after NFC, not UTF-16 units', () => {
    expect(countCodePoints('🌿🌿')).toBe(2);
    expect('🌿🌿'.length).toBe(4);
    expect(checkNewPassphrase('🔐'.repeat(12))).toBe('🔐'.repeat(12));
    thrown(() => checkNewPassphrase('🔐'.repeat(11)), PassphraseError, 'too-short');
  });

  it('accepts exactly 12 and 1000 characters, refuses 11 and 1001', () => {
    expect(checkNewPassphrase('a'.repeat(12))).toHaveLength(12);
    thrown(() => checkNewPassphrase('a'.repeat(11)), PassphraseError, 'too-short');
    expect(checkNewPassphrase('b'.repeat(PASSPHRASE_MAX_CHARS))).toHaveLength(1000);
    thrown(() => checkNewPassphrase('b'.repeat(PASSPHRASE_MAX_CHARS + 1)), PassphraseError, 'too-long');
    thrown(() => normalisePassphrase('b'.repeat(PASSPHRASE_MAX_CHARS + 1)), PassphraseError, 'too-long');
    thrown(() => normalisePassphrase('b'.repeat(100_000)), PassphraseError, 'too-long');
    thrown(() => checkNewPassphrase(''), PassphraseError, 'too-short');
  });

  it('measures length after NFC: 12 decomposed code points composing to 11 are too short', () => {
    const nfd = 'e\u0301' + 'a'.repeat(10); // 12 code points in NFD, 11 in NFC
    expect(countCodePoints(nfd)).toBe(12);
    thrown(() => checkNewPassphrase(nfd), PassphraseError, 'too-short');
  });

  it('normalises NFD and NFC input to the same bytes', () => {
    const nfc = 'Crème brûlée à Hamā';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(toHex(passphraseBytes(nfd, 'new'))).toBe(toHex(passphraseBytes(nfc, 'new')));
  });

  it('accepts right-to-left Arabic and mixed-script passphrases', () => {
    expect(checkNewPassphrase('كلمة المرور السرية للسجل')).toBe('كلمة المرور السرية للسجل');
    expect(checkNewPassphrase('سجل 2026 Sednaya صيدنايا')).toBe('سجل 2026 Sednaya صيدنايا');
  });

  it('refuses lone surrogates, high or low, anywhere', () => {
    for (const bad of ['abcdefghijkl\uD800', '\uDC00abcdefghijkl', 'abcdef\uD83Dghijkl', 'abcdef\uDE00\uD83Dghijkl']) {
      thrown(() => checkNewPassphrase(bad), PassphraseError, 'malformed');
      thrown(() => passphraseBytes(bad, 'unlock'), PassphraseError, 'malformed');
    }
  });

  it('at unlock, checks only well-formedness and the upper bound', () => {
    expect(passphraseBytes('short', 'unlock')).toHaveLength(5);
    thrown(() => passphraseBytes('short', 'new'), PassphraseError, 'too-short');
  });

  it('encodes any well-formed string as its NFC UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 40 }), (text) => {
        const bytes = passphraseBytes(text, 'unlock');
        expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('generated passphrases', () => {
  it('has a frozen list of 2048 distinct, sorted, short lowercase words', async () => {
    const s = await getSodium();
    expect(WORDLIST).toHaveLength(2048);
    expect(new Set(WORDLIST).size).toBe(2048);
    expect([...WORDLIST].sort()).toEqual(WORDLIST);
    expect(WORDLIST.every((w) => /^[a-z]{3,8}$/.test(w))).toBe(true);
    const hash = toHex(s.crypto_generichash(32, new TextEncoder().encode(WORDLIST.join('\n')), null));
    expect({ count: WORDLIST.length, blake2b256: hash }).toEqual({ count: wordlistVector.count, blake2b256: wordlistVector.blake2b256 });
  });

  it('generates six list words joined by hyphens, recognised as generated', async () => {
    for (let i = 0; i < 20; i++) {
      const phrase = await generatePassphrase();
      const words = phrase.split('-');
      expect(words).toHaveLength(6);
      expect(words.every((w) => WORDLIST.includes(w))).toBe(true);
      expect(isGeneratedPassphrase(phrase)).toBe(true);
      expect(checkNewPassphrase(phrase)).toBe(phrase);
    }
  });

  it('is deterministic under a fixed source and maps each 32-bit draw to a word without bias', async () => {
    const s = await getSodium();
    const a = await generatePassphrase({ random: fixedRandom(s, 'passphrase/generate') });
    const b = await generatePassphrase({ random: fixedRandom(s, 'passphrase/generate') });
    expect(a).toBe(b);
    // 2048 divides 2^32: every draw is used, the top of the range included.
    const draws = [Uint8Array.of(0xff, 0xff, 0xff, 0xff), Uint8Array.of(0, 0, 0, 5)];
    let call = 0;
    const phrase = await generatePassphrase({ random: () => draws[call++ % 2] ?? new Uint8Array(4) });
    expect(phrase.split('-').slice(0, 2)).toEqual([WORDLIST[2047], WORDLIST[5]]);
  });

  it('rejects the biased top of the range for bounds that do not divide 2^32', () => {
    const draws = [Uint8Array.of(0xff, 0xff, 0xff, 0xff), Uint8Array.of(0, 0, 0, 5)];
    let call = 0;
    expect(uniformIndex(() => draws[call++] ?? new Uint8Array(4), 3)).toBe(2);
    expect(call).toBe(2);
  });

  it('does not treat near misses as generated', () => {
    const words = WORDLIST.slice(0, 6);
    expect(isGeneratedPassphrase(words.join('-'))).toBe(true);
    expect(isGeneratedPassphrase(words.slice(0, 5).join('-'))).toBe(false);
    expect(isGeneratedPassphrase(words.join(' '))).toBe(false);
    expect(isGeneratedPassphrase([...words.slice(0, 5), 'notaword'].join('-'))).toBe(false);
    expect(isGeneratedPassphrase(words.join('-').toUpperCase())).toBe(false);
  });
});

describe('strength estimate', () => {
  it('credits a generated passphrase with exactly 66 bits', async () => {
    expect(estimatePassphraseStrength(await generatePassphrase())).toEqual({ bits: 66, level: 'strong', generated: true });
  });

  it('is conservative for chosen passphrases and ignores repeated characters', () => {
    expect(estimatePassphraseStrength('a'.repeat(40))).toMatchObject({ bits: 4, level: 'weak' });
    expect(estimatePassphraseStrength('abcdefghijkl').level).toBe('weak');
    expect(estimatePassphraseStrength('the old fox jumped over the fence').level).toBe('fair');
    expect(estimatePassphraseStrength('Under the olive tree at dawn, we wrote 14 names down').level).toBe('strong');
  });

  it('grows with length and never throws, even for malformed input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ minLength: 1, maxLength: 10 }), (text, more) => {
        const base = estimatePassphraseStrength(text);
        expect(base.bits).toBeGreaterThanOrEqual(0);
        if (!isGeneratedPassphrase(text.normalize('NFC')) && base.bits > 0) {
          expect(estimatePassphraseStrength(`${text}\u0000${more}`).bits).toBeGreaterThanOrEqual(base.bits);
        }
      }),
      { numRuns: 200 },
    );
    expect(estimatePassphraseStrength('abc\uD800')).toEqual({ bits: 0, level: 'weak', generated: false });
  });
});
