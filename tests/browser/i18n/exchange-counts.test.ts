// Counts in the export, import and backup messages read right for every number, in English
// ("1 attachments" was the bug) and in Arabic (six plural forms): as elsewhere in the app, a
// count stands after a label ("Attachments: 1", «عدد المرفقات: 1»), never before a noun whose
// form would depend on it.
import { describe, expect, it } from 'vitest';
import { backupMessages } from '../../../renderer/src/features/backup/messages';
import { exportMessages } from '../../../renderer/src/features/export/messages';
import { importMessages } from '../../../renderer/src/features/import/messages';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';

type Tree = { readonly [key: string]: string | Tree };

/** Every message as [dotted key, text]. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

/** Placeholders that are numbers of things. */
const COUNTS = ['count', 'created', 'updated', 'unchanged', 'attachments', 'facilities', 'perpetrators', 'witnesses', 'entries', 'recordings', 'photos'];

const FEATURES = { exportBundle: exportMessages, import: importMessages, backup: backupMessages } as const;

function messages(language: 'en' | 'ar'): [string, string][] {
  return Object.entries(FEATURES).flatMap(([namespace, feature]) => flatten(feature[language], `${namespace}.`));
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '');

describe('counts in the exchange messages', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`puts every count after a label (${language})`, () => {
      const before = messages(language).flatMap(([key, text]) =>
        placeholders(text)
          .filter((name) => COUNTS.includes(name))
          .filter((name) => !new RegExp(`[:(]\\s*{{\\s*${name}\\s*}}`).test(text))
          .map((name) => `${key} {{${name}}}`),
      );
      expect(before).toEqual([]);
    });
  }

  it('never says "1 <plural>" in English, whatever the message', () => {
    const i18n = createI18n('en');
    const wrong = messages('en').flatMap(([key, text]) => {
      const values = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
      const shown = i18n.t(key, values);
      return /\b1 (?:[a-z]+ )?[a-z]+s\b/.test(shown) ? [`${key}: ${shown}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
