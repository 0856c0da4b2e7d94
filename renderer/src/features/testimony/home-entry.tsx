/**
 * The home screen's main entry once the vault is open: the testimonies, how many there are and
 * how many are still drafts, and the two things a documenter comes for (open the list, record
 * a new one).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { useTestimonies } from '../records';

const DRAFTS = { status: ['draft'] } as const;

export interface TestimoniesEntryProps {
  onOpenList(): void;
  onNew(): void;
}

/** Heading, counts and the two actions. */
export function TestimoniesEntry({ onOpenList, onNew }: TestimoniesEntryProps) {
  const { t } = useTranslation();
  const drafts = useTestimonies(DRAFTS);
  return (
    <section className="testimonies-entry" aria-labelledby="testimonies-entry-title">
      <h2 id="testimonies-entry-title">{t('testimony.home.title')}</h2>
      <p role="status">
        {drafts.status === 'ready'
          ? t('testimony.home.counts', { total: drafts.total, drafts: drafts.items.length })
          : drafts.status === 'failed'
            ? t('testimony.list.failed')
            : t('testimony.list.loading')}
      </p>
      <div className="screen__actions">
        <Button variant="primary" onClick={onOpenList}>
          {t('testimony.home.open')}
        </Button>
        <Button onClick={onNew}>{t('testimony.list.new')}</Button>
      </div>
    </section>
  );
}
