import { describe, expect, it } from 'vitest';
import {
  ALL_VOCABULARIES,
  actSchema,
  acts,
  defineVocabulary,
  identificationBases,
  labelOf,
  perpetratorRoles,
  recipientClassSchema,
  testimonyKinds,
  testimonyStatusSchema,
} from '../../../../shared/domain/vocabularies';

const ARABIC = /[\u0600-\u06FF]/u;

describe('controlled vocabularies', () => {
  it('have unique lowercase codes and both labels, the Arabic one in Arabic script', () => {
    for (const vocab of ALL_VOCABULARIES) {
      expect(new Set(vocab.codes).size, vocab.id).toBe(vocab.codes.length);
      for (const entry of vocab.entries) {
        expect(entry.code, vocab.id).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(entry.en.trim(), `${vocab.id}/${entry.code}`).not.toBe('');
        expect(entry.ar, `${vocab.id}/${entry.code}`).toMatch(ARABIC);
      }
    }
  });

  it('list every act the brief requires, each in a group', () => {
    const required = [
      'beating', 'shabeh', 'dulab', 'bisat_al_rih', 'electric_shocks', 'burning', 'stress_positions', 'sexual_violence',
      'rape', 'threat_of_sexual_violence', 'sleep_deprivation', 'deprivation_food_water', 'denial_medical_care',
      'solitary_confinement', 'enforced_disappearance', 'mock_execution', 'humiliation', 'forced_nudity', 'overcrowding',
      'witnessing_torture', 'witnessing_killing', 'killing', 'extortion',
    ];
    for (const code of required) expect(acts.codes, code).toContain(code);
    for (const entry of acts.entries) expect(['physical', 'positional', 'sexual', 'psychological', 'deprivation', 'detention', 'killing', 'other']).toContain(entry.group);
  });

  it('cover the roles and identification bases of DESIGN §4', () => {
    expect(perpetratorRoles.codes).toEqual(['directly_carried_out', 'gave_orders', 'present', 'planned', 'suspected']);
    expect(identificationBases.codes).toEqual(
      expect.arrayContaining(['saw_face', 'knew_name', 'heard_name_called', 'recognised_voice', 'told_by_others']),
    );
  });

  it('give labels by code and language', () => {
    expect(labelOf(testimonyKinds, 'survivor_account', 'en')).toBe('Survivor account');
    expect(labelOf(acts, 'shabeh', 'ar')).toBe('الشبح (التعليق)');
    expect(labelOf(acts, 'bisat_al_rih', 'en')).toBe('Flying carpet (bisat al-rih)');
  });

  it('show an unknown code (from a newer export) as itself instead of hiding it', () => {
    expect(labelOf(acts, 'future_code' as never, 'en')).toBe('future_code');
  });

  it('derive zod enums that accept exactly the codes in the data', () => {
    expect(actSchema.parse('dulab')).toBe('dulab');
    expect(actSchema.safeParse('Dulab').success).toBe(false);
    expect(actSchema.safeParse('torture').success).toBe(false);
    expect(testimonyStatusSchema.options).toEqual(['draft', 'complete', 'reviewed', 'sealed']);
    expect(recipientClassSchema.safeParse('un_mechanism').success).toBe(true);
  });

  it('refuse malformed vocabulary data at load', () => {
    expect(() => defineVocabulary('x', [{ code: 'Bad Code', en: 'a', ar: 'ب' }])).toThrow(/bad code/);
    expect(() =>
      defineVocabulary('x', [
        { code: 'same', en: 'a', ar: 'ب' },
        { code: 'same', en: 'c', ar: 'د' },
      ]),
    ).toThrow(/duplicate/);
    expect(() => defineVocabulary('x', [{ code: 'ok', en: 'a', ar: ' ' }])).toThrow(/missing label/);
  });
});
