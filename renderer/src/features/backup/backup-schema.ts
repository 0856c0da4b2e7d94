/** The backup and restore forms: new passphrases follow the shared policy (features/passphrase). */
import { z } from 'zod';
import { refineNewPassphrase } from '../passphrase/passphrase-rules';

export const backupSchema = z.object({ passphrase: z.string(), confirmation: z.string(), includeDeviceKey: z.boolean() }).superRefine(refineNewPassphrase);
export type BackupValues = z.infer<typeof backupSchema>;
export const BACKUP_DEFAULTS: BackupValues = { passphrase: '', confirmation: '', includeDeviceKey: false };

export const restoreSchema = z
  .object({ backupPassphrase: z.string().min(1, 'required'), passphrase: z.string(), confirmation: z.string(), highRisk: z.boolean() })
  .superRefine(refineNewPassphrase);
export type RestoreValues = z.infer<typeof restoreSchema>;
export const RESTORE_DEFAULTS: RestoreValues = { backupPassphrase: '', passphrase: '', confirmation: '', highRisk: false };
