/**
 * The shape a translation must have: exactly the keys of the English messages, any strings.
 * (The same rule as i18n/en.ts `Messages`, for message files that live in a feature.)
 */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
