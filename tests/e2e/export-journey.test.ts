// Journey (issue 6, export): a documenter adds a partner's identity card made with the
// command-line tool's keygen, compares its fingerprint, records a testimony with consent to
// share it with that partner, and exports it through the wizard. The saved file is then opened
// with the command-line tool's own code as the partner: it verifies (signed by our pinned
// card) and its records parse. "Bundles written by the app open with the tool."
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../node/cli/helpers';
import { parseExchangeRecord } from '../../shared/exchange';
import { exchangeCardsWithPartner } from './contacts-steps';
import { isLocal, scratchPerTest } from './harness';
import { addSession, expectSaved, fill, MESSAGES, openNav, press, startTestimony } from './records-steps';
import { createVault, expectHeading } from './vault-steps';

const scratch = scratchPerTest();

const PASSPHRASE = 'a lantern by the river in late spring';
const NARRATIVE = 'I was taken from the checkpoint at night and held for eleven months.';
/** A synthetic witness name: it must not reach a pseudonymised bundle. */
const WITNESS_NAME = 'Qamar Example-Witness';
const m = MESSAGES.en;

describe('export journey', () => {
  it('exports a consented testimony to a verified partner, and the tool opens the bundle', async () => {
    const work = await scratch.folder('sijill-export-e2e-');
    const journey = await scratch.openApp();
    const { page } = journey;
    await createVault(page, PASSPHRASE);

    // The partner's key from the tool; our own card for the partner to pin; the partner's card
    // added, then verified by the explicit comparison step.
    await exchangeCardsWithPartner(page, m, work);

    // A testimony with consent to share it with that partner.
    await startTestimony(page, m);
    await addSession(page, m, 'Documenter D-07');
    await page.getByLabel(m.testimony.account.narrative, { exact: true }).fill(NARRATIVE);
    await expectSaved(page);
    const code = /T-\d{4}-\d{4,6}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
    expect(code).not.toBe('');
    await press(page, m.testimony.people.newWitness);
    await page.getByLabel(m.witness.fullName, { exact: true }).fill(WITNESS_NAME);
    await press(page, m.witness.create);
    await expect.poll(() => page.getByText(/W-\d{4}/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await press(page, m.testimony.editor.closePanel);
    await expectSaved(page);
    await press(page, m.testimony.people.recordConsent);
    const consentForm = page.getByRole('form', { name: m.consent.grant.title });
    await consentForm.getByLabel(m.consent.grant.explainedBy, { exact: true }).fill('Documenter D-07');
    await consentForm.getByRole('checkbox', { name: 'Sharing with listed recipients', exact: true }).check();
    await consentForm.getByRole('checkbox', { name: 'Partner Lawyers', exact: true }).check();
    await press(consentForm, m.consent.grant.save);
    await expect.poll(() => page.getByText(m.consent.saved).count(), { timeout: 15_000 }).toBe(1);
    await press(page, m.testimony.editor.closePanel);
    await expectSaved(page);

    // The wizard: what, to whom, options (defaults), review, write.
    await openNav(page, m.exportBundle.nav);
    await expectHeading(page, m.exportBundle.title);
    await page.getByRole('checkbox', { name: new RegExp(code) }).check();
    await press(page, m.exportBundle.next);
    await page.getByRole('checkbox', { name: 'Partner Lawyers', exact: true }).check();
    await press(page, m.exportBundle.next);
    expect(await page.getByRole('radio', { name: m.exportBundle.options.pseudonymised }).isChecked()).toBe(true);
    await press(page, m.exportBundle.next);
    await expect.poll(() => page.getByText(fill(m.exportBundle.review.included, { count: 1 })).count(), { timeout: 15_000 }).toBe(1);
    const download = page.waitForEvent('download');
    await press(page, m.exportBundle.review.write);
    const saved = join(work, 'export.sijill');
    await (await download).saveAs(saved);
    await expect.poll(() => page.getByText(m.exportBundle.done.title).count(), { timeout: 15_000 }).toBe(1);

    // The partner opens it with the tool, pinning our card.
    const opened = await cli(work, ['open', 'export.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'received']);
    expect(opened.code, opened.err).toBe(0);
    const files = await readdir(join(work, 'received'));
    const testimonyFile = files.find((name) => name.startsWith('testimony-'));
    expect(testimonyFile).toBeDefined();
    const record = parseExchangeRecord(await readFile(join(work, 'received', testimonyFile ?? '')), 'testimony');
    expect(record.body.referenceCode).toBe(code);
    expect(record.body.narrative.text).toBe(NARRATIVE);
    expect(record.body.witnessId).toBeDefined();
    // Pseudonymised: the witness's name is in no file the partner received.
    for (const name of files) expect(await readFile(join(work, 'received', name), 'utf8')).not.toContain(WITNESS_NAME);
    const manifest = JSON.parse(await readFile(join(work, 'received', 'manifest.json'), 'utf8')) as { redaction: string; entries: { type: string }[] };
    expect(manifest.redaction).toBe('pseudonymised');
    expect(manifest.entries.map((entry) => entry.type)).toEqual(['testimony']);

    // The export is in the audit trail.
    await openNav(page, m.shell.audit);
    await expect.poll(() => page.getByText(m.audit.actionExport).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
