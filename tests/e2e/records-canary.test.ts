// Canary scan of the case records (DESIGN.md §12): unique per-run Latin and Arabic strings
// typed as a testimony's narrative, a witness's full name, a facility's name and an alleged
// perpetrator's alias (all created through the testimony editor), saved, locked, and the
// browser closed. Every file of the profile is then read: none may appear, in any encoding.
// A control written by the test itself into IndexedDB must be found, proving the scan reaches
// where the records are stored.
import { afterEach, describe, expect, it } from 'vitest';
import { arabicCanary, latinCanary, scanForCanaries, type Canary } from './canary-scan';
import { openApp, type Journey } from './harness';
import { addSession, createInline, expectSaved, fill, MESSAGES, press, startTestimony } from './records-steps';
import { createVault, lockWithShortcut } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const m = MESSAGES.en;
const joined = (label: string, ...parts: Canary[]): Canary => ({ label, text: parts.map((part) => part.text).join(' ') });

/** Writes a control value into an IndexedDB database of the test's own. */
async function writeControl(page: Journey['page'], values: readonly string[]): Promise<void> {
  await page.evaluate(
    (texts) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('canary-control', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('control');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const tx = request.result.transaction('control', 'readwrite');
          tx.objectStore('control').put({ texts }, 'value');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
    [...values],
  );
}

describe('canary scan of the case records', () => {
  it('finds no narrative, witness name, facility name or perpetrator alias anywhere on disk', async () => {
    const narrative = [latinCanary('narrative', 'N'), arabicCanary('narrative-ar')];
    const witness = [arabicCanary('witness-ar'), latinCanary('witness', 'W')];
    const facility = [latinCanary('facility', 'F'), arabicCanary('facility-ar')];
    const alias = [arabicCanary('alias-ar'), latinCanary('alias', 'A')];
    const control = [latinCanary('control', 'CTRL'), arabicCanary('control-ar')];
    const facilityName = joined('facility-whole', ...facility);
    const aliasName = joined('alias-whole', ...alias);
    const witnessName = joined('witness-whole', ...witness);

    journey = await openApp();
    const { page } = journey;
    await createVault(page, 'the quiet orchard behind the stone mill');
    await startTestimony(page, m);
    await addSession(page, m, 'Documenter D-11');
    await page.getByLabel(m.testimony.account.narrative, { exact: true }).fill(`The account begins. ${narrative[0]?.text} … ${narrative[1]?.text} The account ends.`);

    await press(page, m.testimony.episodes.add);
    const facilityForm = await createInline(page, m.testimony.episodes.facility, facilityName.text, m.testimony.links.createFacility);
    await facilityForm.getByLabel(m.facility.type, { exact: true }).selectOption('detention_centre');
    await press(facilityForm, m.recordForms.save.create);

    await press(page, m.testimony.allegations.add);
    const perpetratorForm = await createInline(page, m.testimony.allegations.perpetrator, aliasName.text, m.testimony.links.createPerpetrator);
    await perpetratorForm.getByLabel(m.perpetrator.nameKind).selectOption('alias');
    await press(perpetratorForm, m.recordForms.save.create);
    const allegation = page.getByRole('group', { name: fill(m.testimony.allegations.itemTitle, { number: 1 }) });
    await allegation.getByRole('checkbox', { name: 'Beating', exact: true }).check();
    await allegation.getByRole('checkbox', { name: 'Heard the name called', exact: true }).check();

    await press(page, m.testimony.people.newWitness);
    const dialog = page.getByRole('dialog', { name: m.witness.title });
    await dialog.getByLabel(m.witness.fullName, { exact: true }).fill(witnessName.text);
    await press(dialog, m.witness.create);
    await expect.poll(() => dialog.getByText(m.witness.created.split('{{code}}')[0] ?? '', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await press(dialog, m.testimony.editor.closePanel);
    // Outside the witness screen, only the pseudonym code.
    await expect.poll(() => page.locator('.editor-header [data-witness-code]').textContent()).toMatch(/^W-\d{4}$/);
    expect(await page.getByText(witnessName.text).count()).toBe(0);
    await expectSaved(page);

    await lockWithShortcut(page);
    await writeControl(page, control.map((canary) => canary.text));
    expect(journey.problems).toEqual([]);
    await journey.close();

    const canaries = [...narrative, ...witness, ...facility, ...alias, facilityName, aliasName, witnessName];
    const scan = await scanForCanaries(journey.profileDir, [...canaries, ...control]);
    expect(scan.paths.some((path) => /IndexedDB/.test(path))).toBe(true);
    expect(new Set(scan.hits.filter((hit) => hit.label.startsWith('control')).map((hit) => hit.label))).toEqual(new Set(['control', 'control-ar']));
    expect(scan.hits.filter((hit) => !hit.label.startsWith('control'))).toEqual([]);
  });
});
