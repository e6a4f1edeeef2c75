/**
 * FHIR R4 shapes of a referral: `ServiceRequest` (the referral: who, what, why, by whom, to whom)
 * and `Task` (its workflow, statuses of the Gravity SDOH referral Task). Pure mapping both ways.
 *
 * Identifier systems:
 * - referral (ServiceRequest and Task ids): `urn:tarjotin:referral`
 * - activity: `urn:tarjotin:service` (Tarjotin id) and `urn:fi:ptv:service` (PTV service GUID)
 * - organisation: `urn:tarjotin:organisation`, `urn:fi:ptv:organization` (PTV GUID) and
 *   `urn:oid:1.2.246.10` (business ID, Y-tunnus)
 * - need areas: `urn:tarjotin:need-area`; status reasons: `urn:tarjotin:referral-status-reason`
 */
import type { OrganisationIdentity } from './referrals.queries.ts';
import type { ReferralDetail, ReferralSummary } from './referrals.types.ts';
import type { ReferralStatus } from './referrals.workflow.ts';

export const systems = {
  referral: 'urn:tarjotin:referral',
  service: 'urn:tarjotin:service',
  ptvService: 'urn:fi:ptv:service',
  organisation: 'urn:tarjotin:organisation',
  ptvOrganisation: 'urn:fi:ptv:organization',
  businessId: 'urn:oid:1.2.246.10',
  needArea: 'urn:tarjotin:need-area',
  statusReason: 'urn:tarjotin:referral-status-reason',
} as const;

type Json = Record<string, unknown>;

function organisationReference(id: string, organisation: OrganisationIdentity | undefined): Json {
  const identifier = organisation?.business_id
    ? { system: systems.businessId, value: organisation.business_id }
    : organisation?.source === 'ptv' && organisation.source_id
      ? { system: systems.ptvOrganisation, value: organisation.source_id }
      : { system: systems.organisation, value: id };
  const name = organisation?.name.fi ?? organisation?.name.sv ?? organisation?.name.en;
  return { type: 'Organization', identifier, ...(name ? { display: name } : {}) };
}

/** The ServiceRequest's status from the Task's. */
export function serviceRequestStatus(status: ReferralStatus): string {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'on-hold':
      return 'on-hold';
    case 'completed':
      return 'completed';
    case 'entered-in-error':
      return 'entered-in-error';
    case 'rejected':
    case 'cancelled':
    case 'failed':
      return 'revoked';
    default:
      return 'active';
  }
}

/** Task statuses a ServiceRequest status search stands for. */
export function taskStatusesOf(serviceRequestStatusValue: string): ReferralStatus[] {
  const all: ReferralStatus[] = ['draft', 'requested', 'accepted', 'rejected', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error'];
  return all.filter((s) => serviceRequestStatus(s) === serviceRequestStatusValue);
}

export function toServiceRequest(referral: ReferralDetail, organisations: ReadonlyMap<string, OrganisationIdentity>): Json {
  const person = referral.person;
  const consent = referral.consents[0];
  const telecom = [
    ...(person?.phone ? [{ system: 'phone', value: person.phone }] : []),
    ...(person?.email ? [{ system: 'email', value: person.email }] : []),
  ];
  const contained: Json[] = person
    ? [
        {
          resourceType: 'Patient',
          id: 'person',
          name: [{ text: person.name }],
          ...(telecom.length > 0 ? { telecom } : {}),
          communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: referral.clientLanguage }] } }],
        },
      ]
    : [];
  if (person && consent) {
    contained.push({
      resourceType: 'Consent',
      id: 'consent',
      status: consent.withdrawnAt ? 'inactive' : 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: '#person' },
      dateTime: consent.givenAt.toISOString(),
      performer: [consent.givenBy === 'client' ? { reference: '#person' } : { display: consent.givenBy }],
      organization: [organisationReference(consent.givenToOrganisationId, organisations.get(consent.givenToOrganisationId))],
      policyRule: { text: 'referral' },
    });
  }
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { lastUpdated: referral.updatedAt.toISOString() },
    ...(contained.length > 0 ? { contained } : {}),
    identifier: [{ system: systems.referral, value: referral.id }],
    status: serviceRequestStatus(referral.status),
    intent: 'order',
    category: [{ text: 'well-being referral (hyvinvointilähete)' }],
    code: {
      coding: [
        { system: systems.service, code: referral.serviceId },
        ...(referral.service.ptvId ? [{ system: systems.ptvService, code: referral.service.ptvId }] : []),
      ],
      ...(referral.serviceName.fi ? { text: referral.serviceName.fi } : {}),
    },
    subject: person ? { reference: '#person' } : { identifier: { system: systems.referral, value: referral.id }, display: 'personal data deleted' },
    authoredOn: referral.createdAt.toISOString(),
    requester: organisationReference(referral.referringOrganisationId, organisations.get(referral.referringOrganisationId)),
    performer: [organisationReference(referral.providerOrganisationId, organisations.get(referral.providerOrganisationId))],
    ...(referral.needCodes.length > 0 ? { reasonCode: referral.needCodes.map((code) => ({ coding: [{ system: systems.needArea, code }] })) } : {}),
    ...(person && consent ? { supportingInfo: [{ reference: '#consent' }] } : {}),
    ...(person?.note ? { note: [{ text: person.note }] } : {}),
  };
}

