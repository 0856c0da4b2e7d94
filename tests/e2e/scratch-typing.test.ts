import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type Journey } from './harness';
import { MESSAGES, openNav, press } from './records-steps';
import { expectHeading } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
});
const m = MESSAGES.en;
describe('scratch', () => {
  it('typing long tasks', async () => {
    journey = await openApp();
    const { page } = journey;
    await press(page, m.demo.explore);
    await expectHeading(page, m.home.title);
    await openNav(page, m.testimony.nav);
    await expect.poll(() => page.locator('.virtual-rows__row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await page.locator('.testimony-row__code').first().click();
    const narrative = page.getByLabel(m.testimony.account.narrative, { exact: true });
    await narrative.waitFor();
    const big = 'A long paragraph of the account. '.repeat(6000);
    await narrative.fill(big);
    await page.waitForTimeout(3000);
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await narrative.press('End');
    await page.keyboard.type('typing more words into the narrative while it is long. '.repeat(4), { delay: 20 });
    await page.waitForTimeout(4000);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log('long tasks', tasks, await page.locator('.autosave').getAttribute('data-phase'), (await narrative.inputValue()).length);
  });
});
