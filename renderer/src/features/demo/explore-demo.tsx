/**
 * "Explore with demo data" on the first-run screen: opens a separate demo vault filled with
 * synthetic testimonies, so a new user can see every screen populated before recording
 * anything real.
 */
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useDemoVault } from './demo-vault-switch';

/** The action and what it means. */
export function ExploreDemo() {
  const { t } = useTranslation();
  const demo = useDemoVault();
  return (
    <section className="explore-demo" aria-labelledby="explore-demo-title">
      <h2 id="explore-demo-title">{t('demo.exploreTitle')}</h2>
      <p>{t('demo.exploreBody')}</p>
      {demo.busy ? (
        <BusyNotice title={t('demo.creating')} />
      ) : (
        <Button onClick={() => void demo.enter()}>{t('demo.explore')}</Button>
      )}
      {demo.failed && (
        <Notice tone="danger" role="alert">
          <p>{t('demo.failed')}</p>
        </Notice>
      )}
    </section>
  );
}
