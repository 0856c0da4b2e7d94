/**
 * Why a record carried in a partner bundle was refused. Callers (the importer, the CLI) branch
 * on `code`; messages name the rule that broke and where (a field path), never a value from the
 * record, because record contents are witness testimony and must not reach logs or dialogs.
 */

/** Every reason `parseExchangeRecord` refuses bytes, and `encodeExchangeRecord` refuses a value. */
export type ExchangeRecordErrorCode =
  /** Larger than a record entry may be (16 MiB). */
  | 'too-large'
  /** Not strict UTF-8. */
  | 'invalid-utf8'
  /** Not JSON. */
  | 'invalid-json'
  /** JSON, but not the canonical spelling of its value (so two readers could see two records). */
  | 'not-canonical'
  /** Not `sijill-record/1`. */
  | 'unsupported-format'
  /** The record's type differs from what the manifest entry declared. */
  | 'type-mismatch'
  /** Breaks the envelope or the body schema. */
  | 'schema';

/** A record entry was refused (reading) or could not be encoded (writing). */
export class ExchangeRecordError extends Error {
  override readonly name = 'ExchangeRecordError';
  constructor(
    readonly code: ExchangeRecordErrorCode,
    message: string,
  ) {
    super(message);
  }
}
