// Identity and contacts over the real vault (worker, IndexedDB, memory keyring): the device's
// card round trip and fingerprint format, adding contacts by key (never by label), strict card
// errors, the verify step, key changes blocking exchange, removal audited, contacts surviving
// lock/unlock and never stored in clear.
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdentityCard } from '../../../../shared/bundle';
import { toBase64url } from '../../../../shared/bundle/encoding';
import {
  applyPlan,
  canExchangeWith,
  contactKind,
  contactStatus,
  ContactCardError,
  listContacts,
  ownIdentity,
  planContact,
  removeContact,
  setDeviceLabel,
  verifyContact,
} from '../../../../renderer/src/features/contacts';
import { deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, VAULT_TESTS } from '../../vault/support/vault-harness';
import { partnerCard, tamperedCard, withNewBoxKey } from './support';

afterEach(deleteTestDatabases);

const FINGERPRINT = /^\d{5}( \d{5}){11}$/;

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContactCardError);
  return (error as ContactCardError).problem;
}

describe('device identity card', VAULT_TESTS, () => {
  it('exposes public keys only, and its card round-trips with a stored, encrypted label', async () => {
    const { client } = await makeUnlockedVault();
    const identity = await client.identity();
    expect(Object.keys(identity).sort()).toEqual(['binding', 'boxPk', 'fingerprint', 'signPk']);
    expect([identity.signPk.length, identity.boxPk.length, identity.binding.length]).toEqual([32, 32, 64]);
    expect(identity.fingerprint).toMatch(FINGERPRINT);

    await setDeviceLabel(client, 'مركز التوثيق — Documentation Centre');
    const own = await ownIdentity(client);
    const parsed = await parseIdentityCard(own.card);
    expect(parsed.label).toBe('مركز التوثيق — Documentation Centre');
    expect(toBase64url(parsed.signPublicKey)).toBe(toBase64url(identity.signPk));
    expect(toBase64url(parsed.boxPublicKey)).toBe(toBase64url(identity.boxPk));
    expect(own.card).toContain(`fingerprint: ${identity.fingerprint}`);
    await expect(setDeviceLabel(client, '')).rejects.toThrow();

    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    expect((await ownIdentity(client)).label).toBe('مركز التوثيق — Documentation Centre');
    await client.dispose();
  });
});

