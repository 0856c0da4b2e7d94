/** Loads the name fixtures (tests/fixtures/names) with their shape checked, so a typo fails loudly. */
import { z } from 'zod';
import facilityJson from '../../../fixtures/names/facility-names.json';
import personJson from '../../../fixtures/names/person-names.json';

const fixtureSchema = z.strictObject({
  about: z.string(),
  groups: z.array(z.strictObject({ label: z.string(), names: z.array(z.string().min(1)).min(2) })).min(1),
  distinct: z.array(z.strictObject({ a: z.string(), b: z.string(), why: z.string() })),
  limitations: z.array(
    z.strictObject({ a: z.string(), b: z.string(), expected: z.enum(['same', 'distinct']), suggested: z.boolean(), why: z.string() }),
  ),
});
export type NameFixture = z.infer<typeof fixtureSchema>;

export const FIXTURES = {
  facility: fixtureSchema.parse(facilityJson),
  person: fixtureSchema.parse(personJson),
} as const;

/** Every pair (i < j) of a list. */
export function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}
