/**
 * Every consent event, newest first: the terms given on each day and each withdrawal. Nothing
 * here is ever edited; a court may ask what the witness agreed to, and when.
 */
import { useTranslation } from 'react-i18next';
import {
  consentForms,
  consentScopes,
  identityDisclosures,
  labelOf,
  recipientClasses,
  type ConsentEvent,
  type Lang,
  type RecipientSet,
} from '../../../../shared/domain';
import { calendarDateText } from '../testimony/form/calendar-date-text';
import { useLanguageLabel } from '../testimony/form/language-fields';
import { useVocabularyLang } from '../testimony/form/vocabulary-fields';

const list = (items: readonly string[], lang: Lang) => items.join(lang === 'ar' ? '، ' : ', ');

function recipients(set: RecipientSet | undefined, lang: Lang): string {
  // Named contacts are shown by count until the contacts feature can name them.
  const classes = (set?.recipientClasses ?? []).map((code) => labelOf(recipientClasses, code, lang));
  const contacts = set?.contactIds.length ?? 0;
  return list(contacts > 0 ? [...classes, `+${contacts}`] : classes, lang);
}

/** The events as a list, newest first. */
export function ConsentHistory({ events }: { events: readonly ConsentEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = useVocabularyLang();
  const languageLabel = useLanguageLabel();
  const date = (value: string) => calendarDateText(value, i18n.resolvedLanguage);
  const yes = (value: boolean) => (value ? t('consent.history.yes') : t('consent.history.no'));
  return (
    <ol className="consent-history" aria-label={t('consent.history.title')} reversed>
      {[...events].reverse().map((event) =>
        event.type === 'granted' ? (
          <li key={event.version} className="consent-history__event">
            <p>
              <strong>{t('consent.history.granted', { version: event.version, date: date(event.date) })}</strong>
            </p>
            <dl>
              <dt>{t('consent.history.form')}</dt>
              <dd>{labelOf(consentForms, event.form, lang)}</dd>
              <dt>{t('consent.history.explainedBy')}</dt>
              <dd>
                <bdi>{event.explainedBy}</bdi> ({languageLabel(event.language)})
              </dd>
              <dt>{t('consent.history.scopes')}</dt>
              <dd>{event.scopes.length > 0 ? list(event.scopes.map((scope) => labelOf(consentScopes, scope, lang)), lang) : t('consent.history.noScopes')}</dd>
              {event.scopes.includes('sharing') && (
                <>
                  <dt>{t('consent.history.sharingWith')}</dt>
                  <dd>{recipients(event.sharing, lang)}</dd>
                </>
              )}
              <dt>{t('consent.history.identity')}</dt>
              <dd>
                {labelOf(identityDisclosures, event.identityDisclosure, lang)}
                {event.identityDisclosure === 'named' && ` — ${recipients(event.namedDisclosureTo, lang)}`}
              </dd>
              <dt>{t('consent.history.recording')}</dt>
              <dd>{yes(event.recordingAllowed)}</dd>
              <dt>{t('consent.history.recontact')}</dt>
              <dd>{yes(event.recontactAllowed)}</dd>
              {event.reviewDate && (
                <>
                  <dt>{t('consent.history.reviewDate')}</dt>
                  <dd>{date(event.reviewDate)}</dd>
                </>
              )}
              <NotesRow notes={event.notes} label={t('consent.history.notes')} />
            </dl>
          </li>
        ) : (
          <li key={event.version} className="consent-history__event consent-history__event--withdrawn">
            <p>
              <strong>{t('consent.history.withdrawn', { version: event.version, date: date(event.date) })}</strong>
            </p>
            <dl>
              <dt>{t('consent.history.withdrawnScopes')}</dt>
              <dd>{event.scope === 'all' ? t('consent.history.all') : list(event.scope.map((scope) => labelOf(consentScopes, scope, lang)), lang)}</dd>
              <dt>{t('consent.history.recordedBy')}</dt>
              <dd>
                <bdi>{event.recordedBy}</bdi>
              </dd>
              <NotesRow notes={event.notes} label={t('consent.history.notes')} />
            </dl>
          </li>
        ),
      )}
    </ol>
  );
}

/** The free-text notes of an event, if any (isolated: they may be in either script). */
function NotesRow({ notes, label }: { notes: string | undefined; label: string }) {
  if (!notes) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <bdi>{notes}</bdi>
      </dd>
    </>
  );
}
