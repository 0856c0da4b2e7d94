/**
 * The bench's synthetic case file: deterministic for a seed, Arabic and English, built from
 * the demo vault's respectful, non-graphic templates and fictional people (demo/, read-only).
 * Runs on the bench page's main thread. Pure: writing it into a vault is populate.ts.
 *
 * Shape per testimony (issue 7): a ~5 KB narrative, 3 facility links (detention episodes),
 * 2 alleged-perpetrator links, 1 in 10 with one attachment of 64 KiB–1 MiB (mean 192 KiB). Testimonies are
 * made on demand by index, so 100,000 of them never sit in memory as objects at once.
 * Every odd-numbered testimony (1 in 2, every one with an attachment among them) has a witness
 * and a consent record that allows sharing with the bench's verified partner contact, so the
 * export workload has something consent lets go; the others have neither (export leaves them out).
 */
import type { AllegedPerpetrator, Allegation, ConsentRecord, DetentionEpisode, Facility, Testimony, Witness } from '../../../shared/domain';
import type { Id } from '../../../shared/domain/ids';
import { buildDemoData } from '../../../renderer/src/features/records/demo/demo-data';
import { DemoRandom } from '../../../renderer/src/features/records/demo/demo-random';
import { FAMILY_NAMES, GIVEN_NAMES } from '../../../renderer/src/features/records/demo/demo-texts';
import { formatPseudonymCode, formatReferenceCode } from '../../../renderer/src/features/records/reference-codes';

/** The profile workload reads this many allegations of one person (issue 4's budget). */
export const PROFILE_ALLEGATIONS = 500;
/** A typical narrative, in UTF-8 bytes. */
const NARRATIVE_BYTES = 5000;
const KiB = 1024;

export interface SyntheticVault {
  readonly seed: number;
  readonly facilities: readonly Facility[];
  readonly perpetrators: readonly AllegedPerpetrator[];
  /** The alleged perpetrator with `min(PROFILE_ALLEGATIONS, count)` allegations. */
  readonly profileId: Id;
  /** Testimony number `index` (any index ≥ 0; the same every time). */
  testimony(index: number): Testimony;
  /** Attachment size for testimony `index`, or null (1 in 10 have one). */
  attachmentBytes(index: number): number | null;
  /** The witness of testimony `index`, or null (only shared testimonies have one). */
  witness(index: number): Witness | null;
  /** The consent of testimony `index`, sharing with contact `partnerId`, or null. */
  consent(index: number, partnerId: Id): ConsentRecord | null;
}

/** Testimony `index` has a witness and a consent that lets it go to the partner (1 in 2). */
export const isShared = (index: number): boolean => index % 2 === 1;

const encoder = new TextEncoder();

/** Repeats the template's paragraphs (with a numbered note, so digits are searchable) up to ~5 KB. */
function narrativeOf(template: string, index: number, arabic: boolean): string {
  const note = arabic ? `ملاحظة المقابلة رقم ${index + 1}.` : `Interview note number ${index + 1}.`;
  const parts = [template, note];
  let bytes = encoder.encode(template).length + encoder.encode(note).length;
  while (bytes < NARRATIVE_BYTES) {
    parts.push(template);
    bytes += encoder.encode(template).length + 2;
  }
  return parts.join('\n\n');
}

/** Fictional extra people, so links spread over many profiles (about one per 100 testimonies). */
function extraPerpetrators(random: DemoRandom, template: AllegedPerpetrator, count: number): AllegedPerpetrator[] {
  const people: AllegedPerpetrator[] = [];
  for (let n = 0; n < count; n += 1) {
    const text = `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)} ${n + 1}`;
    people.push({ ...template, id: random.id(), names: [{ text, kind: 'full_name', lang: /[a-z]/i.test(text) ? 'en' : 'ar', source: { note: 'Synthetic bench data' } }] });
  }
  return people;
}

