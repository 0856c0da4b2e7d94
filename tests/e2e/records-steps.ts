// Steps of the case-records journeys, driven the way a person would: labels and buttons by
// their visible names, in the UI language of the step (taken from the app's own message files,
// so a reworded label changes the journey with it).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ar } from '../../renderer/src/i18n/ar';
import { en } from '../../renderer/src/i18n/en';
import { expectHeading } from './vault-steps';

/** The messages of one UI language. */
export type Messages = typeof en | typeof ar;
export const MESSAGES = { en, ar } as const;

/** Replaces `{{name}}` placeholders the way i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Switches the UI language with the header's language buttons. */
export async function switchLanguage(page: Page, language: 'en' | 'ar'): Promise<void> {
  await page.getByRole('group', { name: language === 'ar' ? en.shell.languageLabel : ar.shell.languageLabel }).getByRole('button', { name: language === 'ar' ? 'العربية' : 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/** Opens a section from the header navigation. */
export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** Clicks the button named `name` (exactly). */
export async function press(scope: Page | Locator, name: string): Promise<void> {
  await scope.getByRole('button', { name, exact: true }).click();
}

/** From anywhere in the open vault: the testimonies list, then "Record a new testimony". */
export async function startTestimony(page: Page, m: Messages): Promise<void> {
  await openNav(page, m.testimony.nav);
  await expectHeading(page, m.testimony.list.title);
  await press(page, m.testimony.list.new);
  await expectHeading(page, m.testimony.editor.newTitle);
}

/** Adds an interview session with one interviewer (the minimum a complete testimony needs). */
export async function addSession(page: Page, m: Messages, interviewer: string): Promise<void> {
  await press(page, m.testimony.sessions.add);
  await page.getByLabel(m.testimony.sessions.interviewers, { exact: true }).last().fill(interviewer);
}

/** Types into a link combobox and chooses "Create new: …", which opens the inline form. */
export async function createInline(page: Page, comboboxLabel: string, typed: string, createLabel: string): Promise<Locator> {
  const box = page.getByRole('combobox', { name: comboboxLabel }).last();
  await box.fill(typed);
  await page.getByRole('option', { name: fill(createLabel, { name: typed }), exact: true }).click();
  return page.locator('.link-picker__inline').last();
}

/** Adds a detention episode at a new facility created inline (a prison). */
export async function addEpisodeWithNewFacility(page: Page, m: Messages, facilityName: string): Promise<void> {
  await press(page, m.testimony.episodes.add);
  const inline = await createInline(page, m.testimony.episodes.facility, facilityName, m.testimony.links.createFacility);
  await inline.getByLabel(m.facility.type, { exact: true }).selectOption('prison');
  await press(inline, m.recordForms.save.create);
  const episodes = page.getByRole('group', { name: new RegExp(fill(m.testimony.episodes.itemTitle, { number: '\\d+' })) });
  await expect.poll(() => episodes.last().locator('.link-picker__chosen').first().textContent(), { timeout: 15_000 }).toContain(facilityName);
}

/** Adds an allegation against a new alleged perpetrator created inline, with one act and one basis. */
export async function addAllegationWithNewPerpetrator(page: Page, m: Messages, perpetratorName: string, act: string, basis: string): Promise<void> {
  await press(page, m.testimony.allegations.add);
  const inline = await createInline(page, m.testimony.allegations.perpetrator, perpetratorName, m.testimony.links.createPerpetrator);
  await press(inline, m.recordForms.save.create);
  const item = page.getByRole('group', { name: fill(m.testimony.allegations.itemTitle, { number: 1 }) });
  await expect.poll(() => item.locator('.link-picker__chosen').first().textContent(), { timeout: 15_000 }).toContain(perpetratorName);
  await item.getByRole('checkbox', { name: act, exact: true }).check();
  await item.getByRole('checkbox', { name: basis, exact: true }).check();
}

/** Waits until the autosave line says the latest changes are saved. */
export async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.autosave').getAttribute('data-phase'), { timeout: 20_000 }).toBe('saved');
}

/** Locks with the shortcut and unlocks with the passphrase, in the current UI language. */
export async function lockAndUnlock(page: Page, m: Messages, passphrase: string): Promise<void> {
  await page.keyboard.press('Control+l');
  await expectHeading(page, m.unlock.title);
  await page.getByLabel(m.unlock.passphrase, { exact: true }).fill(passphrase);
  await press(page, m.unlock.unlock);
  await expectHeading(page, m.home.title);
}
