/**
 * Record kinds of the contacts feature. Runs on the renderer's main thread. Both live in the
 * general compartment: partner keys and labels are not witness data, but they are still
 * encrypted (who a team works with is sensitive).
 */
import { contactSchema, deviceProfileSchema } from '../../../../shared/domain';
import { defineRecordKind } from '../../vault/record-kind';

/** A partner contact. */
export const contactKind = defineRecordKind('contact', 'general', contactSchema);
/** This device's label for its identity card (one per vault). */
export const deviceProfileKind = defineRecordKind('device-profile', 'general', deviceProfileSchema);