/** Builds the synthetic vault of `count` testimonies for `seed`. */
export function syntheticVault(seed: number, count: number): SyntheticVault {
  const demo = buildDemoData(seed, 36);
  const random = new DemoRandom(seed + 1);
  // The demo's duplicate facility is left out: every link goes to a distinct, named place.
  const facilities = demo.facilities.slice(0, 10);
  const [hero, second] = demo.perpetrators;
  if (!hero || !second) throw new Error('demo data has no perpetrators');
  const subject: AllegedPerpetrator = hero;
  const extras = extraPerpetrators(random, second, Math.max(10, Math.floor(count / 100)));
  // Everyone but the profile's subject takes the other links, round robin.
  const others = [...demo.perpetrators.slice(1), ...extras];
  const perpetrators = [...demo.perpetrators, ...extras];
  const facilityAt = (n: number) => facilities[n % facilities.length] as Facility;
  const otherAt = (n: number) => others[n % others.length] as AllegedPerpetrator;

  /** Every id of testimony `index`, drawn in a fixed order (the witness and consent reuse them). */
  function idsOf(index: number) {
    const r = new DemoRandom(seed * 1_000_003 + index);
    return { episodes: [r.id(), r.id(), r.id()] as const, allegations: [r.id(), r.id()] as const, testimony: r.id(), witness: r.id(), consent: r.id() };
  }

  function testimony(index: number): Testimony {
    const ids = idsOf(index);
    const template = demo.testimonies[index % demo.testimonies.length] as Testimony;
    const arabic = template.narrative.language === 'ar';
    const [f1, f2, f3] = [facilityAt(index), facilityAt(index + 3), facilityAt(index + 6)];
    const [e1, e2] = template.detentionEpisodes as [DetentionEpisode, DetentionEpisode];
    const episodes: DetentionEpisode[] = [
      { ...e1, id: ids.episodes[0], facilityId: f1.id },
      { ...e2, id: ids.episodes[1], facilityId: f2.id },
      { ...e2, id: ids.episodes[2], facilityId: f3.id },
    ];
    const base = template.allegations[0] as Allegation;
    const first = index < PROFILE_ALLEGATIONS ? subject.id : otherAt(index).id;
    const allegations: Allegation[] = [
      { ...base, id: ids.allegations[0], perpetratorId: first, facilityId: f1.id },
      { ...base, id: ids.allegations[1], perpetratorId: otherAt(index * 7 + 1).id, facilityId: f2.id },
    ];
    const { witnessId: _w, consentId: _c, ...rest } = template;
    return {
      ...rest,
      id: ids.testimony,
      referenceCode: formatReferenceCode(2025, index + 1),
      narrative: { language: template.narrative.language, text: narrativeOf(template.narrative.text, index, arabic) },
      detentionEpisodes: episodes,
      allegations,
      attachmentIds: [],
      ...(isShared(index) ? { witnessId: ids.witness, consentId: ids.consent } : {}),
    };
  }

  function witness(index: number): Witness | null {
    if (!isShared(index)) return null;
    const template = demo.witnesses[index % demo.witnesses.length] as Witness;
    const r = new DemoRandom(seed + 7 * index);
    return { ...template, id: idsOf(index).witness, pseudonymCode: formatPseudonymCode(index + 1), fullName: `${r.pick(GIVEN_NAMES)} ${r.pick(FAMILY_NAMES)}` };
  }

  function consent(index: number, partnerId: Id): ConsentRecord | null {
    if (!isShared(index)) return null;
    const ids = idsOf(index);
    return {
      id: ids.consent,
      witnessId: ids.witness,
      events: [
        {
          type: 'granted',
          version: 1,
          date: '2025-06-01',
          form: 'written',
          explainedBy: 'DOC-02',
          language: 'ar',
          scopes: ['internal_archive', 'legal_proceedings', 'sharing'],
          sharing: { contactIds: [partnerId], recipientClasses: [] },
          identityDisclosure: 'pseudonym_only',
          recordingAllowed: true,
          recontactAllowed: true,
        },
      ],
    };
  }

  function attachmentBytes(index: number): number | null {
    if (index % 10 !== 5) return null;
    // 64 KiB × 2^k, k = 0..4 with chances 1/2, 1/4, 1/8, 1/16, 1/16: 64 KiB to 1 MiB, most of
    // them small as scans and photos are (mean 192 KiB: about 2 GB of attachments at 100,000).
    const roll = new DemoRandom(seed + index).int(0, 15);
    const k = roll < 8 ? 0 : roll < 12 ? 1 : roll < 14 ? 2 : roll < 15 ? 3 : 4;
    return 64 * KiB * 2 ** k;
  }

  return { seed, facilities, perpetrators, profileId: hero.id, testimony, attachmentBytes, witness, consent };
}
