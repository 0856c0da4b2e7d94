/**
 * Messages of the testimony screens and editor. Registered under `testimony` in i18n/en.ts and
 * ar.ts. Split by screen to keep files small; vocabulary labels come from shared/domain.
 */
import { editorAr } from './i18n/editor-ar';
import { editorEn } from './i18n/editor-en';
import { screensAr } from './i18n/screens-ar';
import { screensEn } from './i18n/screens-en';

const en = { ...screensEn, ...editorEn };
const ar: typeof en = { ...screensAr, ...editorAr };

/** English and Arabic, with the same keys. */
export const testimonyMessages = { en, ar };
