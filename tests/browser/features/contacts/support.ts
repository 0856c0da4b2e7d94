/** Partner identities and cards for the contacts tests. */
import { formatIdentityCard } from '../../../../shared/bundle';
import { createIdentity, identityBindingMessage, type DeviceIdentity } from '../../../../shared/crypto/identity';
import { getSodium } from '../../../../shared/crypto/sodium';

/** A fresh partner identity (as another installation or the CLI would have). */
export async function partnerIdentity(): Promise<DeviceIdentity> {
  return createIdentity(await getSodium(), undefined);
}

/** A fresh partner's card under `label`. */
export async function partnerCard(label: string, identity?: DeviceIdentity): Promise<{ identity: DeviceIdentity; card: string }> {
  const id = identity ?? (await partnerIdentity());
  return { identity: id, card: await formatIdentityCard(id, label) };
}

/** The same signing key with a new box key, correctly bound (a partner who replaced its box key). */
export async function withNewBoxKey(identity: DeviceIdentity): Promise<DeviceIdentity> {
  const s = await getSodium();
  const boxSecretKey = s.randombytes_buf(32);
  const boxPublicKey = s.crypto_scalarmult_base(boxSecretKey);
  const binding = s.crypto_sign_detached(identityBindingMessage(identity.signPublicKey, boxPublicKey), identity.signSecretKey);
  return { ...identity, boxPublicKey, boxSecretKey, binding };
}

/** A card whose box key was swapped for another (binding no longer matches). */
export async function tamperedCard(label: string): Promise<string> {
  const { card } = await partnerCard(label);
  const other = await partnerCard(label);
  const boxLine = (text: string) => text.split('\n').find((line) => line.startsWith('box-key: ')) ?? '';
  return card.replace(boxLine(card), boxLine(other.card));
}
