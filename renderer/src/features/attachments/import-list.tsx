/**
 * Files being attached: a progress bar with Cancel for each, then the outcome. A cancelled or
 * failed import has left nothing in the vault (the worker deleted what it had written).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { errorKey, formatBytes } from './attachment-format';
import type { ImportItem } from './use-attachments';
import { NAME_MARK, withName } from './with-name';

export interface ImportListProps {
  items: readonly ImportItem[];
  onCancel(key: string): void;
  onDismiss(key: string): void;
}

/** The import queue. */
export function ImportList({ items, onCancel, onDismiss }: ImportListProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const language = i18n.resolvedLanguage;
  return (
    <ul className="import-list" aria-label={t('attachments.title')}>
      {items.map((item) => {
        if (item.status === 'queued' || item.status === 'running') {
          const label = t('attachments.importing', { name: item.name });
          return (
            <li key={item.key} className="import-list__item">
              <span className="import-list__name">{withName(t('attachments.importing', { name: NAME_MARK }), item.name)}</span>
              <progress className="import-list__bar" max={Math.max(1, item.size)} value={item.stored} aria-label={label} />
              <span className="import-list__count">{t('attachments.importProgress', { done: formatBytes(item.stored, language), total: formatBytes(item.size, language) })}</span>
              <Button onClick={() => onCancel(item.key)} aria-label={`${t('attachments.cancel')} ${item.name}`}>
                {t('attachments.cancel')}
              </Button>
            </li>
          );
        }
        const text =
          item.status === 'done'
            ? t('attachments.attached', { name: NAME_MARK })
            : item.status === 'cancelled'
              ? t('attachments.cancelled', { name: NAME_MARK })
              : t('attachments.importFailed', { name: NAME_MARK, reason: t(`attachments.errors.${errorKey(item.error)}` as const) });
        return (
          <li key={item.key} className={`import-list__item import-list__item--${item.status}`} role="status">
            <span>{withName(text, item.name)}</span>
            <Button variant="quiet" onClick={() => onDismiss(item.key)}>
              {t('attachments.dismiss')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
