import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { resetDocumentLanguage } from '../support/document';
import { renderApp } from '../support/render-app';

// Wide enough that the header stays on one line, so positions compare edge to edge.
beforeEach(() => page.viewport(1000, 700));

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
});

const rectOf = (selector: string) => {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element.getBoundingClientRect();
};

describe('language switcher', () => {
  it('switches to Arabic at run time: lang, dir, title, text, font, and a mirrored layout', async () => {
    const { screen } = await renderApp();
    const html = document.documentElement;
    const arabic = screen.getByRole('button', { name: 'العربية' });
    await expect.element(arabic).toHaveAttribute('lang', 'ar');
    await expect.element(screen.getByRole('group', { name: 'Language' })).toBeVisible();

    const brandLtr = rectOf('.app-header__brand');
    const navLtr = rectOf('nav');
    const switcherLtr = rectOf('.language-switcher');
    const headerLtr = rectOf('.app-header__inner');
    expect(brandLtr.left).toBeLessThan(navLtr.left);
    // Navigation and language sit together at the end edge.
    expect(switcherLtr.left - navLtr.right).toBeLessThan(40);
    expect(headerLtr.right - switcherLtr.right).toBeLessThan(40);

    await arabic.click();

    expect([html.lang, html.dir, document.title]).toEqual(['ar', 'rtl', 'سجل']);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'مرحبًا بك في سجل' })).toBeVisible();
    await expect.element(arabic).toHaveAttribute('aria-pressed', 'true');
    await expect.element(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
    expect(getComputedStyle(html).fontFamily).toMatch(/^"Noto Naskh Arabic"/);

    // The header mirrors: the brand moves to the right edge, the navigation to the left.
    const brandRtl = rectOf('.app-header__brand');
    const navRtl = rectOf('nav');
    const switcherRtl = rectOf('.language-switcher');
    const headerRtl = rectOf('.app-header__inner');
    expect(brandRtl.left).toBeGreaterThan(navRtl.left);
    expect(navRtl.left - switcherRtl.right).toBeLessThan(40);
    expect(switcherRtl.left - headerRtl.left).toBeLessThan(40);
    expect(navRtl.left).toBeLessThan(navLtr.left);
    expect(brandRtl.right).toBeGreaterThan(brandLtr.right);
    // And so does the text: the heading's words start at the right edge of its column.
    const h1 = document.querySelector('h1');
    const words = document.createRange();
    words.selectNodeContents(h1 as Node);
    const text = words.getBoundingClientRect();
    const column = (h1 as Element).getBoundingClientRect();
    expect(column.right - text.right).toBeLessThan(1);
    expect(text.left - column.left).toBeGreaterThan(100);
  });

  it('switches back to English, left to right', async () => {
    const { screen } = await renderApp({ language: 'ar' });
    expect(document.documentElement.dir).toBe('rtl');
    await screen.getByRole('button', { name: 'English' }).click();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en', 'ltr']);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    expect(getComputedStyle(document.documentElement).fontFamily).toMatch(/^"Noto Sans"/);
  });
});