describe('contacts', VAULT_TESTS, () => {
  it('adds a card unverified, verifies it only by the explicit step, and matches by key not label', async () => {
    const { client } = await makeUnlockedVault();
    const { identity, card } = await partnerCard('UN Working Group');
    const plan = await planContact(client, `\r\n  ${card.replace(/\n/g, '\r\n')}  `);
    expect(plan.kind).toBe('new');
    const added = await applyPlan(client, plan);
    expect(contactStatus(added.body)).toBe('unverified');
    expect(canExchangeWith(added.body)).toBe(false);
    expect(added.body.signPk).toBe(toBase64url(identity.signPublicKey));

    // The same card again: nothing added.
    expect((await planContact(client, card)).kind).toBe('known');

    const verified = await verifyContact(client, added, 'phone');
    expect(contactStatus(verified.body)).toBe('verified');
    expect(canExchangeWith(verified.body)).toBe(true);
    expect(verified.body.verified?.method).toBe('phone');
    expect(Date.parse(verified.body.verified?.at ?? '')).not.toBeNaN();

    // Same label, other keys: a different partner unless the user says otherwise.
    const impostor = await partnerCard('UN Working Group');
    const labelPlan = await planContact(client, impostor.card);
    expect(labelPlan.kind).toBe('same-label');
    await applyPlan(client, labelPlan, false);
    const all = await listContacts(client);
    expect(all).toHaveLength(2);
    expect(all.map((c) => contactStatus(c.body)).sort()).toEqual(['unverified', 'verified']);

    const trail = await client.auditTrail();
    expect(trail.rows.find((row) => row.action === 'contact.verify')?.data).toMatchObject({ id: added.id, method: 'phone' });
    await client.dispose();
  });

  it('a changed box key under a known signing key blocks exchange until re-verified, keeping the old keys', async () => {
    const { client } = await makeUnlockedVault();
    const { identity, card } = await partnerCard('Lawyer L.');
    const contact = await verifyContact(client, await applyPlan(client, await planContact(client, card)), 'in-person');
    const rotated = await withNewBoxKey(identity);
    const { card: newCard } = await partnerCard('Lawyer L. (new laptop)', rotated);
    const plan = await planContact(client, newCard);
    expect(plan.kind).toBe('key-change');
    const changed = await applyPlan(client, plan);
    expect(changed.id).toBe(contact.id);
    expect(contactStatus(changed.body)).toBe('key-changed');
    expect(canExchangeWith(changed.body)).toBe(false);
    expect(changed.body.keyHistory).toHaveLength(1);
    expect(changed.body.keyHistory[0]).toMatchObject({ boxPk: contact.body.boxPk, verified: { method: 'in-person' } });
    expect(changed.body.boxPk).toBe(toBase64url(rotated.boxPublicKey));

    const again = await verifyContact(client, changed, 'video');
    expect(contactStatus(again.body)).toBe('verified');

    // Same label, new keys, and the user says it is the same partner: a key change too.
    const other = await partnerCard(changed.body.label);
    const labelPlan = await planContact(client, other.card);
    expect(labelPlan.kind).toBe('same-label');
    const replaced = await applyPlan(client, labelPlan, true);
    expect(replaced.id).toBe(contact.id);
    expect(contactStatus(replaced.body)).toBe('key-changed');
    expect(await listContacts(client)).toHaveLength(1);
    await client.dispose();
  });

  it('refuses bad, tampered and own cards with their reason, and adds nothing', async () => {
    const { client } = await makeUnlockedVault();
    expect(await problemOf(planContact(client, 'hello'))).toBe('malformed');
    expect(await problemOf(planContact(client, await tamperedCard('NGO partner')))).toBe('bad-binding');
    const { card } = await partnerCard('NGO partner');
    const fprLine = card.split('\n').find((line) => line.startsWith('fingerprint: ')) ?? '';
    expect(await problemOf(planContact(client, card.replace(fprLine, `fingerprint: ${'12345 '.repeat(11)}12345`)))).toBe('fingerprint-mismatch');
    expect(await problemOf(planContact(client, (await ownIdentity(client)).card))).toBe('own-card');
    expect(await listContacts(client)).toEqual([]);
    await client.dispose();
  });

  it('survive lock and unlock, removal is audited, and nothing is stored in clear', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const CANARY = 'CanaryPartnerLabel-9c1e';
    const { card, identity } = await partnerCard(`${CANARY} شريك`);
    const kept = await verifyContact(client, await applyPlan(client, await planContact(client, card)), 'other');
    const gone = await applyPlan(client, await planContact(client, (await partnerCard('Prosecutor P.')).card));
    await setDeviceLabel(client, `${CANARY}-device`);
    await removeContact(client, gone);
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    const list = await listContacts(client);
    expect(list.map((c) => c.id)).toEqual([kept.id]);
    expect(contactStatus(list[0]?.body ?? kept.body)).toBe('verified');
    expect((await client.auditTrail()).rows.find((row) => row.action === 'contact.remove')?.data).toMatchObject({ id: gone.id });
    await expect(client.records.read(contactKind, gone.id)).rejects.toThrow();
    await client.lock('manual');

    const dump = JSON.stringify(await dumpDatabase(databaseName), (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value));
    for (const needle of [CANARY, 'شريك', toBase64url(identity.signPublicKey), 'contact', 'in-person', 'device-profile']) {
      const asStored = new TextDecoder('latin1').decode(new TextEncoder().encode(needle));
      expect(dump.includes(needle) || dump.includes(asStored), `${needle} in IndexedDB`).toBe(false);
    }
    await client.dispose();
  });
});
