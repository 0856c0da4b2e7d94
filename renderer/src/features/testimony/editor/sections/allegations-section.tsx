/**
 * The allegations of a testimony. A new allegation starts at the facility of the last
 * detention episode, the usual case ("in Sednaya, the guard they called…").
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/button';
import { newAllegation, type TestimonyValues } from '../testimony-values';
import { AllegationItem } from './allegation-item';
import { SectionFrame } from './section-frame';

/** Every allegation, and "Add an allegation". */
export function AllegationsSection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<TestimonyValues>();
  const allegations = useFieldArray({ control, name: 'allegations' });
  const add = () => {
    const episodes = getValues('detentionEpisodes');
    allegations.append(newAllegation(episodes.at(-1)?.facilityId ?? ''));
  };
  return (
    <SectionFrame id="testimony-allegations" title={t('testimony.allegations.title')}>
      <p className="case-form__muted">{t('testimony.allegations.intro')}</p>
      {allegations.fields.map((field, index) => (
        <AllegationItem key={field.id} index={index} readOnly={readOnly} onRemove={() => allegations.remove(index)} />
      ))}
      {!readOnly && <Button onClick={add}>{t('testimony.allegations.add')}</Button>}
    </SectionFrame>
  );
}
