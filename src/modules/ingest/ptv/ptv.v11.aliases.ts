/**
 * Older spellings of PTV code values, translated to their v11 names. From the PTV Open API
 * model documentation ("In version 7 and older: …"); the v8 and v9 records under
 * data/ptv already use the v11 spellings, so these only matter for older payloads.
 */
import type {
  PtvAreaKind,
  PtvAreaType,
  PtvChargeType,
  PtvServiceHourType,
  PtvServiceType,
} from './ptv.enums.ts';

export const nameTypes = ['Name', 'AlternativeName'] as const;
export type NameType = (typeof nameTypes)[number];
export const nameTypeAliases: Record<string, NameType> = { AlternateName: 'AlternativeName' };

export const serviceDescriptionTypes = [
  'Summary',
  'Description',
  'UserInstruction',
  'ChargeTypeAdditionalInfo',
  'ValidityTime',
  'ProcessingTime',
  'DeadLine',
  'ServiceType',
  'BackgroundDescription',
] as const;
export type ServiceDescriptionType = (typeof serviceDescriptionTypes)[number];
export const serviceDescriptionTypeAliases: Record<string, ServiceDescriptionType> = {
  ShortDescription: 'Summary',
  ServiceUserInstruction: 'UserInstruction',
  ValidityTimeAdditionalInfo: 'ValidityTime',
  ProcessingTimeAdditionalInfo: 'ProcessingTime',
  DeadLineAdditionalInfo: 'DeadLine',
  ServiceTypeAdditionalInfo: 'ServiceType',
};

export const channelDescriptionTypes = ['Summary', 'Description'] as const;
export type ChannelDescriptionType = (typeof channelDescriptionTypes)[number];
export const channelDescriptionTypeAliases: Record<string, ChannelDescriptionType> = { ShortDescription: 'Summary' };

export const serviceTypeAliases: Record<string, PtvServiceType> = {
  PermissionAndObligation: 'PermitOrObligation',
  ProfessionalQualifications: 'ProfessionalQualification',
};

export const chargeTypeAliases: Record<string, PtvChargeType> = { Charged: 'Chargeable', Free: 'FreeOfCharge' };

export const areaTypeAliases: Record<string, PtvAreaType> = {
  WholeCountry: 'Nationwide',
  WholeCountryExceptAlandIslands: 'NationwideExceptAlandIslands',
  AreaType: 'LimitedType',
};

export const areaKindAliases: Record<string, PtvAreaKind> = {
  Province: 'Region',
  BusinessRegions: 'BusinessSubRegion',
  HospitalRegions: 'HospitalDistrict',
};

export const serviceHourTypeAliases: Record<string, PtvServiceHourType> = {
  Standard: 'DaysOfTheWeek',
  Exception: 'Exceptional',
  Special: 'OverMidnight',
};

/** Organisation addresses say 'Visiting' where channel addresses say 'Location'. */
export const addressTypeAliases: Record<string, 'Location' | 'Postal' | 'Delivery'> = { Visiting: 'Location' };
