/**
 * Strict streaming secretstream (XChaCha20-Poly1305) over 64 KiB chunks: the payload of
 * bundles and the chunked storage of attachments. Platform-free; see docs/bundle-format.md.
 */
export { StreamError, type StreamErrorCode } from './errors';
export { IncrementalHasher, type Digests, type Expectation, type HashName, type HasherOptions, type Sha256Factory, type Sha256State, type StreamingHasher, type StreamingHasherFactory, openStreamingHasher } from './hashing';
export { ByteQueue, type ByteQueueOptions } from './byte-queue';
export { Utf8Sink } from './utf8-sink';
export {
  CHUNK_BYTES,
  CHUNK_OVERHEAD,
  CIPHER_CHUNK_BYTES,
  STREAM_HEADER_BYTES,
  STREAM_KEY_BYTES,
  ChunkEncryptor,
  ChunkDecryptor,
  type AssociatedData,
  type StreamOptions,
  type DecryptOptions,
} from './secretstream';
export { encryptChunks, decryptChunks, encryptStream, decryptStream, encryptedStreamLength, plaintextLengthOf, type CompletionOptions } from './streams';
