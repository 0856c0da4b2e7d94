// Journey (issue 4), in English: a documenter records a testimony with inline links, meets
// field-level errors for bad input (a hidden direction character in a place, a stay that ends
// before it starts), fixes them, moves the testimony through complete → reviewed → sealed, finds
// it read-only, and amends it: refused without a reason, saved with one. No console errors,
// nothing off 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { isLocal, openApp, type Journey } from './harness';
import { addAllegationWithNewPerpetrator, addEpisodeWithNewFacility, addSession, expectSaved, fill, MESSAGES, openNav, press, startTestimony } from './records-steps';
import { createVault, expectHeading } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const PASSPHRASE = 'a lantern by the river in late spring';
const m = MESSAGES.en;

describe('records journey in English', () => {
  it('records, rejects bad input at its field, seals and amends a testimony', async () => {
    journey = await openApp();
    const { page } = journey;
    await createVault(page, PASSPHRASE);

    await startTestimony(page, m);
    await addSession(page, m, 'Documenter D-07');
    await page.getByLabel(m.testimony.account.narrative, { exact: true }).fill('I was arrested in March 2012 and taken to Branch 235.');
    await addEpisodeWithNewFacility(page, m, 'Branch 235');
    await addAllegationWithNewPerpetrator(page, m, 'Abu Jaafar', 'Beating', 'Saw the face');

    // Bad input: a right-to-left override hidden in the place of the session.
    const place = page.getByLabel(m.testimony.sessions.place, { exact: true });
    await place.fill('Gaziantep\u202E');
    await place.blur();
    await expect.poll(() => page.getByText(m.recordForms.errors.bidiCharacters).count()).toBe(1);
    await place.fill('Gaziantep');
    await place.blur();
    await expect.poll(() => page.getByText(m.recordForms.errors.bidiCharacters).count()).toBe(0);

    // Dates out of order: refused at the field, nothing saved until fixed.
    const episode = page.getByRole('group', { name: fill(m.testimony.episodes.itemTitle, { number: 1 }) });
    await episode.getByRole('group', { name: m.testimony.episodes.from }).getByLabel(m.recordForms.date.year).fill('2014');
    await episode.getByRole('group', { name: m.testimony.episodes.to }).getByLabel(m.recordForms.date.year).fill('2012');
    await press(page, m.testimony.status.markComplete);
    await expect.poll(() => episode.getByText(m.recordForms.errors.endsBeforeStart).count()).toBe(1);
    await expect.poll(() => page.getByText(m.recordForms.save.fixErrors).count()).toBe(1);
    await episode.getByRole('group', { name: m.testimony.episodes.to }).getByLabel(m.recordForms.date.year).fill('2015');
    await expectSaved(page);

    const code = /T-\d{4}-\d{4,6}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
    expect(code).not.toBe('');
    const status = () => page.locator('.editor-header [data-status]').getAttribute('data-status');
    await press(page, m.testimony.status.markComplete);
    await expect.poll(status).toBe('complete');
    await press(page, m.testimony.status.markReviewed);
    await expect.poll(status).toBe('reviewed');
    await press(page, m.testimony.status.seal);
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain(fill(m.testimony.status.sealConfirmTitle, { code }));
    await press(page, m.testimony.status.sealConfirm);
    await expect.poll(status).toBe('sealed');

    // Sealed: read-only, only "Amend".
    const narrative = page.getByLabel(m.testimony.account.narrative, { exact: true });
    expect(await narrative.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText(m.testimony.status.sealedNotice).count()).toBe(1);
    expect(await page.getByRole('button', { name: m.testimony.editor.saveNow }).count()).toBe(0);

    await press(page, m.testimony.status.amend);
    await narrative.fill('I was arrested in March 2012 and taken to Branch 235, then to Sednaya.');
    await press(page, m.testimony.amend.save);
    await expect.poll(() => page.getByText(m.testimony.issues.amendmentReason).count()).toBe(1);
    expect(await status()).toBe('sealed');
    await page.getByLabel(m.testimony.amend.reason, { exact: true }).fill('The witness added the transfer to Sednaya at the second session.');
    await press(page, m.testimony.amend.save);
    // The note names the sealed version it amends (its number depends on how many autosaves ran).
    const amendsPrefix = m.testimony.amend.note.split('{{version}}')[0] ?? '';
    await expect.poll(() => page.getByText(amendsPrefix, { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('The witness added the transfer to Sednaya at the second session.').count()).toBe(1);
    expect(await narrative.getAttribute('readonly')).not.toBeNull();
    expect(await narrative.inputValue()).toContain('then to Sednaya');

    await openNav(page, m.testimony.nav);
    await expectHeading(page, m.testimony.list.title);
    const row = page.locator('.virtual-rows__row', { hasText: code });
    await expect.poll(() => row.locator('.status-badge').textContent()).toBe('Sealed');

    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
