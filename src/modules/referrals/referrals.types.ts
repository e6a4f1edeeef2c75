/** A well-being referral as the service sees it: codes and ids, and the person's data once decrypted. */
import type { Language } from '../../platform/localised.ts';
import type { ReferralStatus } from './referrals.workflow.ts';

/** The person's minimal data; stored only encrypted. */
export interface PersonalData {
  name: string;
  phone?: string;
  email?: string;
  note?: string;
}

export const consentGivers = ['client', 'guardian', 'representative'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

export const followUpOutcomes = ['attending', 'attended', 'partly', 'not-attended', 'unknown'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

export interface ReferralRow {
  id: string;
  guidance_session_id: string | null;
  service_id: string;
  referring_organisation_id: string;
  region_code: string;
  referring_user_id: string | null;
  provider_organisation_id: string;
  status: ReferralStatus;
  status_reason: string | null;
  holds_place: boolean;
  client_language: Language;
  need_codes: string[];
  personal_data: string | null;
  personal_key_id: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  personal_data_deleted_at: Date | null;
}

/** A referral in a list: no personal data (lists are not logged as reads of it). */
export interface ReferralSummary {
  id: string;
  status: ReferralStatus;
  statusReason: string | null;
  serviceId: string;
  serviceName: Record<string, string>;
  referringOrganisationId: string;
  referringOrganisationName: Record<string, string>;
  providerOrganisationId: string;
  needCodes: string[];
  createdAt: Date;
  updatedAt: Date;
  followUpDueAt: Date | null;
  followUpRecordedAt: Date | null;
}

export interface ReferralEvent {
  id: number;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: 'referrer' | 'provider' | 'coordinator' | 'system';
  reason: string | null;
  at: Date;
}

export interface Consent {
  id: string;
  givenBy: ConsentGiver;
  givenToOrganisationId: string;
  purpose: 'referral';
  givenAt: Date;
  withdrawnAt: Date | null;
}

export interface FollowUp {
  dueAt: Date;
  remindedAt: Date | null;
  recordedAt: Date | null;
  outcome: FollowUpOutcome | null;
}

export interface ReferralDetail extends ReferralSummary {
  regionCode: string;
  referringUserId: string | null;
  clientLanguage: Language;
  /** undefined after retention or consent withdrawal */
  person: PersonalData | undefined;
  personalDataDeletedAt: Date | null;
  closedAt: Date | null;
  consents: Consent[];
  events: ReferralEvent[];
  followUp: FollowUp | undefined;
  answers: { phase: 'initial' | 'follow_up'; instrumentId: string; itemId: string; value: number }[];
  service: { ptvId: string | null; businessId: string | null; providerName: Record<string, string>; providerPtvId: string | null; referringBusinessId: string | null };
}

export interface AccessLogEntry {
  id: number;
  referralId: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
  action: 'create' | 'read' | 'update' | 'export' | 'delete';
  purpose: string;
  channel: 'web' | 'fhir' | 'system';
  at: Date;
}
