/**
 * How the audit trail shows what "my passphrase may be compromised" and the recovery key
 * settings write: the new identity with both fingerprints (kept left to right in Arabic), the
 * new audit segment, and recovery key changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow, AuditTrail } from '../../../../renderer/src/vault/vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, unlocked } from '../feature-support';

afterEach(cleanUp);

const AT = '2026-03-08T09:15:00.000Z';
const row = (seq: number, action: string, data: AuditRow['data'] = {}): AuditRow => ({ seq, action, at: AT, data, verified: true });
const PREVIOUS = '11111 22222 33333 44444 55555 66666 77777 88888 99999 00000 12345 67890';
const CURRENT = '09876 54321 00000 99999 88888 77777 66666 55555 44444 33333 22222 11111';

const TRAIL: AuditTrail = {
  warning: null,
  rows: [
    row(1, 'vault.passphrase-change', { compromised: true }),
    row(2, 'vault.identity-rotate', { previous: PREVIOUS, current: CURRENT }),
    row(3, 'audit.rekey', { afterSeq: 2 }),
    row(4, 'vault.passphrase-change', { compromised: false, afterRecovery: true }),
    row(5, 'vault.recovery-key-set', { replaced: true }),
    row(6, 'vault.recovery-key-remove'),
  ],
};

async function openAudit(language: 'en' | 'ar') {
  const rendered = await renderApp({ language, fakeVault: { state: unlocked(), audit: TRAIL } });
  await rendered.screen.getByRole('navigation').getByRole('button', { name: language === 'en' ? 'Audit trail' : 'سجل التدقيق' }).click();
  await expect.element(rendered.screen.getByRole('table')).toBeVisible();
  return rendered;
}

const cellsOf = (seq: number) => [...(document.querySelectorAll('tbody tr')[seq - 1]?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent);
const detailItems = (seq: number) => [...(document.querySelectorAll('tbody tr')[seq - 1]?.querySelectorAll('td:nth-child(4) li') ?? [])];

describe('audit trail after key changes', () => {
  it('names the new identity, asks for the new fingerprint to be verified, and marks the new segment', async () => {
    await openAudit('en');
    expect(cellsOf(2)[2]).toBe('Device identity replaced');
    expect(detailItems(2).map((item) => item.textContent)).toEqual([
      'Partners must verify the new fingerprint before they exchange bundles with this device again.',
      `New fingerprint: ${CURRENT}`,
      `Previous fingerprint: ${PREVIOUS}`,
    ]);
    expect(cellsOf(3).slice(2, 4)).toEqual(['Audit trail key replaced', 'From here on, entries are protected by a new key; entries up to number 2 remain verifiable.']);
    expect(cellsOf(4).slice(2, 4)).toEqual(['Passphrase changed', 'Set after unlocking with the recovery key']);
    expect(cellsOf(5).slice(2, 4)).toEqual(['Recovery key created', 'Replaced the previous recovery key']);
    expect(cellsOf(6).slice(2, 4)).toEqual(['Recovery key removed', '—']);
  });

  it('keeps fingerprint digits left to right inside Arabic text', async () => {
    await openAudit('ar');
    expect(cellsOf(2)[2]).toBe('استبدال هوية الجهاز');
    const fingerprints = detailItems(2).flatMap((item) => [...item.querySelectorAll('bdi')]);
    expect(fingerprints.map((bdi) => [bdi.getAttribute('dir'), bdi.textContent])).toEqual([
      ['ltr', CURRENT],
      ['ltr', PREVIOUS],
    ]);
    expect(detailItems(2)[1]?.textContent).toBe(`البصمة الجديدة: ${CURRENT}`);
    expect(cellsOf(3)[2]).toBe('استبدال مفتاح سجل التدقيق');
  });
});
