/**
 * Declaring record kinds. Runs on the renderer's main thread (the parser is a function, which
 * cannot cross to the worker; bodies are validated here on the way in and on the way out).
 *
 * Features declare one kind per record type next to their zod schema from shared/domain:
 *
 *   export const testimonyKind = defineRecordKind('testimony', 'general', testimonySchema);
 */
import type { Compartment, RecordKind } from './vault-client';

const TYPE = /^[a-z][a-z0-9-]{0,47}$/;
/** Types the vault uses for its own rows; a feature may not claim them. */
const RESERVED = new Set(['head-shard', 'settings', 'audit-entry', 'attachment', 'attachment-pending']);

/** Anything with a zod-style `parse`. */
export interface BodyParser<T> {
  parse(input: unknown): T;
}

/**
 * A record kind from a type code, a compartment (`witness` for identifying witness data, with
 * its own key) and a schema or parse function.
 */
export function defineRecordKind<T>(type: string, compartment: Compartment, schema: BodyParser<T> | ((input: unknown) => T)): RecordKind<T> {
  if (!TYPE.test(type) || RESERVED.has(type)) throw new RangeError('invalid record type code');
  const parse = typeof schema === 'function' ? schema : (input: unknown) => schema.parse(input);
  return Object.freeze({ type, compartment, parse });
}
