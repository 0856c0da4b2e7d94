// The layer rules of STYLE.md live in eslint.config.js; this proves each one fires, so a
// crossing fails `npm run check` rather than slipping through review.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('layer rules', () => {
  it.each([
    ["import { readFile } from 'node:fs';", 'shared/example.ts'],
    ["import { app } from 'electron';", 'shared/example.ts'],
    ["import { useState } from 'react';", 'shared/example.ts'],
    ["import Dexie from 'dexie';", 'shared/example.ts'],
    ["import { app } from 'electron';", 'renderer/src/example.ts'],
    ["import { join } from 'node:path';", 'renderer/src/example.ts'],
    ["import { useState } from 'react';", 'electron/main/example.ts'],
    ["import Dexie from 'dexie';", 'electron/main/example.ts'],
    ["import { dialog } from 'electron';", 'electron/main/handlers/example.ts'],
  ])('rejects %s in %s', async (code, filePath) => {
    expect(await ruleIds(`${code}\nexport const used = 1;\n`, filePath)).toContain('no-restricted-imports');
  });

  it.each([
    ['export const width = window.innerWidth;', 'shared/example.ts'],
    ['export const data = Buffer.from([1]);', 'shared/example.ts'],
  ])('rejects DOM and Node globals in shared/: %s', async (code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-globals');
  });

  it.each([
    ["import { app } from 'electron';\nexport const a = app;", 'electron/main/main.ts'],
    ["import { dialog } from 'electron';\nexport const d = dialog;", 'electron/main/adapters/example.ts'],
    ["import { z } from 'zod';\nexport const s = z.string();", 'shared/example.ts'],
    ["import { useState } from 'react';\nexport const u = useState;", 'renderer/src/example.ts'],
  ])('allows what each layer may use: %s', async (code, filePath) => {
    expect(await ruleIds(code, filePath)).toEqual([]);
  });
});

describe('layer rules and our own folders', () => {
  it('do not mistake shared/crypto for the Node built-in crypto', async () => {
    const code = "import { getSodium } from '../../shared/crypto';\nexport const s = getSodium;";
    expect(await ruleIds(code, 'renderer/src/example.ts')).toEqual([]);
    expect(await ruleIds("import { randomBytes } from 'crypto';\nexport const r = randomBytes;", 'renderer/src/example.ts')).toContain(
      'no-restricted-imports',
    );
  });
});
