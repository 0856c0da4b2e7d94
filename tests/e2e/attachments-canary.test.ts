// Canary scan extended to attachments and recordings (DESIGN.md §12): a file whose bytes carry
// Latin and Arabic canaries (UTF-8, UTF-16LE and UTF-16BE) and whose name is a canary is
// attached, verified and opened; an interview is recorded with the fake microphone and played
// back; the vault is locked and the browser closed. Then every file of the profile is read:
// no canary, no file name, and no piece of the recorded WebM may be there in clear. A control
// written by the test itself into IndexedDB must be found, or the scan proves nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { arabicCanary, latinCanary, scanForCanaries, type Canary } from './canary-scan';
import { lockHost, openHost, serveAttachmentHost, type HostJourney, type HostServer } from './attachments-host';

let server: HostServer;
let journey: HostJourney | undefined;

beforeAll(async () => {
  server = await serveAttachmentHost();
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

function utf16(text: string, littleEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return littleEndian ? le : Buffer.from(le.map((_, index) => le[index ^ 1] ?? 0));
}

/** File content: filler bytes with the canaries inside, in each encoding, across 3 chunks. */
function canaryFile(canaries: readonly Canary[]): Buffer {
  const parts: Buffer[] = [];
  for (const canary of canaries) {
    for (const encoded of [Buffer.from(canary.text, 'utf8'), utf16(canary.text, true), utf16(canary.text, false)]) {
      parts.push(Buffer.alloc(70_000, 0x2e), encoded);
    }
  }
  return Buffer.concat(parts);
}

async function writeControl(journey: HostJourney, control: readonly Canary[]): Promise<void> {
  await journey.page.evaluate(
    (texts) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('canary-control', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('control');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const tx = request.result.transaction('control', 'readwrite');
          tx.objectStore('control').put(texts, 'value');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
    control.map((canary) => canary.text),
  );
}

describe('canary scan of a profile with attachments and a recording', () => {
  it('finds no attachment content, file name or recorded audio anywhere on disk', async () => {
    const content = [latinCanary('file-latin', 'ATT'), arabicCanary('file-arabic')];
    const name = latinCanary('file-name', 'NAME');
    const control = [latinCanary('control', 'CTRL'), arabicCanary('control-ar')];

    journey = await openHost(server);
    const { page } = journey;
    await page.locator('input[type="file"]').setInputFiles({ name: `${name.text}.txt`, mimeType: 'text/plain', buffer: canaryFile(content) });
    const row = page.getByRole('article', { name: `${name.text}.txt` });
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Verify integrity' }).click();
    await row.getByRole('status').filter({ hasText: 'SHA-256 matches' }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.getByText('0:03').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop and save' }).click();
    await page.getByText(/Recording saved/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid="attachment-audio"]');
      return audio !== null && audio.buffered.length > 0 && audio.buffered.end(0) > 2;
    }, undefined, { timeout: 20_000 });

    // A second recording is cut off by the lock: sealed, not left behind in clear.
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.getByText('0:02').waitFor({ timeout: 20_000 });
    await lockHost(page);
    await writeControl(journey, control);
    expect(journey.problems).toEqual([]);
    await journey.close();

    const recorded: Canary[] = [
      // Every WebM that MediaRecorder writes carries these in its header; none may reach the disk.
      { label: 'webm-opus-head', text: 'OpusHead' },
      { label: 'webm-codec-id', text: 'A_OPUS' },
    ];
    const scan = await scanForCanaries(journey.profileDir, [...content, name, ...recorded, ...control]);
    expect(scan.files).toBeGreaterThan(20);
    expect(scan.paths.some((path) => /IndexedDB/.test(path))).toBe(true);
    expect(new Set(scan.hits.filter((hit) => hit.label.startsWith('control')).map((hit) => hit.label))).toEqual(new Set(['control', 'control-ar']));
    expect(scan.hits.filter((hit) => !hit.label.startsWith('control'))).toEqual([]);
  }, 180_000);
});
