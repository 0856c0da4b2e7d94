/**
 * Who signed, and for whom: forged and impostor signatures, swapped sender keys, fingerprints
 * that do not match, a header re-wrapped for someone else, recipients lists that lie, pinned
 * contacts (verified / unverified / key changed), and replayed bundles.
 */
import { describe, expect, it } from 'vitest';
import { toBase64url, toHex } from '../../../../shared/bundle/encoding';
import { BundleError } from '../../../../shared/bundle/errors';
import { fingerprintText, fingerprintWith } from '../../../../shared/bundle/fingerprint';
import type { ReplayQuery } from '../../../../shared/bundle/manifest-checks';
import { sealX25519Stanza } from '../../../../shared/bundle/stanzas';
import { failsWith, flipBit } from '../stream/helpers';
import { craftBundle } from './craft';
import { ALICE, alice, bob, carol, mallory, publicOf, read, s, writeBytes } from './helpers';

const fpr = (who: typeof alice) => fingerprintText(fingerprintWith(s, who.signPublicKey, who.boxPublicKey));

describe('signature and sender', () => {
  it('refuses a manifest signed by a key other than the one it names', async () => {
    const { bytes } = await craftBundle({ signer: mallory });
    await failsWith(() => read(bytes), BundleError, 'bad-signature');
  });

  it('refuses a damaged signature', async () => {
    const { bytes } = await craftBundle({ signature: (sig) => flipBit(sig, 100) });
    await failsWith(() => read(bytes), BundleError, 'bad-signature');
  });

  it('refuses a sender fingerprint that does not match the sender keys', async () => {
    const { bytes } = await craftBundle({ manifest: (m) => ((m.sender.fingerprint = fpr(carol)), m) });
    await failsWith(() => read(bytes), BundleError, 'fingerprint-mismatch');
  });

  it('reports an impostor (valid signature, unknown key, borrowed label) as unverified', async () => {
    const { bytes } = await craftBundle({ sender: mallory }); // label "Documentation Team A"
    const result = await read(bytes);
    expect(result.sender.label).toBe(ALICE.label);
    expect(result.sender.trust).toEqual({ status: 'unverified' });
    expect((await read(bytes, { pinned: [] })).sender.trust.status).toBe('unverified');
  });

  it('reports swapped sender keys (pinned signing key, foreign box key) as key-changed', async () => {
    const swapped = { ...alice, boxPublicKey: mallory.boxPublicKey };
    const { bytes } = await craftBundle({ sender: swapped });
    expect((await read(bytes)).sender.trust).toEqual({ status: 'key-changed', contact: ALICE });
    const other = { ...mallory, boxPublicKey: alice.boxPublicKey };
    const { bytes: second } = await craftBundle({ sender: other });
    expect((await read(second)).sender.trust.status).toBe('key-changed');
  });

  it('matches pinned contacts by key, never by label', async () => {
    const bytes = await writeBytes();
    expect((await read(bytes, { pinned: [publicOf(alice, 'Another label')] })).sender.trust.status).toBe('verified');
    expect((await read(bytes, { pinned: [publicOf(mallory, ALICE.label)] })).sender.trust.status).toBe('unverified');
  });
});

describe('binding to this header and this recipient', () => {
  it('refuses a header re-wrapped for another recipient under the original signed manifest', async () => {
    // Bob holds the file key: he can re-seal it to Carol and recompute the MAC, but not re-sign,
    // so Alice's original manifest (and signature: Ed25519 is deterministic) travels unchanged.
    const original = await craftBundle();
    const { bytes } = await craftBundle({ stanzas: (fileKey) => [{ type: 1, body: sealX25519Stanza(s, fileKey, carol.boxPublicKey, undefined) }], manifest: () => original.manifest });
    await failsWith(() => read(bytes, { unlock: { identity: carol } }), BundleError, 'header-hash-mismatch');
  });

  it('refuses a stated header hash that differs', async () => {
    const { bytes } = await craftBundle({ manifest: (m) => ((m.header_hash = toHex(new Uint8Array(32))), m) });
    await failsWith(() => read(bytes), BundleError, 'header-hash-mismatch');
  });

  it('refuses a recipients list that does not list us at our stanza, or does not match the stanzas', async () => {
    await failsWith(async () => read((await craftBundle({ manifest: (m) => ((m.recipients = [fpr(carol)]), m) })).bytes), BundleError, 'not-listed-recipient');
    await failsWith(async () => read((await craftBundle({ recipients: [carol, bob], manifest: (m) => ((m.recipients = [fpr(bob), fpr(carol)]), m) })).bytes), BundleError, 'not-listed-recipient');
    await failsWith(async () => read((await craftBundle({ manifest: (m) => ((m.recipients = [fpr(bob), fpr(carol)]), m) })).bytes), BundleError, 'recipients-mismatch');
    await failsWith(async () => read((await craftBundle({ manifest: (m) => ((m.recipients = ['passphrase']), m) })).bytes), BundleError, 'recipients-mismatch');
  });

  it('refuses a bundle for another recipient', async () => {
    const { bytes } = await craftBundle({ recipients: [carol] });
    await failsWith(() => read(bytes), BundleError, 'not-a-recipient');
  });
});

describe('replay', () => {
  it('asks the predicate with the signed sender, id and sequence, and refuses a replay', async () => {
    const { bytes, manifest } = await craftBundle();
    const asked: ReplayQuery[] = [];
    await read(bytes, { isReplay: (q) => (asked.push(q), false) });
    expect(asked).toEqual([{ senderFingerprint: fpr(alice), bundleId: manifest.bundle_id, senderSeq: 3 }]);
    await failsWith(() => read(bytes, { isReplay: async () => true }), BundleError, 'replayed');
  });

  it('detects a replayed id or sequence with a simple seen-set', async () => {
    const seen = new Set<string>();
    const isReplay = (q: ReplayQuery) => seen.has(q.bundleId) || seen.has(`${q.senderFingerprint}#${q.senderSeq}`);
    const first = await read(await writeBytes({ senderSeq: 8 }), { isReplay });
    seen.add(first.manifest.bundle_id).add(`${first.manifest.sender.fingerprint}#8`);
    await failsWith(async () => read(await writeBytes({ senderSeq: 8 }), { isReplay }), BundleError, 'replayed');
    expect((await read(await writeBytes({ senderSeq: 9 }), { isReplay })).manifest.sender_seq).toBe(9);
    expect(toBase64url(alice.signPublicKey)).toBe(first.manifest.sender.sign_pk);
  });
});
