/**
 * A Dexie middleware that makes writes fail the way a full disk does in Chromium
 * (`QuotaExceededError`), for the "nothing partial, input kept" tests.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export interface QuotaFault {
  middleware: Middleware<DBCore>;
  /**
   * Let `after` mutations of `table` through, then fail the following ones (only the next one if
   * `once`). With `types`, only mutations of those kinds count and fail (e.g. `['put']`: a full
   * disk still lets the clean-up's deletes through).
   */
  failAfter(table: string, after: number, options?: { once?: boolean; types?: readonly DBCoreMutateRequest['type'][] }): void;
  disarm(): void;
}

/** A quota fault, disarmed until `failAfter` is called. */
export function quotaFault(): QuotaFault {
  let armed: { table: string; remaining: number; once: boolean; types: readonly DBCoreMutateRequest['type'][] | null } | null = null;
  return {
    failAfter: (table, after, options = {}) => {
      armed = { table, remaining: after, once: options.once ?? false, types: options.types ?? null };
    },
    disarm: () => {
      armed = null;
    },
    middleware: {
      stack: 'dbcore',
      name: 'quota-fault',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) => {
              if (armed === null || armed.table !== name || (armed.types !== null && !armed.types.includes(request.type))) return table.mutate(request);
              if (armed.remaining > 0) {
                armed.remaining -= 1;
                return table.mutate(request);
              }
              if (armed.once) armed = null;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            },
          };
        },
      }),
    },
  };
}
