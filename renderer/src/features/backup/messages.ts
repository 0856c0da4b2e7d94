/**
 * Messages of whole-vault backups (settings section, restore on first run, audit labels).
 * Registered under `backup` in i18n/en.ts and ar.ts.
 */
import type { SameKeys } from '../testimony/i18n/same-keys';

const en = {
  title: 'Back up the whole vault',
  intro:
    'A backup is one encrypted file with everything in this vault: every record with its history, witness details, attachments, contacts, the audit trail and this device’s identity. Keep it somewhere safe, apart from this computer. Anyone with the file and its passphrase can read all of it.',
  open: 'Make a backup',
  deviceKey: 'Also let this device’s key open it',
  deviceKeyBody: 'Useful if you forget the backup passphrase while this device still works. Without this device it changes nothing.',
  submit: 'Back up now',
  cancel: 'Cancel',
  preparing: 'Preparing: checked {{done}} of {{total}}…',
  writing: 'Writing: {{percent}} %',
  saved: 'Backup saved as {{name}}. The audit trail records it.',
  cancelled: 'The backup was cancelled. Nothing was saved.',
  fileType: 'Sijill backup',
  restoreTitle: 'Restore from backup',
  restoreIntro:
    'Rebuilds a vault from a backup file on this device: the same records, history, attachments, contacts, identity and audit trail. Choose a new passphrase for the restored vault.',
  restoreOpen: 'Restore from a backup',
  pickFile: 'Choose the backup file',
  picked: 'File: {{name}}',
  noFile: 'Choose a backup file first.',
  backupPassphrase: 'Backup passphrase',
  newPassphraseTitle: 'Passphrase of the restored vault',
  restoreSubmit: 'Restore',
  restoring: 'Restoring: {{percent}} % read and checked…',
  back: 'Back',
  actionBackup: 'Whole-vault backup written',
  actionRestore: 'Vault restored from a backup',
  error: {
    'wrong-passphrase': 'This passphrase does not open the backup. Nothing was restored.',
    'not-a-backup': 'This file is not a Sijill backup. Nothing was restored.',
    damaged: 'The backup file is damaged or was altered. Nothing was restored.',
    'signer-mismatch': 'The backup was not signed by the identity it carries. Nothing was restored.',
    'invalid-passphrase': 'The backup passphrase must follow the passphrase rules.',
    unreadable: 'Parts of this vault cannot be decrypted, so a backup would be incomplete. Check the audit trail.',
    changed: 'Records changed while the backup was written. Please try again.',
    cancelled: 'Cancelled.',
    full: 'The disk is full. Nothing was restored; free space and try again.',
    exists: 'A vault already exists on this device. Restoring never overwrites a vault.',
    other: 'The operation failed. Nothing was changed.',
  },
};

const ar: SameKeys<typeof en> = {
  title: 'نسخ احتياطي للخزنة كاملة',
  intro:
    'النسخة الاحتياطية ملف مشفّر واحد يضمّ كل ما في هذه الخزنة: كل سجل مع تاريخه، وبيانات الشهود، والمرفقات، وجهات الاتصال، وسجل التدقيق، وهوية هذا الجهاز. احفظه في مكان آمن بعيداً عن هذا الحاسوب. كل من يملك الملف وعبارة مروره يستطيع قراءته كله.',
  open: 'إنشاء نسخة احتياطية',
  deviceKey: 'السماح أيضاً لمفتاح هذا الجهاز بفتحها',
  deviceKeyBody: 'مفيد إذا نسيت عبارة مرور النسخة ما دام هذا الجهاز يعمل. من دون هذا الجهاز لا يغيّر شيئاً.',
  submit: 'انسخ الآن',
  cancel: 'إلغاء',
  preparing: 'جارٍ التحضير: فُحص {{done}} من {{total}}…',
  writing: 'جارٍ الكتابة: {{percent}} %',
  saved: 'حُفظت النسخة الاحتياطية باسم {{name}}. يسجّلها سجل التدقيق.',
  cancelled: 'أُلغي النسخ الاحتياطي. لم يُحفظ شيء.',
  fileType: 'نسخة احتياطية من سجل',
  restoreTitle: 'الاستعادة من نسخة احتياطية',
  restoreIntro:
    'يعيد بناء خزنة من ملف نسخة احتياطية على هذا الجهاز: السجلات نفسها وتاريخها ومرفقاتها وجهات الاتصال والهوية وسجل التدقيق. اختر عبارة مرور جديدة للخزنة المستعادة.',
  restoreOpen: 'الاستعادة من نسخة احتياطية',
  pickFile: 'اختر ملف النسخة الاحتياطية',
  picked: 'الملف: {{name}}',
  noFile: 'اختر ملف النسخة الاحتياطية أولاً.',
  backupPassphrase: 'عبارة مرور النسخة الاحتياطية',
  newPassphraseTitle: 'عبارة مرور الخزنة المستعادة',
  restoreSubmit: 'استعادة',
  restoring: 'جارٍ الاستعادة: قُرئ وفُحص {{percent}} %…',
  back: 'رجوع',
  actionBackup: 'كتابة نسخة احتياطية للخزنة كاملة',
  actionRestore: 'استعادة الخزنة من نسخة احتياطية',
  error: {
    'wrong-passphrase': 'عبارة المرور هذه لا تفتح النسخة الاحتياطية. لم يُستعد شيء.',
    'not-a-backup': 'هذا الملف ليس نسخة احتياطية من سجل. لم يُستعد شيء.',
    damaged: 'ملف النسخة الاحتياطية تالف أو معدَّل. لم يُستعد شيء.',
    'signer-mismatch': 'لم تُوقَّع النسخة الاحتياطية بالهوية التي تحملها. لم يُستعد شيء.',
    'invalid-passphrase': 'يجب أن تتبع عبارة مرور النسخة الاحتياطية قواعد عبارات المرور.',
    unreadable: 'تعذّر فك تشفير أجزاء من هذه الخزنة، فتكون النسخة ناقصة. راجع سجل التدقيق.',
    changed: 'تغيّرت سجلات أثناء كتابة النسخة. يرجى المحاولة مجدداً.',
    cancelled: 'أُلغي.',
    full: 'القرص ممتلئ. لم يُستعد شيء؛ أفرغ مساحة وحاول مجدداً.',
    exists: 'توجد خزنة على هذا الجهاز. الاستعادة لا تستبدل خزنة قائمة أبداً.',
    other: 'تعذّرت العملية. لم يتغيّر شيء.',
  },
};

export const backupMessages = { en, ar };
