// Journeys through facilities, alleged perpetrators, duplicates, search and profiles in the
// browser build: a documenter records the same prison twice (Sednaya Military Prison and
// صيدنايا) and the same person twice (Abu Ali and أبو علي), sees them suggested as duplicates,
// merges them (every name kept, every link re-pointed), undoes a merge, finds the prison by a
// third spelling, and reads an alleged perpetrator's profile built from testimonies. No
// console errors, nothing off 127.0.0.1, nothing in web storage. Fictional people.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { isLocal, openApp, type Journey } from './harness';
import { createVault, expectHeading, openSection } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const PASSPHRASE = 'the courtyard wall of the old prison';

/** The level-1 heading's text once it contains `text` (record names are isolated with FSI…PDI). */
async function expectHeadingContaining(page: Page, text: string): Promise<void> {
  await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '', { timeout: 30_000 }).toContain(text);
}

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** From the facilities list: a new facility with one name. */
async function createFacility(page: Page, name: string, kind: string): Promise<void> {
  await page.getByRole('button', { name: 'New facility' }).click();
  await expectHeading(page, 'New facility');
  const row = page.getByRole('group', { name: 'Name 1' });
  await row.getByLabel('Name', { exact: true }).fill(name);
  await row.getByLabel('Kind of name').selectOption({ label: kind });
  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Prison' });
}

/** From the alleged perpetrators list: a new record with one name and its source. */
async function startPerpetrator(page: Page, name: string, source: string): Promise<void> {
  await page.getByRole('button', { name: 'New alleged perpetrator' }).click();
  await expectHeading(page, 'New alleged perpetrator');
  const row = page.getByRole('group', { name: 'Name 1' });
  await row.getByLabel('Name', { exact: true }).fill(name);
  await row.getByLabel('Other source (note)').fill(source);
}

/** On the duplicates screen: merges the pair shown in `section` into `survivor`. */
async function mergeInto(page: Page, section: string, survivor: string): Promise<void> {
  const pair = page.getByRole('region', { name: section }).getByTestId('duplicate-pair');
  await visible(pair);
  await pair.getByRole('button', { name: `Merge into ${survivor}` }).click();
  await visible(pair.getByText('All names of the other record are kept'));
  await pair.getByRole('button', { name: 'Merge', exact: true }).click();
}

function assertClean(current: Journey): void {
  expect(current.problems).toEqual([]);
  expect(current.requests.filter((url) => !isLocal(url))).toEqual([]);
}

