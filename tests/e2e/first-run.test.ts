// Journey: a new user opens the browser build for the first time, reads the first-run screen,
// switches to Arabic (the whole layout mirrors), opens About, and nothing leaves 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { isLocal, openApp, type Journey } from './harness';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

describe('first run in the browser build', () => {
  it('shows the welcome screen, mirrors in Arabic, and stays on this machine', async () => {
    journey = await openApp();
    const { page } = journey;

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Sijill');
    await expect.poll(() => page.getByRole('button', { name: 'Create a vault' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);

    const brandBefore = await page.locator('.app-header__brand').boundingBox();
    await page.getByRole('button', { name: 'العربية' }).click();

    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('مرحبًا بك في سجل');

    // The brand sits at the start edge: left in English, right in Arabic.
    const viewport = page.viewportSize();
    const brandAfter = await page.locator('.app-header__brand').boundingBox();
    expect(brandBefore && viewport && brandAfter).toBeTruthy();
    if (brandBefore && brandAfter && viewport) {
      expect(brandBefore.x).toBeLessThan(viewport.width / 2);
      expect(brandAfter.x + brandAfter.width).toBeGreaterThan(viewport.width / 2);
    }

    // Arabic text is set in the bundled Naskh face, loaded from the app itself.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Noto Naskh Arabic/);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'سجل'))).toBe(true);

    await page.getByRole('button', { name: 'حول التطبيق' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('حول سجل');

    expect(journey.problems).toEqual([]);
    expect(journey.requests.length).toBeGreaterThan(0);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });

  it('serves the page under the strict content security policy', async () => {
    journey = await openApp();
    const csp = await journey.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // An inline script injected at run time must be refused by the policy.
    const ran = await journey.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    journey.problems.length = 0; // the refused script is expected to log a CSP violation
  });
});
