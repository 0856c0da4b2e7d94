// Journey: a new user explores with demo data before creating a vault. The demo vault opens
// populated, labelled "DEMO DATA" in both languages on every screen, never touches the real
// vault (the app returns to first run after leaving), and leaves nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import { isLocal, openApp, type Journey } from './harness';
import { MESSAGES, openNav, press } from './records-steps';
import { expectHeading } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const m = MESSAGES.en;

describe('demo vault', () => {
  it('opens a labelled demo vault with testimonies, and leaves it for the first-run screen', async () => {
    journey = await openApp();
    const { page } = journey;
    await expectHeading(page, m.firstRun.title);
    await press(page, m.demo.explore);
    await expectHeading(page, m.home.title);

    const banner = page.locator('[data-demo-banner]');
    expect(await banner.textContent()).toContain(MESSAGES.en.demo.banner);
    expect(await banner.textContent()).toContain(MESSAGES.ar.demo.banner);

    await openNav(page, m.testimony.nav);
    await expectHeading(page, m.testimony.list.title);
    await expect.poll(() => page.locator('.virtual-rows__row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await banner.isVisible()).toBe(true);

    // Locked, the banner stays and gives the demo passphrase.
    await page.keyboard.press('Control+l');
    await expectHeading(page, m.unlock.title);
    expect(await banner.textContent()).toContain(m.demo.passphraseHint);

    await press(banner, m.demo.leave);
    await expectHeading(page, m.firstRun.title);
    expect(await page.locator('[data-demo-banner]').count()).toBe(0);

    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
