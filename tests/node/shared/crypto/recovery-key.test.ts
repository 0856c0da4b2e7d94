import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecoveryKeyError } from '../../../../shared/crypto/errors';
import { formatRecoveryKey, parseRecoveryKey } from '../../../../shared/crypto/recovery-key';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import vectors from '../../../fixtures/crypto/keyring-v1.json';
import { thrown } from './helpers';

const s = await getSodium();

describe('recovery key text', () => {
  it('matches the frozen vector: 14 groups of 4 Crockford base32 symbols', () => {
    const { key, text } = vectors.recoveryKeyText;
    expect(formatRecoveryKey(s, fromHex(key))).toBe(text);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
    expect(toHex(parseRecoveryKey(s, text))).toBe(key);
  });

  it('round-trips any key, and reads lower case, spaces, and I/L/O typed for 1/1/0', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (key) => {
        const text = formatRecoveryKey(s, key);
        expect(toHex(parseRecoveryKey(s, text))).toBe(toHex(key));
        const sloppy = text.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'O');
        expect(toHex(parseRecoveryKey(s, ` ${sloppy} `))).toBe(toHex(key));
      }),
      { numRuns: 200 },
    );
  });

  it('catches any single-symbol typo with the checksum (or as malformed)', () => {
    const text = vectors.recoveryKeyText.text;
    const symbols = text.replaceAll('-', '');
    for (let i = 0; i < symbols.length; i++) {
      const replacement = symbols[i] === 'A' ? 'B' : 'A';
      const typo = symbols.slice(0, i) + replacement + symbols.slice(i + 1);
      let caught: unknown;
      try {
        parseRecoveryKey(s, typo);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RecoveryKeyError);
    }
  });

  it('refuses wrong characters and wrong lengths as malformed', () => {
    const text = vectors.recoveryKeyText.text;
    thrown(() => parseRecoveryKey(s, ''), RecoveryKeyError, 'malformed');
    thrown(() => parseRecoveryKey(s, text.slice(0, -1)), RecoveryKeyError, 'malformed');
    thrown(() => parseRecoveryKey(s, `${text}A`), RecoveryKeyError, 'malformed');
    thrown(() => parseRecoveryKey(s, text.replace(/^./, 'U')), RecoveryKeyError, 'malformed');
    thrown(() => parseRecoveryKey(s, text.replace(/^./, '*')), RecoveryKeyError, 'malformed');
    thrown(() => parseRecoveryKey(s, 'A'.repeat(10_000)), RecoveryKeyError, 'malformed');
    // Non-ASCII look-alikes that toUpperCase() would fold into the alphabet: dotless ı (→ I → 1),
    // long ſ (→ S), Kelvin sign K, full-width digits.
    const { key } = vectors.recoveryKeyText;
    const valid = formatRecoveryKey(s, fromHex(key));
    for (const [from, to] of [['1', '\u0131'], ['S', '\u017F'], ['K', '\u212A'], ['0', '\uFF10']] as const) {
      const i = valid.indexOf(from);
      expect(i).toBeGreaterThanOrEqual(0);
      thrown(() => parseRecoveryKey(s, valid.slice(0, i) + to + valid.slice(i + 1)), RecoveryKeyError, 'malformed');
    }
  });
});
