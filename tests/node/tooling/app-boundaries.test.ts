// Two rules that lint cannot express cleanly, checked over the app's sources with the
// TypeScript parser (syntax, not text, so comments and strings never count):
// - the crypto core's `random` option is a test seam for frozen vectors: no app code (renderer/,
//   electron/) may pass it, so every key and nonce in the app comes from libsodium's CSPRNG;
// - the vault worker's modules (renderer/src/vault/worker/) run only in the worker: main-thread
//   code (screens, forms, the client) never imports them, only the worker's entry point does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const WORKER_DIR = join(root, 'renderer/src/vault/worker') + sep;
/** The worker's entry point: it runs in the worker and exposes the engine. */
const WORKER_ENTRY = join(root, 'renderer/src/vault/vault.worker.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Every object-literal property named `random` (`random: x` or shorthand `{ random }`), as file:line. */
function randomOptions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
      const name = node.name;
      if ((ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === 'random') {
        found.push(`${relative(root, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Relative imports (and re-exports) of `source` that land in the worker's folder. */
function workerImports(source: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolve(dirname(source.fileName), specifier.text);
    if ((target + sep).startsWith(WORKER_DIR)) found.push(`${relative(root, source.fileName)} → ${specifier.text}`);
  }
  return found;
}

const appFiles = [...sourceFiles(join(root, 'renderer/src')), ...sourceFiles(join(root, 'electron'))];
const mainThreadFiles = sourceFiles(join(root, 'renderer/src')).filter((file) => !file.startsWith(WORKER_DIR) && file !== WORKER_ENTRY);

describe('app boundaries', () => {
  it('no app code passes the crypto test seam `random`', () => {
    expect(appFiles.length).toBeGreaterThan(50);
    expect(appFiles.flatMap((file) => randomOptions(parse(file)))).toEqual([]);
  });

  it('no main-thread module imports the vault worker’s modules', () => {
    expect(mainThreadFiles.length).toBeGreaterThan(50);
    expect(mainThreadFiles.flatMap((file) => workerImports(parse(file)))).toEqual([]);
  });

  it('would catch either (the checks themselves work)', () => {
    const seam = parse(join(root, 'renderer/src/example.ts'), "createKeyring(p, k, { random });\nserialiseKeyring(k, { random: fixed });\nconst o = { randomness: 1 };");
    expect(randomOptions(seam)).toEqual(['renderer/src/example.ts:1', 'renderer/src/example.ts:2']);
    const form = parse(join(root, 'renderer/src/features/settings/example.ts'), "import { MAX_WIPE_AFTER } from '../../vault/worker/settings';\nimport { x } from '../../vault/settings-limits';\n// import from '../../vault/worker/settings'");
    expect(workerImports(form)).toEqual(['renderer/src/features/settings/example.ts → ../../vault/worker/settings']);
  });
});
