/**
 * The create-vault form: a new passphrase (shared policy), its confirmation, the Argon2id
 * profile choice and whether to make a recovery key.
 */
import { z } from 'zod';
import type { CreateVaultOptions } from '../../vault/vault-client';
import { refineNewPassphrase } from '../passphrase/passphrase-rules';

export const createVaultSchema = z
  .object({
    passphrase: z.string(),
    confirmation: z.string(),
    highRisk: z.boolean(),
    withRecoveryKey: z.boolean(),
  })
  .superRefine(refineNewPassphrase);

export type CreateVaultValues = z.infer<typeof createVaultSchema>;

/** Empty fields, the normal profile, no recovery key: every stronger choice is the user's act. */
export const CREATE_VAULT_DEFAULTS: CreateVaultValues = { passphrase: '', confirmation: '', highRisk: false, withRecoveryKey: false };

/** What the vault client receives; "high risk" selects the SENSITIVE Argon2id profile. */
export function toCreateOptions(values: CreateVaultValues): CreateVaultOptions {
  return { passphrase: values.passphrase, profile: values.highRisk ? 'sensitive' : 'moderate', withRecoveryKey: values.withRecoveryKey };
}
