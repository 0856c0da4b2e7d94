// Canary scan extended to attachments and recordings (DESIGN.md §12), in the real app: a new
// user creates a vault and a testimony; in its editor a file whose bytes carry Latin and Arabic
// canaries (UTF-8, UTF-16LE and UTF-16BE) and whose name is a canary is attached and verified;
// an interview is recorded with the fake microphone; the vault is locked and unlocked, and the
// recording played and the file verified again; a second recording is cut off by a lock and the
// browser closed. Then every file of the profile is read:
// no canary, no file name, and no piece of the recorded WebM may be there in clear. A control
// written by the test itself into IndexedDB must be found, or the scan proves nothing.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPanel, lock, lockUnlockAndReopen, newTestimonyWithPanel } from './attachments-steps';
import { arabicCanary, latinCanary, scanForCanaries, type Canary } from './canary-scan';
import { isLocal, openApp, type Journey } from './harness';

let journey: Journey | undefined;

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

async function writeControl(journey: Journey, control: readonly Canary[]): Promise<void> {
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

async function verify(row: ReturnType<Page['locator']>): Promise<void> {
  await row.getByRole('button', { name: 'Verify integrity' }).click();
  await row.getByRole('status').filter({ hasText: 'SHA-256 matches' }).waitFor({ timeout: 30_000 });
}

/** Plays the one recording until more than two seconds are buffered. */
async function play(page: Page): Promise<void> {
  await attachmentPanel(page).getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    () => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid="attachment-audio"]');
      return audio !== null && audio.buffered.length > 0 && audio.buffered.end(0) > 2;
    },
    undefined,
    { timeout: 20_000 },
  );
}

describe('canary scan of a profile with attachments and a recording', () => {
  it('finds no attachment content, file name or recorded audio anywhere on disk', async () => {
    const content = [latinCanary('file-latin', 'ATT'), arabicCanary('file-arabic')];
    const name = latinCanary('file-name', 'NAME');
    const control = [latinCanary('control', 'CTRL'), arabicCanary('control-ar')];

    journey = await openApp();
    const { page } = journey;
    const code = await newTestimonyWithPanel(page);
    const panel = attachmentPanel(page);
    await panel.locator('input[type="file"]').setInputFiles({ name: `${name.text}.txt`, mimeType: 'text/plain', buffer: canaryFile(content) });
    const row = panel.getByRole('article', { name: `${name.text}.txt` });
    await row.waitFor({ timeout: 30_000 });
    await verify(row);

    await panel.getByRole('button', { name: 'Start recording' }).click();
    await panel.getByText('0:03').waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'Stop and save' }).click();
    await panel.getByText(/Recording saved/).waitFor({ timeout: 30_000 });

    // Back after a lock: the recording plays and the file still verifies.
    await lockUnlockAndReopen(page, code);
    await play(page);
    await verify(attachmentPanel(page).getByRole('article', { name: `${name.text}.txt` }));

    // A second recording is cut off by the lock: sealed, not left behind in clear.
    await attachmentPanel(page).getByRole('button', { name: 'Start recording' }).click();
    await attachmentPanel(page).getByText('0:02').waitFor({ timeout: 20_000 });
    await lock(page);
    await writeControl(journey, control);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
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
