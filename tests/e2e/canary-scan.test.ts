// The scanner itself, on files planted in a temporary directory: it must find a canary in each
// encoding and in nested directories, or a clean scan of a profile would prove nothing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { arabicCanary, latinCanary, scanForCanaries } from './canary-scan';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.from(le.map((_, index) => le[index ^ 1] ?? 0));
};

describe('canary scan', () => {
  it('finds Latin and Arabic canaries in UTF-8, UTF-16LE and UTF-16BE, at any depth', async () => {
    dir = await mkdtemp(join(tmpdir(), 'canary-scan-'));
    const latin = latinCanary('latin');
    const arabic = arabicCanary('arabic');
    await mkdir(join(dir, 'Default', 'IndexedDB', 'x.leveldb'), { recursive: true });
    await writeFile(join(dir, 'Default', 'IndexedDB', 'x.leveldb', '000003.log'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(latin.text, 'utf8')]));
    await writeFile(join(dir, 'a.bin'), Buffer.from(arabic.text, 'utf16le'));
    await writeFile(join(dir, 'b.bin'), be(latin.text));
    await writeFile(join(dir, 'c.bin'), Buffer.from(arabic.text.normalize('NFD'), 'utf8'));
    await writeFile(join(dir, 'clean.bin'), Buffer.from('nothing to see here'));

    const scan = await scanForCanaries(dir, [latin, arabic]);
    const found = (file: string) => new Set(scan.hits.filter((hit) => hit.file.endsWith(file)).map((hit) => `${hit.label}/${hit.encoding}`));
    expect(scan.files).toBe(5);
    expect(found('000003.log')).toEqual(new Set(['latin/utf-8']));
    expect(found('a.bin')).toEqual(new Set(['arabic/utf-16le']));
    expect(found('b.bin')).toEqual(new Set(['latin/utf-16be']));
    expect(found('c.bin')).toEqual(new Set(['arabic/utf-8']));
    expect(found('clean.bin')).toEqual(new Set());
  });

  it('finds the random core alone (as Snappy may store it)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'canary-scan-'));
    const latin = latinCanary('latin');
    await writeFile(join(dir, 'table.ldb'), Buffer.from(`xxCANARY-\u0001\u0002${latin.core ?? ''}yy`, 'latin1'));
    const scan = await scanForCanaries(dir, [latin]);
    expect(scan.hits.map((hit) => hit.needle)).toEqual([latin.core]);
  });
});