export function toTask(referral: Pick<ReferralSummary, 'id' | 'status' | 'statusReason' | 'createdAt' | 'updatedAt' | 'referringOrganisationId' | 'providerOrganisationId'>, organisations: ReadonlyMap<string, OrganisationIdentity>): Json {
  return {
    resourceType: 'Task',
    id: referral.id,
    meta: { lastUpdated: referral.updatedAt.toISOString() },
    identifier: [{ system: systems.referral, value: referral.id }],
    basedOn: [{ reference: `ServiceRequest/${referral.id}` }],
    status: referral.status,
    ...(referral.statusReason ? { statusReason: { coding: [{ system: systems.statusReason, code: referral.statusReason }] } } : {}),
    intent: 'order',
    code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
    focus: { reference: `ServiceRequest/${referral.id}` },
    authoredOn: referral.createdAt.toISOString(),
    lastModified: referral.updatedAt.toISOString(),
    requester: organisationReference(referral.referringOrganisationId, organisations.get(referral.referringOrganisationId)),
    owner: organisationReference(referral.providerOrganisationId, organisations.get(referral.providerOrganisationId)),
  };
}

/** One page of a search: `resources` are the page's, `total` all matches; links to this page and the next. */
export interface SearchPage {
  /** The search's own address without paging parameters, e.g. `${publicUrl}/fhir/Task?status=requested`. */
  url: string;
  total: number;
  offset: number;
  count: number;
}

function pageUrl(url: string, offset: number, count: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}_count=${count}&_offset=${offset}`;
}

export function searchBundle(publicUrl: string, resources: Json[], page: SearchPage): Json {
  const link = [{ relation: 'self', url: pageUrl(page.url, page.offset, page.count) }];
  if (page.offset + page.count < page.total) link.push({ relation: 'next', url: pageUrl(page.url, page.offset + page.count, page.count) });
  if (page.offset > 0) link.push({ relation: 'previous', url: pageUrl(page.url, Math.max(0, page.offset - page.count), page.count) });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    entry: resources.map((resource) => ({ fullUrl: `${publicUrl}/fhir/${String(resource.resourceType)}/${String(resource.id)}`, resource, search: { mode: 'match' } })),
  };
}

export function operationOutcome(code: string, diagnostics: string): Json {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/** An organisation token search (`system|value`, `value` or `Organization/id`) as its parts. */
export function organisationSearch(search: string): { system: string; value: string } {
  const [system, value] = search.includes('|') ? (search.split('|', 2) as [string, string]) : ['', search];
  return { system, value: value.replace(/^Organization\//, '') };
}

export interface ParsedServiceRequest {
  serviceId?: string;
  ptvServiceId?: string;
  name: string;
  phone: string;
  email: string;
  clientLanguage: string;
  needCodes: string[];
  note: string;
  consent: boolean;
  consentGivenBy: string;
}

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Json[]) : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads a ServiceRequest sent by a client: contained Patient (#person) and Consent (#consent). */
export function parseServiceRequest(resource: Json): ParsedServiceRequest | { problem: string } {
  if (resource.resourceType !== 'ServiceRequest') return { problem: 'resourceType must be ServiceRequest' };
  const contained = asArray(resource.contained);
  const patient = contained.find((c) => c.resourceType === 'Patient');
  if (!patient) return { problem: 'a contained Patient (the person) is required' };
  const consent = contained.find((c) => c.resourceType === 'Consent');
  const codings = asArray((resource.code as Json | undefined)?.coding);
  const telecom = asArray(patient.telecom);
  const language = asArray(asArray(patient.communication)[0]?.language ? (asArray(patient.communication)[0]!.language as Json).coding : [])[0]?.code;
  const performer = asArray(consent?.performer)[0];
  const serviceId = asText(codings.find((c) => c.system === systems.service)?.code);
  const ptvServiceId = asText(codings.find((c) => c.system === systems.ptvService)?.code);
  return {
    ...(serviceId ? { serviceId } : {}),
    ...(ptvServiceId ? { ptvServiceId } : {}),
    name: asText(asArray(patient.name)[0]?.text),
    phone: asText(telecom.find((t) => t.system === 'phone')?.value),
    email: asText(telecom.find((t) => t.system === 'email')?.value),
    clientLanguage: asText(language) || 'fi',
    needCodes: asArray(resource.reasonCode).flatMap((r) => asArray(r.coding).filter((c) => c.system === systems.needArea).map((c) => asText(c.code))),
    note: asText(asArray(resource.note)[0]?.text),
    consent: consent?.status === 'active',
    consentGivenBy: performer && typeof performer.display === 'string' ? performer.display : 'client',
  };
}
