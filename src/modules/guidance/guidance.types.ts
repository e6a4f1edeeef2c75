/** A guidance session: the client's context and needs as coarse codes, never who the client is. */
import type { Language } from '../../platform/localised.ts';
import type { NeedAreaCode } from './need-areas.ts';

export const ageGroups = ['child', 'youth', 'young_adult', 'adult', 'older'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** Age ranges of the groups, for matching activities' age limits. */
export const ageRanges: Record<AgeGroup, [number, number]> = {
  child: [0, 12],
  youth: [13, 17],
  young_adult: [18, 29],
  adult: [30, 64],
  older: [65, 120],
};

/** The catalogue target group of each age group. */
export const ageTargetGroups: Record<AgeGroup, string> = {
  child: 'children',
  youth: 'young_people',
  young_adult: 'young_people',
  adult: 'working_age',
  older: 'older_people',
};

export const budgets = ['any', 'free', 'kaikukortti'] as const;
export type Budget = (typeof budgets)[number];

export const mobilityNeeds = ['step_free', 'short_distance'] as const;
export type MobilityNeed = (typeof mobilityNeeds)[number];

/** Languages the client can take part in ('fi-plain' is selkokieli, plain Finnish). */
export const activityLanguages = ['fi', 'sv', 'en', 'fi-plain'] as const;
export type ActivityLanguage = (typeof activityLanguages)[number];

/** How far "short distances only" reaches, and how far suggestions look otherwise. */
export const shortDistanceKm = 3;
export const defaultRadiusKm = 40;

export interface GuidanceSession {
  id: string;
  organisationId: string;
  regionCode: string;
  createdBy: string | null;
  status: 'open' | 'closed';
  clientLanguage: Language;
  municipalityCode: string | null;
  postalCode: string | null;
  ageGroup: AgeGroup | null;
  languages: ActivityLanguage[];
  mobility: MobilityNeed[];
  budget: Budget;
  needAreas: NeedAreaCode[];
  createdAt: Date;
  updatedAt: Date;
}
