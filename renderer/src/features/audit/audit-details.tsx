/**
 * The details column of an audit row. Entries hold ids, versions, counts and settings, never
 * record contents. Details this version understands are put in words; anything else is shown
 * as-is, as left-to-right code, so nothing in the trail is hidden.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../i18n/format';
import type { AuditRow } from '../../vault/vault-client';

/** A label and a fingerprint, the digits isolated left to right so groups never reorder in Arabic. */
function fingerprintLine(label: string, value: unknown): ReactNode {
  return (
    <>
      {label}{' '}
      <bdi dir="ltr" className="audit__fingerprint">
        {String(value)}
      </bdi>
    </>
  );
}

/** Sentences for the details we know; the keys they used up. */
function describe(t: TFunction, language: string, row: AuditRow): { lines: ReactNode[]; used: Set<string> } {
  const { data } = row;
  const lines: ReactNode[] = [];
  const used = new Set<string>();
  const take = (key: string) => {
    used.add(key);
    return data[key];
  };
  if (row.action === 'vault.unlock') {
    const method = take('method');
    if (method === 'passphrase') lines.push(t('audit.detailWithPassphrase'));
    else if (method === 'recovery-key') lines.push(t('audit.detailWithRecoveryKey'));
    else used.delete('method');
  }
  const count = data['count'];
  if (row.action === 'vault.unlock-failed' && typeof count === 'number') {
    used.add('count');
    lines.push(t('audit.detailAttempts', { count }));
  }
  if (row.action === 'vault.passphrase-change' && typeof data['compromised'] === 'boolean') {
    if (take('compromised') === true) lines.push(t('audit.detailCompromised'));
  }
  if (row.action === 'vault.passphrase-change' && data['afterRecovery'] === true) {
    used.add('afterRecovery');
    lines.push(t('audit.detailAfterRecovery'));
  }
  if (row.action === 'vault.identity-rotate' && typeof data['previous'] === 'string' && typeof data['current'] === 'string') {
    lines.push(t('audit.detailIdentityVerify'));
    lines.push(fingerprintLine(t('audit.detailFingerprintCurrent'), take('current')));
    lines.push(fingerprintLine(t('audit.detailFingerprintPrevious'), take('previous')));
  }
  const afterSeq = data['afterSeq'];
  if (row.action === 'audit.rekey' && typeof afterSeq === 'number') {
    used.add('afterSeq');
    lines.push(t('audit.detailSegment', { seq: afterSeq }));
  }
  if (row.action === 'vault.recovery-key-set' && typeof data['replaced'] === 'boolean') {
    if (take('replaced') === true) lines.push(t('audit.detailRecoveryReplaced'));
  }
  if (row.action === 'vault.rotate-complete') {
    for (const [key, message] of [
      ['rewrapped', 'audit.detailRewrapped'],
      ['unreadable', 'audit.detailUnreadable'],
    ] as const) {
      const value = data[key];
      if (typeof value === 'number') {
        used.add(key);
        lines.push(t(message, { count: value }));
      }
    }
  }
  const version = data['v'];
  if (row.action.startsWith('record.') && typeof version === 'number') {
    used.add('v');
    lines.push(t('audit.detailVersion', { version }));
  }
  if (row.action === 'settings.update') {
    // The entry carries every setting; `changed` names the ones this change touched.
    const changedList = take('changed');
    const changed = (key: string) => !Array.isArray(changedList) || changedList.includes(key);
    const idle = data['idleLockMinutes'];
    if (typeof idle === 'number') {
      used.add('idleLockMinutes');
      if (changed('idleLockMinutes')) lines.push(t('audit.detailIdle', { duration: formatMinutes(idle, language) }));
    }
    const wipe = data['wipeAfterFailedUnlocks'];
    if (wipe === null || typeof wipe === 'number') {
      used.add('wipeAfterFailedUnlocks');
      if (changed('wipeAfterFailedUnlocks')) lines.push(wipe === null ? t('audit.detailWipeOff') : t('audit.detailWipeOn', { count: wipe }));
    }
  }
  return { lines, used };
}

function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The details of one row: sentences, then any remaining raw fields. */
export function AuditDetails({ row }: { row: AuditRow }) {
  const { t, i18n } = useTranslation();
  const { lines, used } = describe(t, i18n.resolvedLanguage ?? 'en', row);
  const rest = Object.entries(row.data).filter(([key]) => !used.has(key));
  if (lines.length === 0 && rest.length === 0) return <span className="screen__muted">—</span>;
  return (
    <ul className="audit__details">
      {lines.map((line, index) => (
        // Index keys: a fixed, ordered list rebuilt from the row on every render.
        <li key={index}>{line}</li>
      ))}
      {rest.map(([key, value]) => (
        <li key={key}>
          <bdi dir="ltr">
            <code>
              {key}: {plain(value)}
            </code>
          </bdi>
        </li>
      ))}
    </ul>
  );
}
