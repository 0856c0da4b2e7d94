/**
 * Fingerprints (DESIGN.md §7) and identity cards: the human form by hand, the card round trip,
 * and a strict parser that refuses swapped keys, bad bindings, mistyped fingerprints, bad labels.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../../../shared/bundle/encoding';
import { fingerprint, fingerprintText, humanFingerprint } from '../../../../shared/bundle/fingerprint';
import { IdentityCardError, formatIdentityCard, parseIdentityCard } from '../../../../shared/bundle/identity-card';
import { failsWith } from '../stream/helpers';
import { alice, bob, s } from './helpers';

describe('fingerprints', () => {
  it('is BLAKE2b-512 over "SJ-FPR-1" || sign_pk || box_pk', async () => {
    const expected = s.crypto_generichash(64, Uint8Array.from([...new TextEncoder().encode('SJ-FPR-1'), ...alice.signPublicKey, ...alice.boxPublicKey]), null);
    expect(await fingerprint(alice.signPublicKey, alice.boxPublicKey)).toEqual(expected);
    expect(fingerprintText(expected)).toHaveLength(86);
  });

  it('reads 12 groups of 5 bytes big-endian modulo 100000 as 5 digits', () => {
    const fpr = new Uint8Array(64);
    fpr.set([0x00, 0x00, 0x00, 0x30, 0x39], 0); // 12345
    fpr.set([0xff, 0xff, 0xff, 0xff, 0xff], 5); // 2^40 − 1 = 1099511627775 → 27775
    fpr.set([0x00, 0x00, 0x00, 0x00, 0x07], 55); // group 12: 7 → 00007
    fpr.set([0xff, 0xff, 0xff, 0xff], 60); // bytes 60..63 are not shown
    expect(humanFingerprint(fpr)).toBe('12345 27775 00000 00000 00000 00000 00000 00000 00000 00000 00000 00007');
  });

  it('differs when either key differs', async () => {
    const a = humanFingerprint(await fingerprint(alice.signPublicKey, alice.boxPublicKey));
    expect(humanFingerprint(await fingerprint(alice.signPublicKey, bob.boxPublicKey))).not.toBe(a);
    expect(humanFingerprint(await fingerprint(bob.signPublicKey, alice.boxPublicKey))).not.toBe(a);
    expect(a).toMatch(/^\d{5}( \d{5}){11}$/);
  });
});

describe('identity cards', () => {
  it('round-trips, tolerating CRLF, trailing spaces and blank lines around it', async () => {
    const card = await formatIdentityCard(alice, 'فريق التوثيق — Team A');
    const parsed = await parseIdentityCard(card);
    expect(parsed).toMatchObject({ label: 'فريق التوثيق — Team A', signPublicKey: alice.signPublicKey, boxPublicKey: alice.boxPublicKey });
    expect(await parseIdentityCard('\r\n\r\n' + card.replace(/\n/g, '  \r\n') + '\n\n')).toEqual(parsed);
    expect(card).toContain(`fingerprint: ${humanFingerprint(parsed.fingerprint)}`);
  });

  const lines = async () => (await formatIdentityCard(alice, 'Team A')).trimEnd().split('\n');
  const field = (all: string[], name: string) => all.findIndex((line) => line.startsWith(`${name}: `));
  const replaced = async (name: string, value: string) => {
    const all = await lines();
    all[field(all, name)] = `${name}: ${value}`;
    return all.join('\n');
  };

  it('refuses swapped keys and a binding from another identity', async () => {
    const all = await lines();
    const sign = all[field(all, 'sign-key')] ?? '';
    const box = all[field(all, 'box-key')] ?? '';
    await failsWith(async () => parseIdentityCard((await lines()).join('\n').replace(sign, `sign-key: ${box.slice(9)}`).replace(box, `box-key: ${sign.slice(10)}`)), IdentityCardError, 'bad-binding');
    await failsWith(async () => parseIdentityCard(await replaced('binding', toBase64url(bob.binding))), IdentityCardError, 'bad-binding');
    await failsWith(async () => parseIdentityCard(await replaced('box-key', toBase64url(bob.boxPublicKey))), IdentityCardError, 'bad-binding');
  });

  it('refuses a mistyped fingerprint', async () => {
    const all = await lines();
    const fpr = (all[field(all, 'fingerprint')] ?? '').slice('fingerprint: '.length);
    await failsWith(async () => parseIdentityCard(await replaced('fingerprint', fpr.replace(/^\d/, (d) => String((Number(d) + 1) % 10)))), IdentityCardError, 'fingerprint-mismatch');
  });

  it('refuses bad labels, versions, keys and shapes', async () => {
    await failsWith(async () => parseIdentityCard(await replaced('label', 'Team \u202Eevil')), IdentityCardError, 'bad-label');
    await failsWith(async () => parseIdentityCard(await replaced('label', '')), IdentityCardError, 'malformed');
    await failsWith(async () => parseIdentityCard(await replaced('version', '2')), IdentityCardError, 'unsupported-version');
    await failsWith(async () => parseIdentityCard(await replaced('sign-key', toBase64url(alice.signPublicKey) + 'A')), IdentityCardError, 'bad-key');
    await failsWith(async () => parseIdentityCard((await lines()).reverse().join('\n')), IdentityCardError, 'malformed');
    await failsWith(async () => parseIdentityCard((await lines()).slice(0, -1).join('\n')), IdentityCardError, 'malformed');
    await failsWith(async () => parseIdentityCard('note: see below\n' + (await lines()).join('\n')), IdentityCardError, 'malformed');
    await failsWith(async () => parseIdentityCard('x'.repeat(5000)), IdentityCardError, 'malformed');
    await failsWith(() => parseIdentityCard(42), IdentityCardError, 'malformed');
    await failsWith(() => formatIdentityCard(alice, 'Team\nA'), IdentityCardError, 'bad-label');
    await failsWith(() => formatIdentityCard({ ...alice, binding: bob.binding }, 'Team A'), IdentityCardError, 'bad-binding');
  });

  it('uses canonical base64url for the keys', () => {
    const text = toBase64url(alice.signPublicKey);
    expect(fromBase64url(text, 32)).toEqual(alice.signPublicKey);
    expect(fromBase64url(text.slice(0, 42) + (text.endsWith('A') ? 'B' : 'A'), 32)).not.toEqual(alice.signPublicKey);
  });
});
