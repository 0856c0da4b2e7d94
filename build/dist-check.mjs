// `npm run dist:check`: package the unpacked Linux app fully offline, then test what was packed.
//
// The real Electron binary cannot be downloaded on our build machines, so electron-builder gets
// a placeholder "electron" file that carries only Electron's fuse wire (sentinel, version,
// length, default states). Packing, asar creation and fuse flipping all run for real; the
// packaging tests then read app.asar and the flipped fuses back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's fuse wire as shipped: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// --inspect on, asar integrity off, only-from-asar off, V8 snapshot off, file:// privileges on,
// WASM trap handlers on ('1' enabled, '0' disabled).
const DEFAULT_WIRE = '101100011';

const placeholder = join('out', 'electron-placeholder');
rmSync(placeholder, { recursive: true, force: true });
rmSync(join('release', 'linux-unpacked'), { recursive: true, force: true });
mkdirSync(join(placeholder, 'locales'), { recursive: true });
// electronLanguages keeps only en-US and ar; a third locale shows the filter really runs.
for (const locale of ['en-US', 'ar', 'fr']) writeFileSync(join(placeholder, 'locales', `${locale}.pak`), '');
writeFileSync(
  join(placeholder, 'electron'),
  Buffer.concat([
    Buffer.from('placeholder for the Electron binary (packaging check only)\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
  ]),
  { mode: 0o755 },
);

/** Runs an npm-installed command, inheriting stdio, failing the check if it fails. */
function run(command, args, env = {}) {
  try {
    execFileSync(join('node_modules', '.bin', command), args, { stdio: 'inherit', env: { ...process.env, ...env } });
  } catch {
    console.error(`dist:check: ${command} failed (see its output above)`);
    process.exit(1);
  }
}

run('electron-vite', ['build']);
run(
  'electron-builder',
  ['--dir', '--linux', '--x64', '-c.electronDist=' + placeholder, '-c.electronVersion=45.5.0'],
  { ELECTRON_BUILDER_7ZIP_PATH: process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za' },
);
run('vitest', ['run', '--project', 'dist']);
