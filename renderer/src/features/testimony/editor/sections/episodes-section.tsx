/**
 * Detention episodes: each stay in one facility, from when to when (as the witness remembers
 * it), and where inside. The facility is picked, or created on the spot, without leaving the
 * testimony.
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/button';
import { PartialDateFields } from '../../../facility';
import { TextField } from '../../form/text-fields';
import { FacilityLink } from '../../link-pickers/facility-link';
import { newEpisode, type TestimonyValues } from '../testimony-values';
import { SectionFrame } from './section-frame';

/** Every detention episode, and "Add a detention episode". */
export function EpisodesSection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<TestimonyValues>();
  const episodes = useFieldArray({ control, name: 'detentionEpisodes' });
  return (
    <SectionFrame id="testimony-episodes" title={t('testimony.episodes.title')}>
      <p className="case-form__muted">{t('testimony.episodes.intro')}</p>
      {episodes.fields.map((field, index) => (
        <div key={field.id} className="case-form__item" role="group" aria-labelledby={`episode-${field.id}`}>
          <h3 id={`episode-${field.id}`}>{t('testimony.episodes.itemTitle', { number: index + 1 })}</h3>
          <FacilityLink name={`detentionEpisodes.${index}.facilityId`} label={t('testimony.episodes.facility')} readOnly={readOnly} />
          <PartialDateFields name={`detentionEpisodes.${index}.from`} legend={t('testimony.episodes.from')} disabled={readOnly} />
          <PartialDateFields name={`detentionEpisodes.${index}.to`} legend={t('testimony.episodes.to')} disabled={readOnly} />
          <TextField name={`detentionEpisodes.${index}.placeInFacility`} label={t('testimony.episodes.place')} hint={t('testimony.episodes.placeHint')} />
          <TextField name={`detentionEpisodes.${index}.notes`} rows={2} label={t('testimony.episodes.notes')} />
          {!readOnly && (
            <Button variant="quiet" onClick={() => episodes.remove(index)}>
              {t('testimony.episodes.remove', { number: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      {!readOnly && <Button onClick={() => episodes.append(newEpisode())}>{t('testimony.episodes.add')}</Button>}
    </SectionFrame>
  );
}
