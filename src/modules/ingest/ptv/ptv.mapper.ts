/**
 * PTV organisations and services → catalogue records (pure functions; channels are in
 * ptv.channels.mapper.ts, hours in ptv.hours.mapper.ts). Ids are stable per PTV GUID
 * (`stableId('ptv:service', guid)`), so re-runs converge.
 */
import type { AreaType, CostType, ContactChannelRecord, OrganisationRecord, OrganisationType, ServiceRecord, ServiceStatus } from '../../catalog/catalog.types.ts';
import { stableId } from '../../../platform/ids.ts';
import { languages, type Language, type LocalisedText } from '../../../platform/localised.ts';
import {
  mapContactDetails,
  organisationIdFor,
  phoneNumber,
  ptvProvenance,
  recordStatus,
} from './ptv.channels.mapper.ts';
import { attachSchedules, mapServiceHours, type ScheduleDraft } from './ptv.hours.mapper.ts';
import type { PtvChargeType, PtvOrganization, PtvOrganizationType, PtvPublishingStatus, PtvService } from './ptv.records.ts';
import { classifyRelevance, type RelevanceInput, type RelevanceResult } from './relevance.ts';

export const serviceIdFor = (ptvId: string): string => stableId('ptv:service', ptvId);

const businessIdWeights = [7, 9, 10, 5, 8, 4, 2];

/**
 * A Y-tunnus: 7 digits, a hyphen and a check digit (weights 7,9,10,5,8,4,2; sum mod 11;
 * remainder 0 → 0, 1 → invalid, otherwise 11 − remainder). Older 6-digit IDs get a leading 0.
 * An invalid ID is not a reason to reject the organisation: it becomes null with a problem.
 */
export function validateBusinessId(value: string | null): { businessId: string | null; problem: string | null } {
  if (value === null || value.trim() === '') return { businessId: null, problem: null };
  const compact = value.replace(/\s/g, '');
  const padded = /^[0-9]{6}-[0-9]$/.test(compact) ? `0${compact}` : compact;
  const match = /^([0-9]{7})-([0-9])$/.exec(padded);
  if (!match) return { businessId: null, problem: `business ID ${JSON.stringify(value)} is not in the form 1234567-8` };
  const sum = [...match[1]!].reduce((total, digit, index) => total + Number(digit) * businessIdWeights[index]!, 0);
  const remainder = sum % 11;
  const expected = remainder === 0 ? 0 : 11 - remainder;
  if (remainder === 1 || expected !== Number(match[2])) {
    return { businessId: null, problem: `business ID ${JSON.stringify(value)} has a wrong check digit` };
  }
  return { businessId: padded, problem: null };
}

const parishName = /seurakun|församling|kyrkliga samfällighet|kirkkoyhtymä|ortodoksi|ortodox/i;
const welfareRegionName = /hyvinvointialue|välfärdsområde|wellbeing services county/i;
const associationName = /(?:^|[\s,])(?:ry|rf|r\.y\.|säätiö|stiftelse|sr|yhdistys|förening|liitto|förbund)(?:$|[\s,.])/i;

/**
 * PTV organisation type → ours. 'Region' is PTV's type for welfare regions (hyvinvointialue);
 * RegionalOrganization covers joint municipal authorities and regional councils ('other',
 * unless named a welfare region); parishes are 'Organization' in PTV and are told apart by
 * their names; private social and health care providers are companies unless named as
 * associations or foundations.
 */
export function organisationType(type: PtvOrganizationType | null, names: readonly string[]): { type: OrganisationType; reason: string } {
  const named = (pattern: RegExp) => names.some((name) => pattern.test(name));
  switch (type) {
    case 'Municipality':
      return { type: 'municipality', reason: 'PTV type Municipality' };
    case 'State':
      return { type: 'state', reason: 'PTV type State' };
    case 'Region':
      return { type: 'welfare_region', reason: 'PTV type Region (welfare region)' };
    case 'Company':
      return { type: 'company', reason: 'PTV type Company' };
    case 'SotePrivate':
      return named(associationName)
        ? { type: 'ngo', reason: 'PTV type SotePrivate, named as an association or foundation' }
        : { type: 'company', reason: 'PTV type SotePrivate' };
    case 'SotePublic':
    case 'RegionalOrganization':
      if (named(welfareRegionName)) return { type: 'welfare_region', reason: `PTV type ${type}, named a welfare region` };
      if (named(parishName)) return { type: 'parish', reason: `PTV type ${type}, named a parish` };
      return { type: 'other', reason: `PTV type ${type} (joint authority or public sote organisation)` };
    case 'Organization':
      return named(parishName)
        ? { type: 'parish', reason: 'PTV type Organization, named a parish (seurakunta/församling)' }
        : { type: 'ngo', reason: 'PTV type Organization' };
    default:
      return named(parishName) ? { type: 'parish', reason: 'no PTV type, named a parish' } : { type: 'other', reason: 'no PTV type' };
  }
}

