/**
 * The search contract other modules use (resident web, guidance suggestions, providers' preview).
 * Keep it stable: the ranking behind it may change, the shapes should not.
 */
import type { Language, LocalisedText } from '../../platform/localised.ts';

export const timesOfDay = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];

export const searchSorts = ['relevance', 'distance', 'soonest'] as const;
export type SearchSort = (typeof searchSorts)[number];

export interface SearchQuery {
  /** Free text in fi, sv or en; empty means "browse with filters". */
  text?: string;
  /** UI language: a hint for query language detection and the language of labels. */
  lang: Language;
  themes?: string[];
  targetGroups?: string[];
  /** The person's age: activities whose age range includes it. */
  age?: number;
  regionCode?: string;
  municipalityCode?: string;
  free?: boolean;
  kaikukortti?: boolean;
  /** Language the activity is held in. */
  language?: string;
  /** Accessibility features every matched location must have, e.g. 'step_free'. */
  accessibility?: string[];
  /** ISO weekdays (1 = Monday) on which the activity takes place. */
  weekdays?: number[];
  timesOfDay?: TimeOfDay[];
  /** Only activities with an event (dated occurrence) within this many days. */
  upcomingDays?: number;
  /** Distance origin: a postal code or a WGS84 point; radiusKm limits results. */
  near?: { postalCode?: string; latitude?: number; longitude?: number; radiusKm?: number };
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
  /** Return the parts of each score (explainable ranking). */
  debug?: boolean;
}

export interface SearchHit {
  id: string;
  name: LocalisedText;
  summary: LocalisedText;
  plainSummary: LocalisedText;
  organisation: { id: string; name: LocalisedText };
  themes: string[];
  targetGroups: string[];
  ageMin: number | null;
  ageMax: number | null;
  costType: 'free' | 'fee' | 'unknown';
  kaikukortti: boolean;
  languages: string[];
  municipalityCodes: string[];
  acceptsReferrals: boolean;
  openPlaces: number | null;
  /** The nearest public location; absent for confidential addresses and services without one. */
  location?: {
    name: LocalisedText;
    streetAddress: LocalisedText;
    postOffice: LocalisedText;
    municipalityCode: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  distanceKm?: number;
  /** ISO timestamp of the next dated occurrence, when there is one. */
  nextEventAt?: string;
  score: number;
  scoreParts?: Record<string, number>;
}

export interface FacetCounts {
  themes: Record<string, number>;
  targetGroups: Record<string, number>;
  languages: Record<string, number>;
  municipalities: Record<string, number>;
  free: number;
  kaikukortti: number;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: FacetCounts;
  /** A corrected query when the text looked misspelt. */
  didYouMean?: string;
  /** The language the query was understood in. */
  queryLanguage: Language;
  /** Where the distance was measured from (resolved postal code), if any. */
  origin?: { latitude: number; longitude: number; coarse: boolean; postalCode?: string };
}
