import { chromium } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium';

it('serves the app', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.textContent('#root')).toContain('Sijill');
  } finally {
    await browser.close();
  }
});
