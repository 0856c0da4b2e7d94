/**
 * SHA-256 from Node's crypto (OpenSSL, with the CPU's SHA instructions where present) for the
 * bundle code in shared/, which stays platform-free and takes it as an injected factory.
 * libsodium's WASM SHA-256 is several times slower and was the largest per-byte cost of
 * `open`, `verify` and `seal` on attachments. Same digest either way (the tests compare them).
 */
import { createHash } from 'node:crypto';
import type { Sha256Factory } from '../shared/stream/hashing';

/** A fresh incremental SHA-256 per entry; the digest is a plain Uint8Array (not a Buffer). */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => new Uint8Array(hash.digest()),
  };
};
