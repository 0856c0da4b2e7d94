/**
 * The attributes every input that takes sensitive text carries (DESIGN.md §9): no autofill
 * (the browser would store what was typed), no spellchecker (it may send words to a cloud
 * service and keeps a custom dictionary on disk), no auto-capitalisation or autocorrection
 * (they change a passphrase behind the user's back on touch keyboards).
 */
export const SENSITIVE_INPUT_PROPS = {
  autoComplete: 'off',
  spellCheck: false,
  autoCapitalize: 'off',
  autoCorrect: 'off',
} as const;
