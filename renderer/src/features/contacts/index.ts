/**
 * The contacts feature: this device's identity card and partner contacts (DESIGN.md §7).
 * The export and import wizards gate on `canExchangeWith`.
 */
export { contactKind, deviceProfileKind } from './contact-kinds';
export { contactStatus, canExchangeWith, type ContactStatus } from './contact-status';
export {
  addContact,
  applyPlan,
  changeContactKeys,
  ContactCardError,
  listContacts,
  ownIdentity,
  planContact,
  removeContact,
  setDeviceLabel,
  updateContactDetails,
  verifyContact,
  type CardProblem,
  type ContactPlan,
  type OwnIdentity,
} from './contact-commands';
export { useRecipientContacts } from './use-recipient-contacts';
