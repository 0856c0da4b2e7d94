/**
 * Entry names are labels, never paths: zip-slip names, absolute and drive paths, Windows device
 * names, trailing dots and spaces, NUL, control and bidi characters, length, and collisions
 * after NFC and case folding, plus properties over arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, fileNameKey, safeFileName } from '../../../../shared/bundle/safe-file-name';

const one = (label: string | undefined) => safeFileName(label, new Set());
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** What every produced name must satisfy. */
function assertSafe(name: string) {
  expect(name.length).toBeGreaterThan(0);
  expect(name).not.toMatch(/[/\\:*?"<>|]/);
  expect(name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  expect(name).not.toMatch(/[\uD800-\uDFFF]/u);
  expect(name).not.toMatch(/^\./);
  expect(name).not.toMatch(/\.\./);
  expect(name).not.toMatch(/[. ]$/);
  expect(name.split('.')[0]?.trimEnd()).not.toMatch(/^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i);
  expect(utf8Length(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  expect(name).toBe(name.normalize('NFC'));
}

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', '__._etc_passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', '__._Windows_System32_cmd.exe'],
    ['/etc/shadow', '_etc_shadow'],
    ['C:\\Users\\Public\\x.txt', 'C__Users_Public_x.txt'],
    ['\\\\server\\share\\f', '__server_share_f'],
    ['..', 'entry'],
    ['.', 'entry'],
    ['...', 'entry'],
    ['../', '__'],
    ['.bashrc', '_bashrc'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Nul .tar.gz', '_Nul .tar.gz'],
    ['COM1', '_COM1'],
    ['lpt9.log', '_lpt9.log'],
    ['COM¹', '_COM¹'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['report.pdf.', 'report.pdf'],
    ['report.pdf   ', 'report.pdf'],
    ['a\u0000b.txt', 'ab.txt'],
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['x\u2066y\u2069z', 'xyz'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['a\u2215b\uFF0Fc', 'a_b_c'],
    ['', 'entry'],
    [undefined, 'entry'],
    ['\u200B\u200B', 'entry'],
    ['lone \uD800 half', 'lone _ half'],
    ['صيدنايا - شهادة.pdf', 'صيدنايا - شهادة.pdf'],
  ])('turns %j into %j', (label, expected) => {
    const name = one(label);
    expect(name).toBe(expected);
    assertSafe(name);
  });

  it('bounds the length in UTF-8 bytes and keeps the extension', () => {
    const name = one('ش'.repeat(500) + '.pdf');
    expect(utf8Length(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.pdf')).toBe(true);
    const emoji = one('😀'.repeat(100));
    expect(emoji).not.toMatch(/[\uD800-\uDFFF]$/u); // never cuts a surrogate pair
  });

  it('never collides after NFC and case folding', () => {
    const taken = new Set<string>();
    const names = ['Café.txt', 'Cafe\u0301.txt', 'CAFÉ.TXT', 'café.txt', 'straße', 'STRASSE', 'report', 'report'].map((label) => safeFileName(label, taken));
    expect(names).toEqual(['Café.txt', 'Café (2).txt', 'CAFÉ (3).TXT', 'café (4).txt', 'straße', 'STRASSE (2)', 'report', 'report (2)']);
    expect(new Set(names.map(fileNameKey)).size).toBe(names.length);
  });

  it('avoids names already present in the target folder', () => {
    const taken = new Set(['manifest.json', 'Photo.JPG'].map(fileNameKey));
    expect(safeFileName('MANIFEST.json', taken)).toBe('MANIFEST (2).json');
    expect(safeFileName('photo.jpg', taken)).toBe('photo (2).jpg');
  });

  it('always yields a safe, unique name for arbitrary labels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('..', 'CON', 'a/b', '.', ' ')), { maxLength: 20 }), (labels) => {
        const taken = new Set<string>();
        const names = labels.map((label) => safeFileName(label, taken));
        names.forEach(assertSafe);
        expect(new Set(names.map(fileNameKey)).size).toBe(names.length);
      }),
      { numRuns: 200 },
    );
  });
});
