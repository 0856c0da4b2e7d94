import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { bindDocumentLanguage } from '../../../renderer/src/i18n/document-language';
import { detectLanguage, directionOf, LANGUAGES } from '../../../renderer/src/i18n/languages';
import { resetDocumentLanguage } from '../support/document';

afterEach(resetDocumentLanguage);

describe('language choice', () => {
  it('starts in Arabic for any ar tag and in English otherwise', () => {
    for (const tag of ['ar', 'ar-SY', 'AR-eg', 'ar-Latn']) expect(detectLanguage(tag), tag).toBe('ar');
    for (const tag of ['en-US', 'fr-FR', 'arn-CL', 'fa-IR', '', undefined]) expect(detectLanguage(tag), String(tag)).toBe('en');
  });

  it('writes Arabic right to left and names each language in itself', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(LANGUAGES.map((language) => [language.code, language.endonym, language.dir])).toEqual([
      ['en', 'English', 'ltr'],
      ['ar', 'العربية', 'rtl'],
    ]);
  });

  it('initialises synchronously with bundled resources', () => {
    const i18n = createI18n('ar');
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.t('app.name')).toBe('سجل');
    expect(createI18n('en').t('app.name')).toBe('Sijill');
  });
});

describe('document language', () => {
  it('follows the UI language: lang, dir and title, until unbound', async () => {
    const i18n = createI18n('en');
    const unbind = bindDocumentLanguage(i18n);
    const html = document.documentElement;
    expect([html.lang, html.dir, document.title]).toEqual(['en', 'ltr', 'Sijill']);

    await i18n.changeLanguage('ar');
    expect([html.lang, html.dir, document.title]).toEqual(['ar', 'rtl', 'سجل']);

    unbind();
    await i18n.changeLanguage('en');
    expect(html.dir).toBe('rtl');
  });
});
