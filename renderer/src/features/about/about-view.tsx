/**
 * About Sijill: what it is for, which build is running, what it does and does not protect
 * against, and its licence.
 */
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import './about.css';
import { useAppInfo } from './use-app-info';
import { VersionDetails } from './version-details';

/** The SPDX identifier from package.json; an identifier, so never translated. */
const LICENCE_ID = 'AGPL-3.0-only';

export interface AboutViewProps {
  focusOnMount?: boolean;
  onBack(): void;
}

/** The About screen, with a Back button to wherever the user came from. */
export function AboutView({ focusOnMount = false, onBack }: AboutViewProps) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const appInfo = useAppInfo();
  return (
    <Screen title={t('about.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('about.purpose')}</p>

      <h2>{t('about.versionTitle')}</h2>
      {appInfo.status === 'loading' && <p role="status">{t('about.loading')}</p>}
      {appInfo.status === 'failed' && <p>{t('about.unavailable')}</p>}
      {appInfo.status === 'ready' && <VersionDetails info={appInfo.info} kind={platform.kind} />}
      {platform.kind === 'web' && (
        <Notice>
          <p>{t('about.webStorageNote')}</p>
        </Notice>
      )}

      <h2>{t('about.securityTitle')}</h2>
      <ul>
        <li>{t('about.noNetwork')}</li>
        <li>{t('about.encrypted')}</li>
        <li>{t('about.noCookies')}</li>
        <li>{t('about.limits')}</li>
      </ul>

      <h2>{t('about.licenceTitle')}</h2>
      <p>{t('about.licence')}</p>
      <dl className="about__facts">
        <dt>{t('about.licenceId')}</dt>
        <dd>
          <bdi dir="ltr">
            <code>{LICENCE_ID}</code>
          </bdi>
        </dd>
      </dl>

      <div className="screen__actions">
        <Button onClick={onBack}>{t('shell.back')}</Button>
      </div>
    </Screen>
  );
}