describe('facilities, alleged perpetrators, duplicates and profiles in the browser build', () => {
  it('suggests the same prison and person recorded twice, merges keeping every name and link, undoes, and finds by spelling', async () => {
    journey = await openApp();
    const { page } = journey;
    await expectHeading(page, 'Welcome to Sijill');
    await createVault(page, PASSPHRASE);

    await openSection(page, 'Facilities');
    await expectHeading(page, 'Facilities');
    await createFacility(page, 'Sednaya Military Prison', 'Official name');
    await page.getByRole('button', { name: 'Create' }).click();
    await expectHeadingContaining(page, 'Sednaya Military Prison');
    await openSection(page, 'Facilities');
    await createFacility(page, 'صيدنايا', 'Common name');
    // Before creating: "did you mean" offers the prison already recorded in Latin letters.
    await visible(page.getByText('Did you mean one of these existing facilities?'));
    await page.getByRole('button', { name: 'Create' }).click();
    await expectHeadingContaining(page, 'صيدنايا');

    await openSection(page, 'Alleged perpetrators');
    await expectHeading(page, 'Alleged perpetrators');
    await startPerpetrator(page, 'Abu Ali', 'Testimony of a former detainee');
    await page.getByRole('button', { name: 'Create' }).click();
    await expectHeadingContaining(page, 'Abu Ali');
    await openSection(page, 'Alleged perpetrators');
    await startPerpetrator(page, 'أبو علي', 'SNHR report 2019');
    await visible(page.getByText('Is this someone already recorded?'));
    await page.getByRole('button', { name: 'Add a rank or position' }).click();
    const position = page.getByRole('group', { name: 'Position 1' });
    await position.getByLabel('Rank').fill('Colonel');
    await position.getByLabel('Facility', { exact: true }).selectOption({ label: 'صيدنايا' });
    await position.getByLabel('Other source (note)').fill('Defector list');
    await page.getByRole('button', { name: 'Create' }).click();
    await expectHeadingContaining(page, 'أبو علي');

    await openSection(page, 'Duplicates');
    await expectHeading(page, 'Possible duplicates');
    await mergeInto(page, 'Facilities', 'Sednaya Military Prison');
    await visible(page.getByText('Merged. Names added: 1. Links re-pointed: 1.'));
    await visible(page.getByRole('region', { name: 'Facilities' }).getByText('No possible duplicates.'));
    await mergeInto(page, 'Alleged perpetrators', 'Abu Ali');
    await visible(page.getByText('Merged. Names added: 1. Links re-pointed: 0.'));

    // The survivor keeps both names, and the position now points at the surviving prison.
    await page.getByTestId('recent-merge').first().getByRole('button', { name: 'Abu Ali' }).click();
    await expectHeadingContaining(page, 'Abu Ali');
    const names = page.getByRole('heading', { name: 'Names' }).locator('xpath=following-sibling::ul[1]');
    await expect.poll(() => names.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Abu Ali'), expect.stringContaining('أبو علي')]);
    await visible(page.getByRole('row', { name: /Colonel/ }).getByRole('button', { name: 'Sednaya Military Prison' }));
    await page.getByRole('button', { name: 'Back' }).click();
    await expectHeading(page, 'Possible duplicates');

    // Undo the person merge: two records again, each with its own name.
    await page.getByTestId('recent-merge').first().getByRole('button', { name: 'Undo' }).click();
    await visible(page.getByText('Undone: the merged record is back as a separate record'));
    await openSection(page, 'Alleged perpetrators');
    await expect.poll(() => page.locator('.record-table tbody th').allTextContents()).toEqual(expect.arrayContaining(['Abu Ali', 'أبو علي']));

    // A third spelling finds the merged prison, which holds both of its names.
    await openSection(page, 'Search');
    await expectHeading(page, 'Search');
    await page.getByLabel('Search the case file').fill('Saydnaya');
    const found = page.getByRole('region', { name: 'Facilities' }).getByRole('button', { name: 'Sednaya Military Prison' });
    await visible(found);
    await found.click();
    await expectHeadingContaining(page, 'Sednaya Military Prison');
    await expect.poll(() => page.getByRole('list', { name: 'Names' }).getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Sednaya Military Prison'), expect.stringContaining('صيدنايا')]);
    await visible(page.getByRole('region', { name: 'Alleged perpetrators linked to this facility' }).getByRole('button', { name: 'أبو علي' }));

    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    assertClean(journey);
  });

  it('reads an alleged perpetrator profile built from many testimonies (demo data), in English and Arabic', async () => {
    journey = await openApp();
    const { page } = journey;
    await expectHeading(page, 'Welcome to Sijill');
    // The demo vault's testimonies, witnesses and allegations are written through the data layer.
    await page.getByRole('button', { name: 'Explore with demo data' }).click();
    await visible(page.getByText('DEMO DATA — not real testimony'));
    await openSection(page, 'Alleged perpetrators');
    await expectHeading(page, 'Alleged perpetrators');
    await page.getByLabel('Sort by').selectOption({ label: 'Number of allegations' });
    await page.getByLabel('Order').selectOption({ label: 'Descending' });
    const first = page.locator('.record-table tbody tr').first();
    const name = ((await first.locator('th').textContent()) ?? '').trim();
    expect(Number(await first.locator('td').nth(2).textContent())).toBeGreaterThan(1);
    await first.getByRole('button').click();
    await expectHeadingContaining(page, `Alleged perpetrator: \u2068${name}\u2069`);
    await visible(page.getByText('This page gathers allegations made in testimonies and other sources.'));

    const stats = page.getByTestId('allegation-stats');
    const count = async (label: string) => Number(/(\d+)/.exec((await stats.getByText(label).textContent()) ?? '')?.[1] ?? 'NaN');
    expect(await count('Allegations:')).toBeGreaterThan(1);
    expect(await count('Distinct witnesses:')).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Alleged acts' }).getByRole('listitem').count()).toBeGreaterThan(0);
    const identification = page.getByRole('table', { name: 'How each witness identified this person' });
    // Witnesses appear by pseudonym code only.
    expect(await identification.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|No witness record)$/)]));

    // From an allegation to its testimony, by reference code.
    const reference = page.locator('.record-table').last().locator('tbody th button').first();
    const code = ((await reference.textContent()) ?? '').trim();
    expect(code).toMatch(/^T-\d{4}-\d{4,6}$/);
    await reference.click();
    await expectHeadingContaining(page, code);
    await page.getByRole('button', { name: 'Back' }).first().click();
    await expectHeadingContaining(page, name);

    await page.getByRole('button', { name: 'العربية' }).click();
    // The page now names the person by their Arabic name, if they have one.
    await expectHeadingContaining(page, 'متهم مزعوم: \u2068');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await visible(page.getByTestId('allegation-stats').getByText('عدد الشهود المختلفين:'));
    assertClean(journey);
  });
});
