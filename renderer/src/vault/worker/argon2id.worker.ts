/**
 * The Argon2id worker: derives one key from a passphrase and is terminated right after by the
 * vault worker that started it (argon2id-lane.ts). Why a thread of its own: libsodium's
 * WebAssembly heap grows to Argon2id's memory cost (256 MiB by default, 1 GiB for high-risk
 * vaults) and WebAssembly memory never shrinks, so deriving in the vault worker would keep that
 * much for the whole session. Terminating this worker gives it back to the system.
 *
 * It sees the passphrase bytes (moved here, not copied) and the derived key (moved back), and
 * no other secret. The passphrase bytes are wiped as soon as Argon2id has read them.
 */
import { getSodium, KdfError, wipe, type KdfErrorCode } from '../../../../shared/crypto';
import { argon2id } from '../../../../shared/crypto/kdf-params';
import type { Argon2idReply, Argon2idRequest } from './argon2id-lane';

interface WorkerScope {
  onmessage: ((event: MessageEvent<Argon2idRequest>) => void) | null;
  postMessage(message: Argon2idReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// Loading starts at once: a worker started ahead (while the passphrase is typed) is ready when it comes.
const sodium = getSodium();

scope.onmessage = ({ data }) => {
  scope.onmessage = null; // one derivation per worker
  const fail = (code: KdfErrorCode) => scope.postMessage({ kind: 'failed', code });
  sodium.then(
    (s) => {
      let key: Uint8Array<ArrayBuffer>;
      try {
        // argon2id checks the parameters again: nothing here trusts the message blindly.
        key = argon2id(s, data.passphrase, data.salt, data.params) as Uint8Array<ArrayBuffer>;
      } catch (error) {
        fail(error instanceof KdfError ? error.code : 'derivation-failed');
        return;
      } finally {
        wipe(data.passphrase);
      }
      scope.postMessage({ kind: 'key', key }, [key.buffer]);
    },
    () => {
      wipe(data.passphrase);
      fail('derivation-failed');
    },
  );
};
