/**
 * English messages. The key structure here is the reference: ar.ts must have exactly the same
 * keys (checked by the compiler through `Messages`, and by a browser-tier test).
 */
export const en = {
  app: {
    name: 'Sijill',
    tagline: 'Encrypted testimony documentation',
  },
  shell: {
    navLabel: 'Main',
    about: 'About',
    back: 'Back',
    languageLabel: 'Language',
    loading: 'Opening Sijill…',
    storageErrorTitle: 'Sijill cannot read its storage',
    storageErrorBody:
      'The encrypted data on this device could not be read. Nothing has been changed. Close Sijill and open it again; if this keeps happening, contact your team’s technical lead before doing anything else.',
  },
  firstRun: {
    title: 'Welcome to Sijill',
    intro:
      'Sijill helps documentation teams record the testimony of survivors and witnesses of detention and torture, link it to places of detention and to alleged perpetrators, and share it securely with trusted partners.',
    protectionTitle: 'How your data is protected',
    protectEncrypted: 'Everything you record is encrypted on this device before it is stored.',
    protectOffline: 'Nothing is sent over the network. Sijill works entirely offline.',
    protectPassphrase: 'Only your passphrase opens the vault, and nobody can recover it for you. Keep it safe.',
    vaultExplained: 'A vault is the encrypted store on this device that holds your team’s testimonies and documents.',
    create: 'Create a vault',
  },
  vaultSetup: {
    title: 'Create a vault',
    status: 'Not available yet',
    body: 'Setting up a vault — choosing a passphrase and creating the encryption keys — is the next step, and it is not part of this version yet.',
    nothingStored: 'Nothing has been created or stored on this device.',
    back: 'Back to the welcome screen',
  },
  lock: {
    title: 'Sijill is locked',
    body: 'Enter your passphrase to open the vault on this device.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    notYet: 'Unlocking is not available in this version yet; it arrives together with vault setup.',
  },
  about: {
    title: 'About Sijill',
    purpose:
      'Sijill is an offline-first application for teams that document detention and torture. Documenters record testimony on their own device, link it to places of detention and to alleged perpetrators, and send it, signed and encrypted, to partners such as lawyers, prosecutors and UN mechanisms.',
    versionTitle: 'Version information',
    name: 'Name',
    version: 'Version',
    platform: 'Platform',
    runtime: 'Runtime',
    build: 'Build',
    desktop: 'Desktop app',
    web: 'Browser build',
    release: 'Release',
    development: 'Development',
    notReported: 'Not reported',
    webStorageNote:
      'The browser build runs inside this browser and keeps the vault in this site’s private storage. Clearing this site’s data in the browser deletes the vault for good.',
    loading: 'Loading…',
    unavailable: 'Version information is not available.',
    securityTitle: 'Security notes',
    noNetwork: 'Sijill makes no network connections: no update checks, no online fonts, no usage reports.',
    encrypted: 'Everything Sijill stores is encrypted on this device, with keys protected by your passphrase.',
    noCookies: 'Nothing is kept in cookies or in the browser’s local storage.',
    limits: 'Sijill cannot protect against malicious software on this device or against someone watching the screen.',
    licenceTitle: 'Licence',
    licence:
      'Sijill is free software under the GNU Affero General Public License, version 3 only. You may use, study, share and change it under the terms of that licence. It comes with no warranty.',
    licenceId: 'Licence identifier',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's messages must have: the English keys, any strings. */
export type Messages = Widen<typeof en>;