function preferred<T extends { language: Language }>(items: readonly T[]): T | undefined {
  for (const lang of languages) {
    const item = items.find((candidate) => candidate.language === lang);
    if (item) return item;
  }
  return undefined;
}

export interface OrganisationMapping {
  organisation: OrganisationRecord;
  warnings: string[];
}

export function mapOrganisation(organization: PtvOrganization, raw: unknown): OrganisationMapping {
  const warnings: string[] = [];
  const name: LocalisedText = {};
  for (const lang of languages) {
    const alternative = organization.displayNameTypes[lang] === 'AlternativeName' ? organization.alternativeNames[lang] : undefined;
    const value = alternative ?? organization.names[lang];
    if (value) name[lang] = value;
  }
  const { type, reason } = organisationType(organization.type, Object.values(organization.names));
  if (type === 'other') warnings.push(`organisation type 'other': ${reason}`);
  const businessId = validateBusinessId(organization.businessCode);
  if (businessId.problem) warnings.push(`${businessId.problem}; stored without a business ID`);
  const phone = preferred(organization.phones.filter((item) => item.kind !== 'Fax'));
  return {
    organisation: {
      id: organisationIdFor(organization.id),
      type,
      name,
      description: Object.keys(organization.description).length > 0 ? organization.description : organization.summary,
      businessId: businessId.businessId,
      regionCode: null,
      municipalityCode: organization.municipalityCode,
      parentId: organization.parentOrganizationId ? organisationIdFor(organization.parentOrganizationId) : null,
      website: preferred(organization.webPages)?.url ?? null,
      email: preferred(organization.emails)?.value ?? null,
      phone: phone ? phoneNumber(phone) : null,
      status: recordStatus(organization.publishingStatus),
      provenance: ptvProvenance(organization.id, organization.modified, raw),
    },
    warnings,
  };
}

export function serviceStatus(status: PtvPublishingStatus | null): ServiceStatus {
  if (status === 'Deleted' || status === 'Archived' || status === 'Withdrawn') return 'archived';
  if (status === 'Draft' || status === 'Modified') return 'draft';
  return 'published';
}

export function costType(chargeType: PtvChargeType | null): CostType {
  if (chargeType === 'Chargeable') return 'fee';
  if (chargeType === 'FreeOfCharge') return 'free';
  return 'unknown';
}

/**
 * Areas served. Nationwide (also "except Åland", which we cannot express) → 'nationwide';
 * a limited area → its municipalities. PTV "Region" areas are maakunta (regions of Finland),
 * not welfare regions: they are expanded to the municipalities PTV embeds in them, and
 * `areaRegions` stays empty (the catalogue derives welfare regions from municipalities).
 */
export function mapAreas(service: Pick<PtvService, 'areaType' | 'areas'>, warnings: string[] = []) {
  if (service.areaType === 'Nationwide' || service.areaType === 'NationwideExceptAlandIslands') {
    if (service.areaType === 'NationwideExceptAlandIslands') warnings.push('nationwide except Åland: stored as nationwide');
    return { areaType: 'nationwide' as AreaType, areaRegions: [] as string[], areaMunicipalities: [] as string[] };
  }
  const municipalities = new Set<string>();
  for (const area of service.areas) {
    if (area.municipalityCodes.length === 0) warnings.push(`${area.kind} area ${area.code ?? '(no code)'} lists no municipalities; not stored`);
    for (const code of area.municipalityCodes) municipalities.add(code);
  }
  const areaMunicipalities = [...municipalities].sort();
  return { areaType: (areaMunicipalities.length > 0 ? 'municipalities' : 'local') as AreaType, areaRegions: [] as string[], areaMunicipalities };
}

