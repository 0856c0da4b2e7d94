import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow, AuditTrail } from '../../../../renderer/src/vault/vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, unlocked } from '../feature-support';

afterEach(cleanUp);

const AT = '2026-03-08T09:15:00.000Z';
const row = (seq: number, action: string, data: AuditRow['data'] = {}, verified = true): AuditRow => ({ seq, action, at: AT, data, verified });

const TRAIL: AuditTrail = {
  warning: null,
  rows: [
    row(1, 'vault.create'),
    row(2, 'vault.unlock-failed', { count: 2 }),
    row(3, 'vault.unlock', { method: 'passphrase' }),
    row(4, 'settings.update', { changed: ['idleLockMinutes'], idleLockMinutes: 15, wipeAfterFailedUnlocks: null }),
    row(5, 'vault.passphrase-change', { compromised: true }),
    row(6, 'vault.rotate-complete', { rewrapped: 12, unreadable: 1 }),
    row(7, 'bundle.export', { bundle: 'b1' }),
    row(8, 'record.update', { id: 'r1', type: 'testimony', v: 2 }),
  ],
};

async function openAudit(trail: AuditTrail | Error, language: 'en' | 'ar' = 'en', state = unlocked()) {
  const rendered = await renderApp({ language, fakeVault: { state, audit: trail } });
  await rendered.screen.getByRole('navigation').getByRole('button', { name: language === 'en' ? 'Audit trail' : 'سجل التدقيق' }).click();
  return rendered;
}

const cellsOf = (seq: number) => [...(document.querySelectorAll('tbody tr')[seq - 1]?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent);

describe('audit trail', () => {
  it('lists every entry with a human label, the time, details in words and its check', async () => {
    const { screen } = await openAudit(TRAIL);
    await expect.element(screen.getByText('The chain verifies: every entry is intact and in order (entries: 8).')).toBeVisible();
    await expect.element(screen.getByRole('table', { name: 'Audit trail entries, oldest first' })).toBeVisible();
    const [seq, time, ...rest] = cellsOf(1);
    expect([seq, ...rest]).toEqual(['1', 'Vault created', '—', 'Verified']);
    // Local time: the hour depends on the machine's zone, the shape does not.
    expect(time).toMatch(/^8 March 2026 at \d{2}:\d{2}:\d{2}$/);
    expect(cellsOf(2)?.slice(2, 4)).toEqual(['Failed unlock attempts', 'Attempts: 2']);
    expect(cellsOf(3)?.slice(2, 4)).toEqual(['Vault unlocked', 'With the passphrase']);
    expect(cellsOf(4)?.slice(2, 4)).toEqual(['Settings changed', 'Automatic locking: 15 minutes']);
    expect(cellsOf(5)?.slice(2, 4)).toEqual(['Passphrase changed', 'Reported as possibly compromised']);
    expect(cellsOf(6)?.slice(2, 4)).toEqual(['Key replacement completed', 'Record keys re-encrypted: 12Records that could not be read: 1']);
    // An entry from a newer version is shown, never hidden.
    expect(cellsOf(7)?.slice(2, 4)).toEqual(['Other event bundle.export', 'bundle: b1']);
    // Ids and types are shown as they are (codes, never contents).
    expect(cellsOf(8)?.slice(2, 4)).toEqual(['Record changed', 'Version: 2id: r1type: testimony']);
  });

  it('speaks Arabic, with Syrian month names', async () => {
    const { screen } = await openAudit(TRAIL, 'ar');
    await expect.element(screen.getByText('تم التحقق من السلسلة: جميع الإدخالات سليمة ومرتّبة (عدد الإدخالات: 8).')).toBeVisible();
    expect(cellsOf(1)?.slice(2)).toEqual(['إنشاء الخزنة', '—', 'تم التحقق']);
    expect(cellsOf(1)[1]).toMatch(/^8 آذار 2026 في \d{2}:\d{2}:\d{2}$/);
    expect(cellsOf(4)?.slice(2, 4)).toEqual(['تغيير الإعدادات', 'القفل التلقائي: بعد 15 دقيقة']);
  });

  it('says so when the trail cannot be read', async () => {
    const { screen } = await openAudit(new Error('unreadable'));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The audit trail could not be read.');
  });
});

describe('audit warning', () => {
  const warning = { problem: 'hash', firstBadSeq: 3 } as const;
  const broken: AuditTrail = { warning, rows: [row(1, 'vault.create'), row(2, 'vault.unlock'), row(3, 'vault.unlock', {}, false), row(4, 'vault.unlock', {}, false)] };

  it('is shown on the home screen, explained, and cannot be dismissed', async () => {
    const { screen } = await renderApp({ fakeVault: { state: unlocked({ auditWarning: warning }), audit: broken } });
    const banner = screen.getByRole('alert');
    await expect.element(banner).toHaveTextContent('The audit trail does not verify');
    await expect.element(banner).toHaveTextContent('An entry was changed after it was written. Entries from number 3 on cannot be trusted.');
    await expect.element(banner).toHaveTextContent(/Nothing has been repaired or deleted/);
    await expect.element(banner).toHaveTextContent(/Tell your team’s security contact/);
    await screen.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect.element(screen.getByRole('alert').filter({ hasText: 'The audit trail does not verify' })).toBeVisible();
  });

  it('leads to the trail, where untrusted entries are marked, not dropped', async () => {
    const { screen } = await renderApp({ fakeVault: { state: unlocked({ auditWarning: warning }), audit: broken } });
    await screen.getByRole('button', { name: 'Show the audit trail' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/Entries from number 3 on cannot be trusted/);
    await expect.element(screen.getByText(/The chain verifies/)).not.toBeInTheDocument();
    await expect.poll(() => cellsOf(4)).not.toEqual([]);
    expect([1, 2, 3, 4].map((seq) => cellsOf(seq).at(-1))).toEqual(['Verified', 'Verified', 'Not verified', 'Not verified']);
  });

  it('is shown in Arabic', async () => {
    const { screen } = await renderApp({ language: 'ar', fakeVault: { state: unlocked({ auditWarning: { problem: 'keyring-rollback', firstBadSeq: null } }) } });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('تعذّر التحقق من سجل التدقيق');
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/ملف المفاتيح أقدم مما يشير إليه السجل: ربما استُبدل بنسخة قديمة/);
  });
});
