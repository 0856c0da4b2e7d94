/**
 * The running app's description from the platform port, loaded once per platform.
 */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../platform/platform';
import { usePlatform } from '../../platform/platform-context';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed' };

/** Asks the platform for its AppInfo; never throws into rendering. */
export function useAppInfo(): AppInfoState {
  const platform = usePlatform();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    platform.appInfo().then(
      (info) => {
        if (live) setState({ status: 'ready', info });
      },
      () => {
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [platform]);
  return state;
}
