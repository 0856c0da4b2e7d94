// Recording with Chromium's fake microphone (the browser project launches Chromium with
// --use-fake-device-for-media-stream --use-fake-ui-for-media-stream): pause and resume, the
// level meter and clock, a lock in the middle of a recording (sealed, not lost), and playback
// of the recorded clip through MediaSource.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'vitest-browser-react';
import { resetDocumentLanguage } from '../support/document';
import { deleteTestDatabases, PASSPHRASE } from '../vault/support/vault-harness';
import { countRows, readWhole, rowLog, sha256Hex, tamper } from './support';
import { renderPanel } from './render-panel';

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
  await deleteTestDatabases();
});

const elapsed = () => document.querySelector('[data-testid="recording-elapsed"]')?.textContent ?? '';
const seconds = () => {
  const [m = '0', s = '0'] = elapsed().split(':');
  return Number(m) * 60 + Number(s);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the interview recorder', () => {
  it('records, pauses and resumes with a live level meter and clock, and seals a verifiable clip', async () => {
    const { screen, harness, owner } = await renderPanel();
    await screen.getByRole('button', { name: 'Start recording' }).click();
    await expect.element(screen.getByText('Recording', { exact: true })).toBeVisible();
    const levels: number[] = [];
    await expect
      .poll(() => {
        levels.push(Number(document.querySelector('meter')?.getAttribute('value') ?? 0));
        return seconds();
      }, { timeout: 10_000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    expect(Math.max(...levels)).toBeGreaterThan(0);

    await screen.getByRole('button', { name: 'Pause' }).click();
    await expect.element(screen.getByText('Paused', { exact: true })).toBeVisible();
    const atPause = elapsed();
    await sleep(1500);
    expect(elapsed()).toBe(atPause);
    await screen.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => seconds(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await screen.getByRole('button', { name: 'Stop and save' }).click();
    await expect.element(screen.getByText(/Recording saved/)).toBeVisible();

    const [clip] = (await harness.client.attachments.list(owner)).attachments;
    if (!clip) throw new Error('no recording listed');
    expect(clip).toMatchObject({ source: 'recording', mediaType: expect.stringMatching(/^audio\/webm/) });
    expect(clip.size).toBeGreaterThan(1000);
    expect(clip.durationMs).toBeGreaterThanOrEqual(2500);
    expect(clip.durationMs).toBeLessThan(6000); // the paused 1.5 s is not counted
    const bytes = await readWhole(harness.client, clip.id);
    expect(await sha256Hex(Uint8Array.from(bytes))).toBe(clip.sha256);
    // A WebM file: the EBML magic number starts the recorded bytes.
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    // What the e2e canary scan looks for to catch recorded audio in clear on disk.
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    expect(text).toContain('OpusHead');
    expect(text).toContain('A_OPUS');
    await harness.client.dispose();
  });

  it('a lock during a recording seals it first; it is there after unlocking', async () => {
    const { screen, harness, owner } = await renderPanel();
    await screen.getByRole('button', { name: 'Start recording' }).click();
    await expect.poll(() => seconds(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await harness.client.lock('idle');
    expect(harness.client.getState().status).toBe('locked');
    await harness.client.unlock(PASSPHRASE);
    const { attachments } = await harness.client.attachments.list(owner);
    expect(attachments.map((a) => a.source)).toEqual(['recording']);
    const clip = attachments[0];
    if (!clip) throw new Error('no recording listed');
    expect(clip.durationMs).toBeGreaterThanOrEqual(1500);
    expect(await harness.client.attachments.verify(clip.id)).toMatchObject({ size: clip.size, sha256: clip.sha256 });
    expect(await countRows(harness.databaseName, 'blobs')).toBe(0);
    await harness.client.dispose();
  });

  it('plays a recorded clip back through MediaSource', async () => {
    const { screen, harness } = await renderPanel();
    await screen.getByRole('button', { name: 'Start recording' }).click();
    await expect.poll(() => seconds(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await screen.getByRole('button', { name: 'Stop and save' }).click();
    await screen.getByRole('button', { name: 'Play' }).click();
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="attachment-audio"]');
    if (!audio) throw new Error('no audio element');
    await expect.poll(() => audio.src, { timeout: 10_000 }).toMatch(/^blob:/);
    await expect.poll(() => (audio.buffered.length > 0 ? audio.buffered.end(0) : 0), { timeout: 10_000 }).toBeGreaterThan(2);
    expect(audio.error).toBeNull();
    await screen.getByRole('button', { name: 'Close' }).click();
    await harness.client.dispose();
  });

  it('stops playback and says why when the stored clip was altered', async () => {
    const log = rowLog();
    const { screen, harness, owner } = await renderPanel({ harness: { engine: { attachments: log.seams } } });
    await screen.getByRole('button', { name: 'Start recording' }).click();
    await expect.poll(() => seconds(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await screen.getByRole('button', { name: 'Stop and save' }).click();
    await expect.element(screen.getByText(/Recording saved/)).toBeVisible();
    const [clip] = (await harness.client.attachments.list(owner)).attachments;
    if (!clip) throw new Error('no recording listed');
    await tamper(harness.databaseName, async (chunks) => {
      const row = await chunks.get(log.rowId(clip.id, 0));
      if (!row) throw new Error('row not found');
      const body = row.body.slice();
      body[500] = (body[500] ?? 0) ^ 0x10;
      await chunks.put({ id: row.id, body });
    });
    await screen.getByRole('button', { name: 'Play' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The stored file was altered, reordered or mixed with another one.');
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="attachment-audio"]');
    expect(audio?.getAttribute('src')).toBeNull();
    await harness.client.dispose();
  });
});
