// Packaging tier: runs after `npm run dist:check` has packed release/linux-unpacked.
// Asserts app.asar holds only the built app, and that every Electron fuse is flipped.
import { getCurrentFuseWire } from '@electron/fuses';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';

const unpacked = join('release', 'linux-unpacked');
const asarPath = join(unpacked, 'resources', 'app.asar');
const { FUSES } = createRequire(import.meta.url)('../../build/fuses.cjs') as { FUSES: Record<string, boolean> };

describe('app.asar', () => {
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));

  it('holds the built main, preload and renderer', () => {
    expect(entries).toContain('/package.json');
    expect(entries).toContain('/out/main/main.js');
    expect(entries).toContain('/out/preload/preload.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries.some((entry) => /^\/out\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
  });

  it('holds no sources, tests, source maps or node_modules', () => {
    const offending = entries.filter(
      (entry) =>
        /\.(ts|tsx|map)$/.test(entry) ||
        entry.includes('node_modules') ||
        /^\/(electron|renderer|shared|tests|cli|build|docs|\.ci)(\/|$)/.test(entry),
    );
    expect(offending).toEqual([]);
  });

  it('stays small because every library is bundled, not copied', () => {
    // About 8.1 MiB today: each of the three workers that use libsodium (vault, Argon2id,
    // attachment hashing) carries its own ~0.6 MB copy, plus pdf.js. A copied
    // node_modules would be hundreds of MB; 12 MiB leaves room for growth and still catches it.
    expect(statSync(asarPath).size).toBeLessThan(12 * 1024 * 1024);
  });

  it('ships the renderer under the strict content security policy', () => {
    const html = extractFile(asarPath, 'out/renderer/index.html').toString('utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain("'wasm-unsafe-eval'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('the unpacked app', () => {
  it('keeps only the English and Arabic Chromium locales', () => {
    expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['ar.pak', 'en-US.pak']);
  });
});

describe('Electron fuses', () => {
  it('are flipped as DESIGN.md §11 requires, every one of them', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const wire = await getCurrentFuseWire(join(unpacked, 'sijill'));
    const expected = Object.fromEntries(
      Object.entries(FUSES).map(([name, enabled]) => [FuseV1Options[name as keyof typeof FuseV1Options], enabled ? 49 : 48]),
    );
    const actual = Object.fromEntries(Object.entries(wire).filter(([key]) => key !== 'version'));
    expect(actual).toEqual(expected);
  });
});
