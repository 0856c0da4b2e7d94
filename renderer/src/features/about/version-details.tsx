/**
 * The "version information" list of the About view. Version numbers, runtime names and the
 * operating system are not translated; they sit in <bdi dir="ltr"> so "Chromium 142" keeps its
 * order inside an Arabic line.
 */
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../platform/platform';

export interface VersionDetailsProps {
  info: AppInfo;
  kind: 'electron' | 'web';
}

function runtimeOf(info: AppInfo, kind: 'electron' | 'web'): string {
  if (kind === 'web') return info.chrome ? `Chromium ${info.chrome}` : '';
  return [`Electron ${info.electron}`, `Chromium ${info.chrome}`, info.platform].filter(Boolean).join(' · ');
}

/** A definition list: name, version, platform, runtime, build. */
export function VersionDetails({ info, kind }: VersionDetailsProps) {
  const { t } = useTranslation();
  const runtime = runtimeOf(info, kind);
  return (
    <dl className="about__facts">
      <dt>{t('about.name')}</dt>
      <dd>
        <bdi>{info.name}</bdi>
      </dd>
      <dt>{t('about.version')}</dt>
      <dd>
        <bdi dir="ltr">{info.version}</bdi>
      </dd>
      <dt>{t('about.platform')}</dt>
      <dd>{kind === 'web' ? t('about.web') : t('about.desktop')}</dd>
      <dt>{t('about.runtime')}</dt>
      <dd>{runtime ? <bdi dir="ltr">{runtime}</bdi> : t('about.notReported')}</dd>
      <dt>{t('about.build')}</dt>
      <dd>{info.packaged ? t('about.release') : t('about.development')}</dd>
    </dl>
  );
}
