/**
 * Sharing what the records of a case file repeat, as they are read at unlock (issue 7). Each
 * record arrives as its own parsed JSON, so the id of a facility linked from 30,000 testimonies
 * is 30,000 strings, and every "June 2012" or `["overcrowding"]` is a new object: at 100,000
 * testimonies that is most of the UI thread's memory. The interner keeps one copy of each
 * (ids, partial dates, short lists) and points every record at it. Runs on the renderer's main
 * thread, inside the validation of each record (so in the same time slices).
 *
 * Shared objects and lists are frozen: the case file never modifies a record it holds (a
 * change is a new record), and freezing turns any slip into an error instead of a change
 * seen by thousands of records. The interner lives for one load and is dropped after it.
 */
import type { ConsentRecord, PartialDate, RecipientSet } from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';
import type { TestimonySummary } from './testimony-summary';

/** The one empty list (frozen like every shared list; typed mutable as the schemas' output types are). */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** See the file comment. */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly dates = new Map<number, PartialDate>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly recipients = new Map<string, RecipientSet>();

  /** The first copy seen of `value`. */
  id(value: Id): Id {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private date(date: PartialDate): PartialDate {
    // Year, month, day and approximate fix a partial date (precision follows from them).
    const key = (((date.year * 13 + (date.month ?? 0)) * 32 + (date.day ?? 0)) * 2 + (date.approximate ? 1 : 0)) * 3 + ['year', 'month', 'day'].indexOf(date.precision);
    const known = this.dates.get(key);
    if (known) return known;
    this.dates.set(key, Object.freeze(date));
    return date;
  }

  private list<T extends string>(items: T[]): T[] {
    if (items.length === 0) return EMPTY;
    const key = items.length === 1 ? (items[0] as string) : JSON.stringify(items);
    const known = this.lists.get(key);
    // Keys of one-item lists and of longer ones could meet (a tag spelled like a JSON array):
    // the list found is used only if it is the same list.
    if (known && known.length === items.length && known.every((item, n) => item === items[n])) return known as T[];
    this.lists.set(key, Object.freeze(items));
    return items;
  }

  /** `body` (a summary just parsed, owned by the caller) with its repeated parts shared. */
  testimony(body: TestimonySummary): TestimonySummary {
    body.sessionDates = this.list(body.sessionDates);
    body.tags = this.list(body.tags);
    body.attachmentIds = this.list(body.attachmentIds);
    for (const episode of body.detentionEpisodes) {
      episode.facilityId = this.id(episode.facilityId);
      if (episode.from) episode.from = this.date(episode.from);
      if (episode.to) episode.to = this.date(episode.to);
    }
    for (const allegation of body.allegations) {
      if (allegation.perpetratorId !== undefined) allegation.perpetratorId = this.id(allegation.perpetratorId);
      if (allegation.facilityId !== undefined) allegation.facilityId = this.id(allegation.facilityId);
      if (allegation.date) allegation.date = this.date(allegation.date);
      allegation.acts = this.list(allegation.acts);
      allegation.identificationBasis = this.list(allegation.identificationBasis);
    }
    // The testimony's own id is unique (nothing to share); its witness and consent records
    // carry the same ids as theirs.
    if (body.witnessId !== undefined) body.witnessId = this.id(body.witnessId);
    if (body.consentId !== undefined) body.consentId = this.id(body.consentId);
    return body;
  }

  private recipientSet(set: RecipientSet): RecipientSet {
    if (set.contactIds.length === 0 && set.recipientClasses.length === 0) {
      const known = this.recipients.get('');
      if (known) return known;
    }
    set.contactIds = this.list(set.contactIds.map((id) => this.id(id)));
    set.recipientClasses = this.list(set.recipientClasses);
    const key = JSON.stringify(set);
    const known = this.recipients.get(key);
    if (known) return known;
    this.recipients.set(key, Object.freeze(set));
    if (set.contactIds.length === 0 && set.recipientClasses.length === 0) this.recipients.set('', set);
    return set;
  }

  /** `body` (a consent record just parsed, owned by the caller) with its repeated parts shared. */
  consent(body: ConsentRecord): ConsentRecord {
    body.id = this.id(body.id);
    if (body.witnessId !== undefined) body.witnessId = this.id(body.witnessId);
    for (const event of body.events) {
      if (event.type !== 'granted') continue;
      event.scopes = this.list(event.scopes);
      event.sharing = this.recipientSet(event.sharing);
      if (event.namedDisclosureTo) event.namedDisclosureTo = this.recipientSet(event.namedDisclosureTo);
    }
    return body;
  }
}
