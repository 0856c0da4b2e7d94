/**
 * The provenance of a received testimony, shown above it: who sent it (label and fingerprint),
 * in which bundle, when it was received, the pseudonym code the sender knows the witness by,
 * whether the signer was verified, and which of the sender's versions each local version is. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../vault/import-types';
import { FingerprintText } from '../contacts/fingerprint-text';
import './import.css';

/** The panel; `provenance` is oldest first (the last is the current version's). */
export function ProvenancePanel({ provenance }: { provenance: readonly Provenance[] }) {
  const { t } = useTranslation();
  const latest = provenance[provenance.length - 1];
  if (!latest) return null;
  return (
    <section className="provenance-panel" aria-labelledby="provenance-title">
      <h2 id="provenance-title">{t('import.provenance.title')}</h2>
      <p>{t('import.provenance.readOnly')}</p>
      <dl className="import-summary__facts">
        <dt>{t('import.provenance.sender')}</dt>
        <dd>
          <bdi>{latest.senderLabel}</bdi>
        </dd>
        <dt>{t('import.provenance.fingerprint')}</dt>
        <dd>
          <FingerprintText value={latest.senderFingerprint} />
        </dd>
        <dt>{t('import.provenance.bundle')}</dt>
        <dd>
          <bdi dir="ltr">{latest.bundleId}</bdi>
        </dd>
        <dt>{t('import.provenance.receivedAt')}</dt>
        <dd>
          <bdi dir="ltr">{latest.receivedAt}</bdi>
        </dd>
        {latest.witnessCode !== undefined && (
          <>
            <dt>{t('import.provenance.witnessCode')}</dt>
            <dd>
              <bdi dir="ltr">{latest.witnessCode}</bdi>
            </dd>
          </>
        )}
      </dl>
      <p>{t(latest.verified ? 'import.provenance.verified' : 'import.provenance.notVerified')}</p>
      <ol>
        {provenance.map((entry) => (
          <li key={entry.localVersion}>
            {t('import.provenance.senderVersion', { version: entry.senderVersion, local: entry.localVersion })} · <bdi dir="ltr">{entry.receivedAt}</bdi>
          </li>
        ))}
      </ol>
    </section>
  );
}
