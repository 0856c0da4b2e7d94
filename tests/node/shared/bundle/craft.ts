/**
 * Builds bundles that lie, with every cryptographic layer intact: what a malicious sender (or
 * an impostor holding its own keys) can produce. Mirrors writer.ts step by step, with hooks to
 * change the manifest, its bytes, the signature, the frames, the stanzas and the header.
 */
import type { DeviceIdentity } from '../../../../shared/crypto/identity';
import { canonicalJsonBytes } from '../../../../shared/crypto/canonical-json';
import { toBase64url, toHex } from '../../../../shared/bundle/encoding';
import { fingerprintText, fingerprintWith } from '../../../../shared/bundle/fingerprint';
import { FRAME, ZERO_ID, encodeFrameHeader, signatureMessage } from '../../../../shared/bundle/frames';
import { BUNDLE_SUBKEYS, bundleSubkey, encodeHeader, headerHash } from '../../../../shared/bundle/header';
import type { Manifest } from '../../../../shared/bundle/manifest';
import { X25519_STANZA, sealX25519Stanza } from '../../../../shared/bundle/stanzas';
import { encryptStream } from '../../../../shared/stream/streams';
import { collect, concat, items, pattern } from '../stream/helpers';
import { alice, bob, id, s } from './helpers';

/** A plain entry for crafting: bytes in memory. */
export interface CraftEntry {
  readonly id: Uint8Array;
  readonly kind: 'record' | 'blob';
  readonly type: string;
  readonly bytes: Uint8Array;
  readonly name?: string;
}

/** Hooks; each defaults to what an honest writer does. */
export interface Craft {
  readonly sender?: DeviceIdentity;
  /** Who signs (default: the sender). */
  readonly signer?: DeviceIdentity;
  /** Only their public keys are used (a recipient's secrets are never needed to write). */
  readonly recipients?: readonly Pick<DeviceIdentity, 'signPublicKey' | 'boxPublicKey'>[];
  readonly entries?: readonly CraftEntry[];
  /** Stanzas actually written (default: one X25519 stanza per recipient). */
  readonly stanzas?: (fileKey: Uint8Array, honest: { type: number; body: Uint8Array }[]) => { type: number; body: Uint8Array }[];
  readonly manifest?: (honest: Manifest) => unknown;
  readonly manifestBytes?: (canonical: Uint8Array) => Uint8Array;
  readonly signature?: (honest: Uint8Array) => Uint8Array;
  /** The plaintext frames (default: manifest, signature, one per entry, in order). */
  readonly frames?: (frames: { manifest: Uint8Array; signature: Uint8Array; entries: Uint8Array[] }) => Uint8Array[];
}

export const DEFAULT_ENTRIES: readonly CraftEntry[] = [
  { id: id(1), kind: 'record', type: 'testimony', bytes: new TextEncoder().encode('{"code":"T-2026-0001"}') },
  { id: id(2), kind: 'blob', type: 'attachment', bytes: pattern(1000, 9), name: 'photo.jpg' },
  { id: id(3), kind: 'record', type: 'facility', bytes: new TextEncoder().encode('{"name":"Sednaya"}') },
];

/** The frame bytes of one entry. */
export function entryFrame(entry: CraftEntry, overrides: { kind?: number; length?: number } = {}): Uint8Array {
  const kind = overrides.kind ?? (entry.kind === 'record' ? FRAME.record : FRAME.blob);
  return concat(encodeFrameHeader(kind, entry.id, overrides.length ?? entry.bytes.length), entry.bytes);
}

/** Builds a bundle per `craft`; returns its bytes and the parts tests want to inspect. */
export async function craftBundle(craft: Craft = {}) {
  const sender = craft.sender ?? alice;
  const recipients = craft.recipients ?? [bob];
  const entries = craft.entries ?? DEFAULT_ENTRIES;
  const fileKey = pattern(32, 1234);
  const honest = recipients.map((r) => ({ type: X25519_STANZA, body: sealX25519Stanza(s, fileKey, r.boxPublicKey, undefined) }));
  const header = encodeHeader(s, fileKey, craft.stanzas ? craft.stanzas(fileKey, honest) : honest);
  const hash = headerHash(s, header);
  const fpr = (who: Pick<DeviceIdentity, 'signPublicKey' | 'boxPublicKey'>) => fingerprintText(fingerprintWith(s, who.signPublicKey, who.boxPublicKey));
  const manifest: Manifest = {
    format: 'sijill-bundle/1',
    bundle_id: toBase64url(pattern(16, 77)),
    created: '2026-03-01T10:00:00.000Z',
    sender: { label: 'Documentation Team A', sign_pk: toBase64url(sender.signPublicKey), box_pk: toBase64url(sender.boxPublicKey), fingerprint: fpr(sender) },
    recipients: recipients.map(fpr),
    header_hash: toHex(hash),
    sender_seq: 3,
    redaction: 'pseudonymised',
    entries: entries.map((e) => ({
      id: toBase64url(e.id),
      kind: e.kind,
      type: e.type,
      length: e.bytes.length,
      blake2b: toHex(s.crypto_generichash(32, e.bytes, null)),
      ...(e.kind === 'blob' ? { sha256: toHex(s.crypto_hash_sha256(e.bytes)) } : {}),
      ...(e.name ? { name: e.name } : {}),
    })),
    audit_checkpoint: { seq: 1, head: '00'.repeat(32) },
  };
  const edited = craft.manifest ? craft.manifest(structuredClone(manifest)) : manifest;
  const canonical = canonicalJsonBytes(edited, 64 * 1024 * 1024);
  const manifestBytes = craft.manifestBytes ? craft.manifestBytes(canonical) : canonical;
  const honestSignature = s.crypto_sign_detached(signatureMessage(manifestBytes), (craft.signer ?? sender).signSecretKey);
  const signature = craft.signature ? craft.signature(honestSignature) : honestSignature;
  const parts = {
    manifest: concat(encodeFrameHeader(FRAME.manifest, ZERO_ID, manifestBytes.length), manifestBytes),
    signature: concat(encodeFrameHeader(FRAME.signature, ZERO_ID, signature.length), signature),
    entries: entries.map((e) => entryFrame(e)),
  };
  const frames = craft.frames ? craft.frames(parts) : [parts.manifest, parts.signature, ...parts.entries];
  const payloadKey = bundleSubkey(s, fileKey, BUNDLE_SUBKEYS.payload);
  const payload = await collect(encryptStream(payloadKey, items(frames), { ad: hash }));
  return { bytes: concat(header, payload), header, fileKey, manifest, hash };
}
