/**
 * The bench vault's partner: a synthetic organisation whose identity is derived from the seed,
 * so the generated (and kept) vault can hold it as a verified contact while a later run, in a
 * fresh browser, still has its secret keys to seal a bundle the vault trusts. Runs on the bench
 * page's main thread. The keys protect nothing: the data is synthetic and the seed is public.
 */
import { identityBindingMessage, identityFromSecrets, type DeviceIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import type { Id } from '../../../shared/domain/ids';
import { listContacts } from '../../../renderer/src/features/contacts';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';

/** The partner identity of `seed`: the same keys every time. */
export async function benchPartner(seed: number): Promise<DeviceIdentity> {
  const s = await getSodium();
  const derive = (what: string) => s.crypto_generichash(32, `sijill bench partner ${what} ${seed}`, null);
  const signSeed = derive('sign');
  const boxSecretKey = derive('box');
  const sign = s.crypto_sign_seed_keypair(signSeed);
  const binding = s.crypto_sign_detached(identityBindingMessage(sign.publicKey, s.crypto_scalarmult_base(boxSecretKey)), sign.privateKey);
  return identityFromSecrets(s, signSeed, boxSecretKey, binding);
}

/** The contact id of the partner in an unlocked bench vault (its only contact). */
export async function partnerContactId(client: VaultClient): Promise<Id> {
  const [contact, ...others] = await listContacts(client);
  if (!contact || others.length > 0) throw new Error('the bench vault should hold exactly one partner contact');
  return contact.id;
}