export function relevanceInput(service: PtvService): RelevanceInput {
  return {
    serviceType: service.type,
    serviceClasses: service.serviceClasses.flatMap((item) => (item.code ? [item.code] : [])),
    ontologyTerms: service.ontologyTerms.flatMap((item) => (item.uri ? [item.uri] : [])),
    targetGroups: service.targetGroups.flatMap((item) => (item.code ? [item.code] : [])),
    lifeEvents: service.lifeEvents.flatMap((item) => (item.code ? [item.code] : [])),
    names: [...Object.values(service.names), ...Object.values(service.alternativeNames)],
    keywords: Object.values(service.keywords).flat(),
    summaries: Object.values(service.summary),
  };
}

/** Data on one service–channel link: hours and contact details specific to that pair. */
export interface ServiceChannelLinkMapping {
  /** the channel's PTV GUID */
  channelId: string;
  /** locationId null: set it to `locationIdFor(channelId)` when the channel is a ServiceLocation */
  scheduleDrafts: ScheduleDraft[];
  channels: ContactChannelRecord[];
}

export type ServiceMapping =
  | { ok: true; service: ServiceRecord; relevance: RelevanceResult; links: ServiceChannelLinkMapping[]; warnings: string[] }
  | { ok: false; reasons: string[]; warnings: string[] };

export function mapService(service: PtvService, raw: unknown): ServiceMapping {
  const warnings: string[] = [];
  const responsible = service.organizations.find((organization) => organization.roleType === 'Responsible');
  if (!responsible) return { ok: false, reasons: ['organizations: no Responsible organisation'], warnings };
  const id = serviceIdFor(service.id);
  const provenance = ptvProvenance(service.id, service.modified, raw);
  const relevance = classifyRelevance(relevanceInput(service));
  if (service.chargeType === null && service.generalDescriptionId) {
    warnings.push('no serviceChargeType: it may be set on the general description, which is not imported');
  }
  const links = service.serviceChannels.map((link): ServiceChannelLinkMapping => {
    const hours = mapServiceHours(link.serviceHours, null);
    warnings.push(...hours.warnings.map((warning) => `serviceChannels ${link.channelId}: ${warning}`));
    const source = {
      key: `${service.id}|link|${link.channelId}`,
      organisationId: organisationIdFor(responsible.organizationId),
      name: service.names,
      description: link.description,
      status: recordStatus(service.publishingStatus),
      provenance,
      role: 'service_channel',
    };
    return { channelId: link.channelId, scheduleDrafts: hours.drafts, channels: mapContactDetails(source, link.contactDetails, warnings) };
  });
  const record: ServiceRecord = {
    id,
    organisationId: organisationIdFor(responsible.organizationId),
    name: service.names,
    alternativeNames: service.alternativeNames,
    summary: service.summary,
    description: service.description,
    plainSummary: {},
    userInstructions: service.userInstruction,
    keywords: service.keywords,
    themes: relevance.themes,
    targetGroups: relevance.targetGroups,
    ageMin: null,
    ageMax: null,
    costType: costType(service.chargeType),
    costInfo: service.chargeTypeAdditionalInfo,
    kaikukortti: false,
    languages: service.languages,
    ...mapAreas(service, warnings),
    status: serviceStatus(service.publishingStatus),
    inTray: relevance.inTray,
    acceptsReferrals: false,
    openPlaces: null,
    confidentialAddress: false,
    lastReviewedAt: null,
    serviceClasses: [...new Set(service.serviceClasses.flatMap((item) => (item.code ? [item.code] : [])))],
    ontologyTerms: [...new Set(service.ontologyTerms.flatMap((item) => (item.uri ? [item.uri] : [])))],
    sourceTargetGroups: [...new Set(service.targetGroups.flatMap((item) => (item.code ? [item.code] : [])))],
    lifeEvents: [...new Set(service.lifeEvents.flatMap((item) => (item.code ? [item.code] : [])))],
    provenance,
  };
  return { ok: true, service: record, relevance, links, warnings };
}

/**
 * Schedule rows of a service at a channel: the hours on the service–channel link when it has
 * some (they are specific to this service), otherwise the channel's own hours. `locationId` is
 * the channel's location (`locationIdFor(channelId)`) or null for a phone or web channel.
 */
export function schedulesForServiceAtChannel(
  serviceId: string,
  channelId: string,
  channelDrafts: readonly ScheduleDraft[],
  link: ServiceChannelLinkMapping | undefined,
  locationId: string | null,
) {
  if (link && link.scheduleDrafts.length > 0) {
    return attachSchedules(serviceId, `link:${channelId}`, link.scheduleDrafts.map((draft) => ({ ...draft, locationId })));
  }
  return attachSchedules(serviceId, channelId, channelDrafts);
}
