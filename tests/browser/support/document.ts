/** Puts <html> back as index.html ships it, so no test inherits another's language. */
export function resetDocumentLanguage(): void {
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
  document.title = 'Sijill';
}
