/**
 * Profile pages: an alleged perpetrator (every allegation across testimonies) and a facility
 * (hierarchy, timeline, linked alleged perpetrators). Links navigate through the callbacks of
 * ProfileNavigation (testimony, facility, alleged perpetrator).
 */
export { PerpetratorProfileScreen, type PerpetratorProfileScreenProps } from './perpetrator-profile-screen';
export { FacilityProfileScreen, type FacilityProfileScreenProps } from './facility-profile-screen';
export type { ProfileNavigation } from './profile-links';
