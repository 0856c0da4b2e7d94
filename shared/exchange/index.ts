/**
 * The records carried in partner bundles (`sijill-record/1`): the contract between the export
 * (vault worker) and the import, and what the `sijill-bundle` tool writes out. Platform-free.
 * Shape: docs/bundle-format.md, "Records carried by the app".
 */
export { ExchangeRecordError, type ExchangeRecordErrorCode } from './errors';
export {
  attachmentInfoSchema,
  attachmentOwnerSchema,
  MAX_ATTACHMENT_NAME_CHARS,
  MAX_ATTACHMENT_MEDIA_TYPE_CHARS,
  MAX_ATTACHMENT_ADDED_BY_CHARS,
  type AttachmentInfoBody,
} from './attachment-info';
export {
  EXCHANGE_RECORD_FORMAT,
  EXCHANGE_RECORD_TYPES,
  exchangeRecordSchema,
  encodeExchangeRecord,
  parseExchangeRecord,
  type ExchangeRecord,
  type ExchangeRecordInput,
  type ExchangeRecordOf,
  type ExchangeRecordType,
} from './record';
