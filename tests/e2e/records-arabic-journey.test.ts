// Journey (issue 4), in Arabic: a documenter records a testimony, creating the facility and the
// alleged perpetrator inline without leaving it; locks; unlocks; finds the testimony again by a
// transliterated spelling of the facility (`صيدنايا` typed, `Saydnaya` searched); opens the
// alleged perpetrator's profile from the testimony and sees the allegation there.
// No console errors, nothing off 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { isLocal, openApp, type Journey } from './harness';
import {
  addAllegationWithNewPerpetrator,
  addEpisodeWithNewFacility,
  addSession,
  expectSaved,
  fill,
  lockAndUnlock,
  MESSAGES,
  openNav,
  startTestimony,
  switchLanguage,
} from './records-steps';
import { createVault, expectHeading } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const PASSPHRASE = 'قمر الربيع فوق سهل حوران القديم';
const m = MESSAGES.ar;

describe('records journey in Arabic', () => {
  it('records a testimony with a new facility and a new alleged perpetrator, finds it by a transliteration, and reads the profile', async () => {
    journey = await openApp();
    const { page } = journey;
    await createVault(page, PASSPHRASE);
    await switchLanguage(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await startTestimony(page, m);
    await addSession(page, m, 'الموثّقة س-07');
    await page.getByLabel(m.testimony.account.narrative, { exact: true }).fill('اعتُقلت في ربيع عام 2013 ونُقلت بعد أشهر إلى سجن صيدنايا، حيث بقيت في المهجع الثالث.');
    await addEpisodeWithNewFacility(page, m, 'صيدنايا');
    await addAllegationWithNewPerpetrator(page, m, 'أبو علي الحلبي', 'الضرب', 'رؤية الوجه');
    await expectSaved(page);
    const reference = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const code = /T-\d{4}-\d{4,6}/.exec(reference)?.[0] ?? '';
    expect(code).toMatch(/^T-\d{4}-0001$/);

    await lockAndUnlock(page, m, PASSPHRASE);

    await openNav(page, m.search.title);
    await page.getByLabel(m.search.label, { exact: true }).fill('Saydnaya');
    const hit = page.getByRole('button', { name: code });
    await expect.poll(() => hit.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await hit.first().click();
    await expectHeading(page, fill(m.testimony.editor.title, { code }));

    const allegation = page.getByRole('group', { name: fill(m.testimony.allegations.itemTitle, { number: 1 }) });
    await expect.poll(() => allegation.locator('.link-picker__chosen').first().textContent(), { timeout: 15_000 }).toContain('أبو علي الحلبي');
    await allegation.getByRole('button', { name: m.testimony.links.openProfile }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toContain('أبو علي الحلبي');
    // The allegation, from this testimony, is on the alleged perpetrator's profile.
    await expect.poll(() => page.getByText(code).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByText('الضرب').count()).toBeGreaterThan(0);

    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
