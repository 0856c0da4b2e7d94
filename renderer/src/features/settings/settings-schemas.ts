/**
 * Form schemas of the settings screen. Bounds come from the vault's settings-limits.ts (the
 * same constants the worker checks), so the form accepts exactly what the vault stores. Never
 * import from vault/worker/: that code belongs to the worker, not the main thread.
 */
import { z } from 'zod';
import { MAX_IDLE_LOCK_MINUTES, MAX_WIPE_AFTER, MIN_IDLE_LOCK_MINUTES, MIN_WIPE_AFTER } from '../../vault/settings-limits';
import { refineNewPassphrase } from '../passphrase/passphrase-rules';

/** Error code of an out-of-range or non-integer number field (one translated message each). */
export const INVALID = 'invalid';

const isWholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** Idle lock minutes; the input registers with valueAsNumber, so an empty field is NaN. */
export const idleLockSchema = z.object({
  minutes: z.number().or(z.nan()).refine((value) => isWholeIn(value, MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES), { error: INVALID }),
});
export type IdleLockValues = z.infer<typeof idleLockSchema>;

/** Wipe after N failed unlocks: the number only matters when the policy is on. */
export const wipePolicySchema = z
  .object({ enabled: z.boolean(), limit: z.number().or(z.nan()) })
  .superRefine((values, ctx) => {
    if (values.enabled && !isWholeIn(values.limit, MIN_WIPE_AFTER, MAX_WIPE_AFTER)) {
      ctx.addIssue({ code: 'custom', path: ['limit'], message: INVALID });
    }
  });
export type WipePolicyValues = z.infer<typeof wipePolicySchema>;

/** A limit to suggest when the policy is first turned on. */
export const SUGGESTED_WIPE_LIMIT = 10;

/** Change of passphrase (and "compromised"): the current one, then a new one under the policy. */
export const reauthPassphraseSchema = z
  .object({ current: z.string(), passphrase: z.string(), confirmation: z.string() })
  .superRefine((values, ctx) => {
    if (values.current === '') ctx.addIssue({ code: 'custom', path: ['current'], message: 'current-required' });
    refineNewPassphrase(values, ctx);
  });
export type ReauthPassphraseValues = z.infer<typeof reauthPassphraseSchema>;

export const REAUTH_DEFAULTS: ReauthPassphraseValues = { current: '', passphrase: '', confirmation: '' };

/** Just the current passphrase (recovery key changes re-check it). */
export const currentPassphraseSchema = z.object({ current: z.string() }).superRefine((values, ctx) => {
  if (values.current === '') ctx.addIssue({ code: 'custom', path: ['current'], message: 'current-required' });
});
export type CurrentPassphraseValues = z.infer<typeof currentPassphraseSchema>;

/** A new passphrase without the current one (after a recovery-key unlock). */
export const recoveryPassphraseSchema = z.object({ passphrase: z.string(), confirmation: z.string() }).superRefine(refineNewPassphrase);
export type RecoveryPassphraseValues = z.infer<typeof recoveryPassphraseSchema>;
export const RECOVERY_PASSPHRASE_DEFAULTS: RecoveryPassphraseValues = { passphrase: '', confirmation: '' };
