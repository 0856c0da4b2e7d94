// Journey (issue 6, tool → app): a partner without the desktop app makes a key with the
// command-line tool's keygen; the documenter exports this device's identity card from the
// identity screen, adds the partner's card and verifies it; the partner seals exchange-record
// JSON files (a facility known only by its Arabic name, an alleged perpetrator, a testimony in
// Arabic linking both) with `seal --records` for our card; the documenter imports the bundle
// through the Import screen. The testimony is in the list, read-only, with its provenance (the
// sender's fingerprint as keygen printed it), and a search for the facility's transliteration
// "Saydnaya" finds it. "Bundles written by the tool open with the app."
//
// No attachment: an `attachment-info` record names its blob by the manifest entry id, which the
// tool draws at random while sealing, so a partner cannot write one beforehand.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_RECORD_FORMAT, encodeExchangeRecord, type ExchangeRecordInput } from '../../shared/exchange';
import { EXIT } from '../../cli/exit-codes';
import { cli } from '../node/cli/helpers';
import { IDS, facility, perpetrator, testimony } from '../node/shared/domain/samples';
import { exchangeCardsWithPartner } from './contacts-steps';
import { isLocal, scratchPerTest } from './harness';
import { MESSAGES, fill, openNav, press } from './records-steps';
import { createVault, expectHeading } from './vault-steps';

const scratch = scratchPerTest();

const PASSPHRASE = 'a quiet courtyard under the olive trees';
const m = MESSAGES.en;
const CODE = 'T-2026-0042';

/** The partner's case file as exchange records (docs/bundle-format.md §16), in the §16 order. */
function caseRecords(): ExchangeRecordInput[] {
  const record = (type: ExchangeRecordInput['type'], id: string, body: unknown) => ({ format: EXCHANGE_RECORD_FORMAT, type, id, version: 1, saved_at: '2026-03-15T09:30:00.000Z', body }) as ExchangeRecordInput;
  // Pseudonymised: the witness and consent ids stay behind; no attachment (see above).
  const { witnessId: _witness, consentId: _consent, ...account } = testimony();
  return [
    record('facility', IDS.facility, { ...facility(), names: [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }] }),
    record('perpetrator', IDS.perpetrator, perpetrator()),
    record('testimony', IDS.testimony, { ...account, attachmentIds: [], summary: 'اعتُقل عام 2013 ونُقل إلى صيدنايا.' }),
  ];
}

describe('tool → app journey', () => {
  it('imports a bundle sealed by the command-line tool from a verified partner, read-only with provenance, found by a transliterated search', async () => {
    const work = await scratch.folder('sijill-tool-to-app-');
    const journey = await scratch.openApp();
    const { page } = journey;
    await createVault(page, PASSPHRASE);

    // The partner makes its key; our card goes to the partner; the partner's card is added and verified here.
    const partnerFingerprint = await exchangeCardsWithPartner(page, m, work);

    // The partner seals the records for our card (files are taken in name order).
    await mkdir(join(work, 'case'));
    for (const [i, record] of caseRecords().entries()) await writeFile(join(work, 'case', `${i + 1}-${record.type}.json`), encodeExchangeRecord(record));
    const sealed = await cli(work, ['seal', '--key', 'partner.sijill-key', '--to', 'team.sijill-id', '--records', '--out', 'case.sijill', 'case']);
    expect(sealed.code, sealed.err).toBe(EXIT.ok);

    // Import: the quarantine summary names the verified sender and its fingerprint; then merge.
    await openNav(page, m.import.nav);
    await expectHeading(page, m.import.title);
    const chooser = page.waitForEvent('filechooser');
    await press(page, m.import.choose);
    await (await chooser).setFiles(join(work, 'case.sijill'));
    await page.getByText(m.import.summary.verified).waitFor({ timeout: 60_000 });
    expect(await page.locator('.import-summary bdi.fingerprint').textContent()).toBe(partnerFingerprint);
    expect(await page.locator('.import-summary').textContent()).toContain('Partner Lawyers');
    for (const line of [fill(m.import.types.facility, { count: 1 }), fill(m.import.types.perpetrator, { count: 1 }), fill(m.import.types.testimony, { count: 1 })]) {
      expect(await page.getByText(line, { exact: true }).count()).toBe(1);
    }
    await press(page, m.import.summary.merge);
    await page.getByText(fill(m.import.done, { created: 3, updated: 0, unchanged: 0, attachments: 0 })).waitFor({ timeout: 60_000 });

    // The received testimony: in the list; opened, read-only with its provenance.
    await openNav(page, m.testimony.nav);
    await expectHeading(page, m.testimony.list.title);
    const row = page.locator('.virtual-rows__row', { hasText: CODE });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByRole('button', { name: CODE }).click();
    await expectHeading(page, fill(m.testimony.editor.title, { code: CODE }));
    const provenance = page.locator('.provenance-panel');
    await provenance.getByRole('heading', { name: m.import.provenance.title }).waitFor({ timeout: 20_000 });
    expect(await provenance.locator('bdi.fingerprint').textContent()).toBe(partnerFingerprint);
    expect(await provenance.textContent()).toContain('Partner Lawyers');
    expect(await provenance.getByText(m.import.provenance.verified).count()).toBe(1);
    const narrative = page.getByLabel(m.testimony.account.narrative, { exact: true });
    expect(await narrative.inputValue()).toContain('نص الشهادة كما رواه الشاهد.');
    expect(await narrative.getAttribute('readonly')).not.toBeNull();

    // Found by the facility's Latin transliteration, though the bundle named it in Arabic only.
    await openNav(page, m.search.title);
    await page.getByLabel(m.search.label, { exact: true }).fill('Saydnaya');
    const hit = page.getByRole('button', { name: CODE });
    await expect.poll(() => hit.count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The import is in the audit trail.
    await openNav(page, m.shell.audit);
    await expect.poll(() => page.getByText(m.audit.actionImport).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
