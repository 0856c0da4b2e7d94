/**
 * Opening a bundle whose entry names are hostile (zip-slip, absolute and drive paths, device
 * names, trailing dots, collisions; control and bidi characters never pass the manifest schema):
 * every file lands inside the output folder under a sanitised, unique name, nothing elsewhere.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEntry, recordEntry } from '../../../shared/bundle/entries';
import { parseIdentityCard } from '../../../shared/bundle/identity-card';
import { writeBundle } from '../../../shared/bundle/writer';
import { EXIT } from '../../../cli/exit-codes';
import { readKeyFile } from '../../../cli/key-file';
import { collect, source } from '../shared/stream/helpers';
import { cli, KEY_PASS, tempFolder, twoParties } from './helpers';

const HOSTILE = ['../../escape.txt', '/etc/passwd', 'C:\\Windows\\win.ini', 'CON', 'notes.txt.', 'same.txt', 'SAME.TXT', 'manifest.json', '..', 'a/../../b'];

describe('open with hostile entry names', () => {
  it('writes every entry inside the output folder under a safe, unique name', async () => {
    const cwd = tempFolder();
    await twoParties(cwd);
    const me = await readKeyFile(join(cwd, 'a.sijill-key'), () => Promise.resolve(KEY_PASS), () => undefined);
    const partner = await parseIdentityCard(readFileSync(join(cwd, 'b.sijill-id'), 'utf8'));
    const id = (n: number) => Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? n : 1));
    const entries = [
      ...(await Promise.all(HOSTILE.map((name, i) => describeEntry({ id: id(i + 1), kind: 'blob', type: 'attachment', name, open: () => source(new TextEncoder().encode(`entry ${i}`)) })))),
      await recordEntry({ id: id(99), type: 'testimony', json: '{"code":"T-1"}', name: '../record' }),
    ];
    const written = await writeBundle({ sender: me.identity, senderLabel: me.label, recipients: [{ kind: 'identity', identity: partner }], entries, senderSeq: 1, redaction: 'pseudonymised', auditCheckpoint: { seq: 0, head: new Uint8Array(32) } });
    writeFileSync(join(cwd, 'hostile.sijill'), await collect(written.chunks));
    const before = readdirSync(cwd).sort();

    const result = await cli(cwd, ['open', 'hostile.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--out', 'out']);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(readdirSync(cwd).sort()).toEqual([...before, 'out'].sort());
    const names = readdirSync(join(cwd, 'out')).sort();
    expect(names).toEqual(
      ['__._escape.txt', '_etc_passwd', 'C__Windows_win.ini', '_CON', 'notes.txt', 'same.txt', 'SAME (2).TXT', 'manifest (2).json', 'entry', 'a_._._b', '__record.json', 'manifest.json'].sort(),
    );
    expect(readFileSync(join(cwd, 'out', 'SAME (2).TXT'), 'utf8')).toBe('entry 6');
  });
});
