/**
 * PTV code lists in their v11 spelling: the canonical vocabulary of the normalised records.
 * Older spellings (v7 names) are translated by the adapter (`ptv.v11.aliases.ts`).
 */

export const ptvServiceTypes = ['Service', 'PermitOrObligation', 'ProfessionalQualification'] as const;
export type PtvServiceType = (typeof ptvServiceTypes)[number];

export const ptvPublishingStatuses = ['Published', 'Draft', 'Modified', 'Deleted', 'Archived', 'Withdrawn'] as const;
export type PtvPublishingStatus = (typeof ptvPublishingStatuses)[number];

export const ptvChargeTypes = ['Chargeable', 'FreeOfCharge', 'Other'] as const;
export type PtvChargeType = (typeof ptvChargeTypes)[number];

export const ptvAreaTypes = ['Nationwide', 'NationwideExceptAlandIslands', 'LimitedType'] as const;
export type PtvAreaType = (typeof ptvAreaTypes)[number];

/** PTV "Region" is a maakunta (region of Finland), not a welfare region. */
export const ptvAreaKinds = ['Municipality', 'Region', 'BusinessSubRegion', 'HospitalDistrict'] as const;
export type PtvAreaKind = (typeof ptvAreaKinds)[number];

export const ptvRoleTypes = ['Responsible', 'Producer', 'OtherResponsible'] as const;
export type PtvRoleType = (typeof ptvRoleTypes)[number];

export const ptvChannelTypes = ['ServiceLocation', 'EChannel', 'WebPage', 'Phone', 'PrintableForm'] as const;
export type PtvChannelType = (typeof ptvChannelTypes)[number];

export const ptvServiceHourTypes = ['DaysOfTheWeek', 'Exceptional', 'OverMidnight'] as const;
export type PtvServiceHourType = (typeof ptvServiceHourTypes)[number];

export const ptvOrganizationTypes = [
  'State',
  'Municipality',
  'RegionalOrganization',
  'Organization',
  'Company',
  'SotePublic',
  'SotePrivate',
  'Region',
] as const;
export type PtvOrganizationType = (typeof ptvOrganizationTypes)[number];

export const ptvWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type PtvWeekday = (typeof ptvWeekdays)[number];

export const ptvPhoneKinds = ['Phone', 'Sms', 'Fax'] as const;
export type PtvPhoneKind = (typeof ptvPhoneKinds)[number];
