/**
 * The PTV Open API v11 adapter: reads raw JSON records into the normalised records of
 * `ptv.records.ts`. It is tolerant of the v8 and v9 records (their differences are small and
 * listed below and in ptv.v11.parts.ts) and of v7 code names (ptv.v11.aliases.ts).
 *
 * Version differences handled in this file:
 * - service organisations: `organization.id` (v8+) or `organizationId` (v6/v7);
 * - service channel links: `serviceChannel.id` (v8+) or `serviceChannelId` (v7);
 * - organisation business ID: the Y-tunnus is `businessCode`; from v10 `businessId` is a PTV
 *   GUID, so it is used only when it looks like a Y-tunnus (older payloads);
 * - channel accessibility: v9 has flat `accessibilityClassificationLevel`/`wcagLevel`/
 *   `accessibilityStatementWebPage`, v11 an `accessibilityClassification` object;
 * - v11-only fields (`responsibleSoteOrganization`, `serviceCollections`, `newUri`, channel
 *   `ontologyTerms`) are not needed by the mappers and are left in the raw payload.
 */
import type { LocalisedText } from '../../../platform/localised.ts';
import {
  ptvChannelTypes,
  ptvChargeTypes,
  ptvAreaTypes,
  ptvOrganizationTypes,
  ptvPublishingStatuses,
  ptvRoleTypes,
  ptvServiceTypes,
} from './ptv.enums.ts';
import type {
  PtvAccessibilityClassification,
  PtvAdapter,
  PtvListItem,
  PtvOrganization,
  PtvPage,
  PtvService,
  PtvServiceChannel,
  PtvServiceChannelLink,
  PtvServiceOrganization,
  ReadResult,
} from './ptv.records.ts';
import {
  enumValue,
  guid,
  hasAnyText,
  isJsonObject,
  languageCodes,
  list,
  localised,
  municipalityCode,
  object,
  optionalBoolean,
  optionalInteger,
  optionalString,
  ReadContext,
  textItems,
  textLimits,
  timestamp,
  typedLocalised,
  describe,
  type JsonObject,
} from './ptv.read-helpers.ts';
import {
  areaTypeAliases,
  channelDescriptionTypeAliases,
  channelDescriptionTypes,
  chargeTypeAliases,
  nameTypeAliases,
  nameTypes,
  serviceDescriptionTypeAliases,
  serviceDescriptionTypes,
  serviceTypeAliases,
} from './ptv.v11.aliases.ts';
import {
  readAddresses,
  readAreas,
  readContactDetails,
  readEmails,
  readFintoItems,
  readPhones,
  readServiceHours,
  readWebPages,
} from './ptv.v11.parts.ts';

const nameLimit = () => textLimits.name;
const descriptionLimit = (type: string) => (type === 'Summary' ? textLimits.short : textLimits.long);

function root(ctx: ReadContext, raw: unknown): JsonObject | null {
  if (isJsonObject(raw)) return raw;
  ctx.reject('', `record is not an object (got ${describe(raw)})`);
  return null;
}

function requireName(ctx: ReadContext, names: LocalisedText | undefined, path: string): LocalisedText {
  if (!names || !hasAnyText(names)) ctx.reject(path, 'no name in fi, sv or en');
  return names ?? {};
}

function readKeywords(ctx: ReadContext, value: unknown, path: string): PtvService['keywords'] {
  const keywords: PtvService['keywords'] = {};
  for (const item of textItems(ctx, value, path, () => textLimits.short)) {
    const words = (keywords[item.language] ??= []);
    if (!words.includes(item.value)) words.push(item.value);
  }
  return keywords;
}

function readServiceOrganizations(ctx: ReadContext, value: unknown, path: string): PtvServiceOrganization[] {
  const organizations: PtvServiceOrganization[] = [];
  list(ctx, value, path).forEach((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const item = object(ctx, raw, itemPath);
    if (!item) return;
    const nested = object(ctx, item.organization, `${itemPath}.organization`);
    const roleType = enumValue(ctx, item.roleType, `${itemPath}.roleType`, ptvRoleTypes);
    // A procured service's producer is often outside PTV: `organization: null` (45 v8 records)
    const organizationId = nested
      ? guid(ctx, nested.id, `${itemPath}.organization.id`, true)
      : guid(ctx, item.organizationId, `${itemPath}.organizationId`, roleType === 'Responsible');
    const provisionType = optionalString(ctx, item.provisionType, `${itemPath}.provisionType`, 100);
    if (organizationId && roleType) organizations.push({ organizationId, roleType, provisionType });
  });
  return organizations;
}

function readServiceChannelLinks(ctx: ReadContext, value: unknown, path: string): PtvServiceChannelLink[] {
  const links: PtvServiceChannelLink[] = [];
  list(ctx, value, path).forEach((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const item = object(ctx, raw, itemPath);
    if (!item) return;
    const nested = object(ctx, item.serviceChannel, `${itemPath}.serviceChannel`);
    const channelId = nested
      ? guid(ctx, nested.id, `${itemPath}.serviceChannel.id`, true)
      : guid(ctx, item.serviceChannelId, `${itemPath}.serviceChannelId`, true);
    const link: Omit<PtvServiceChannelLink, 'channelId'> = {
      chargeType: enumValue(ctx, item.serviceChargeType, `${itemPath}.serviceChargeType`, ptvChargeTypes, chargeTypeAliases),
      description: localised(ctx, item.description, `${itemPath}.description`, textLimits.long),
      serviceHours: readServiceHours(ctx, item.serviceHours, `${itemPath}.serviceHours`),
      contactDetails: readContactDetails(ctx, item.contactDetails, `${itemPath}.contactDetails`),
    };
    if (channelId) links.push({ channelId, ...link });
  });
  return links;
}

function readService(raw: unknown): ReadResult<PtvService> {
  const ctx = new ReadContext();
  const record = root(ctx, raw);
  if (!record) return ctx.finish(null, null as never);
  const id = guid(ctx, record.id, 'id', true);
  const names = typedLocalised(ctx, record.serviceNames, 'serviceNames', nameTypes, nameTypeAliases, nameLimit);
  const texts = typedLocalised(
    ctx,
    record.serviceDescriptions,
    'serviceDescriptions',
    serviceDescriptionTypes,
    serviceDescriptionTypeAliases,
    descriptionLimit,
  );
  const { Summary, Description, UserInstruction, ChargeTypeAdditionalInfo, ...otherDescriptions } = texts;
  const service: PtvService = {
    id: id ?? '',
    type: enumValue(ctx, record.type, 'type', ptvServiceTypes, serviceTypeAliases),
    names: requireName(ctx, names.Name, 'serviceNames'),
    alternativeNames: names.AlternativeName ?? {},
    summary: Summary ?? {},
    description: Description ?? {},
    userInstruction: UserInstruction ?? {},
    chargeTypeAdditionalInfo: ChargeTypeAdditionalInfo ?? {},
    otherDescriptions: otherDescriptions as Record<string, LocalisedText>,
    requirements: localised(ctx, record.requirements, 'requirements', textLimits.long),
    chargeType: enumValue(ctx, record.serviceChargeType, 'serviceChargeType', ptvChargeTypes, chargeTypeAliases),
    fundingType: optionalString(ctx, record.fundingType, 'fundingType', 100),
    areaType: enumValue(ctx, record.areaType, 'areaType', ptvAreaTypes, areaTypeAliases),
    areas: readAreas(ctx, record.areas, 'areas'),
    languages: languageCodes(ctx, record.languages, 'languages'),
    keywords: readKeywords(ctx, record.keywords, 'keywords'),
    serviceClasses: readFintoItems(ctx, record.serviceClasses, 'serviceClasses'),
    ontologyTerms: readFintoItems(ctx, record.ontologyTerms, 'ontologyTerms'),
    targetGroups: readFintoItems(ctx, record.targetGroups, 'targetGroups'),
    lifeEvents: readFintoItems(ctx, record.lifeEvents, 'lifeEvents'),
    organizations: readServiceOrganizations(ctx, record.organizations, 'organizations'),
    serviceChannels: readServiceChannelLinks(ctx, record.serviceChannels, 'serviceChannels'),
    generalDescriptionId: guid(ctx, record.generalDescriptionId, 'generalDescriptionId', false),
    publishingStatus: enumValue(ctx, record.publishingStatus, 'publishingStatus', ptvPublishingStatuses),
    modified: timestamp(ctx, record.modified, 'modified'),
  };
  return ctx.finish(id, service);
}

function readAccessibility(ctx: ReadContext, record: JsonObject): PtvAccessibilityClassification | null {
  const nested = object(ctx, record.accessibilityClassification, 'accessibilityClassification');
  const source = nested ?? record;
  const prefix = nested ? 'accessibilityClassification.' : '';
  const level = optionalString(ctx, source.accessibilityClassificationLevel, `${prefix}accessibilityClassificationLevel`, 100);
  const wcagLevel = optionalString(ctx, source.wcagLevel, `${prefix}wcagLevel`, 100);
  const statement = source.accessibilityStatementWebPage;
  // v9: a URL string; v11: a URL string next to accessibilityStatementWebPageName
  const statementUrl = typeof statement === 'string' ? optionalString(ctx, statement, `${prefix}accessibilityStatementWebPage`, 2_000) : null;
  return level || wcagLevel || statementUrl ? { level, wcagLevel, statementUrl } : null;
}

function readServiceIds(ctx: ReadContext, value: unknown): string[] {
  const ids: string[] = [];
  list(ctx, value, 'services').forEach((raw, index) => {
    const item = object(ctx, raw, `services[${index}]`);
    const service = item ? object(ctx, item.service, `services[${index}].service`) : null;
    const id = service ? guid(ctx, service.id, `services[${index}].service.id`, true) : null;
    if (id && !ids.includes(id)) ids.push(id);
  });
  return ids;
}

function readServiceChannel(raw: unknown): ReadResult<PtvServiceChannel> {
  const ctx = new ReadContext();
  const record = root(ctx, raw);
  if (!record) return ctx.finish(null, null as never);
  const id = guid(ctx, record.id, 'id', true);
  const type = enumValue(ctx, record.serviceChannelType, 'serviceChannelType', ptvChannelTypes, {}, true);
  const names = typedLocalised(ctx, record.serviceChannelNames, 'serviceChannelNames', nameTypes, nameTypeAliases, nameLimit);
  const texts = typedLocalised(
    ctx,
    record.serviceChannelDescriptions,
    'serviceChannelDescriptions',
    channelDescriptionTypes,
    channelDescriptionTypeAliases,
    descriptionLimit,
  );
  const phonesKey = type === 'ServiceLocation' || type === 'Phone' ? 'phoneNumbers' : 'supportPhones';
  const emailsKey = type === 'ServiceLocation' ? 'emails' : 'supportEmails';
  const base = {
    id: id ?? '',
    organizationId: guid(ctx, record.organizationId, 'organizationId', false),
    names: requireName(ctx, names.Name, 'serviceChannelNames'),
    summary: texts.Summary ?? {},
    description: texts.Description ?? {},
    languages: languageCodes(ctx, record.languages, 'languages'),
    areaType: enumValue(ctx, record.areaType, 'areaType', ptvAreaTypes, areaTypeAliases),
    areas: readAreas(ctx, record.areas, 'areas'),
    serviceHours: readServiceHours(ctx, record.serviceHours, 'serviceHours'),
    serviceIds: readServiceIds(ctx, record.services),
    phones: readPhones(ctx, record[phonesKey], phonesKey),
    emails: readEmails(ctx, record[emailsKey], emailsKey),
    // v7 called the e-service and web page addresses `urls`
    webPages: readWebPages(ctx, record.webPages ?? record.urls, record.webPages !== undefined ? 'webPages' : 'urls'),
    publishingStatus: enumValue(ctx, record.publishingStatus, 'publishingStatus', ptvPublishingStatuses),
    modified: timestamp(ctx, record.modified, 'modified'),
  };
  let channel: PtvServiceChannel;
  switch (type) {
    case 'ServiceLocation':
      channel = { ...base, type, addresses: readAddresses(ctx, record.addresses, 'addresses') };
      break;
    case 'EChannel':
      channel = {
        ...base,
        type,
        requiresAuthentication: optionalBoolean(ctx, record.requiresAuthentication, 'requiresAuthentication'),
        requiresSignature: optionalBoolean(ctx, record.requiresSignature, 'requiresSignature'),
        accessibility: readAccessibility(ctx, record),
      };
      break;
    case 'WebPage':
      channel = { ...base, type, accessibility: readAccessibility(ctx, record) };
      break;
    case 'PrintableForm':
      channel = {
        ...base,
        type,
        formUrls: readWebPages(ctx, record.channelUrls, 'channelUrls', 'value'),
        formIdentifier: localised(ctx, record.formIdentifier, 'formIdentifier', textLimits.name),
      };
      break;
    case 'Phone':
      channel = { ...base, type };
      break;
    default:
      if (record.serviceChannelType === undefined || record.serviceChannelType === null) ctx.reject('serviceChannelType', 'missing');
      return ctx.finish(id, null as never);
  }
  return ctx.finish(id, channel);
}

/** A Y-tunnus-looking value: 7 digits (or 6, older), a hyphen, a check digit. */
const businessCodeShape = /^[0-9]{6,7}-[0-9]$/;

function readOrganization(raw: unknown): ReadResult<PtvOrganization> {
  const ctx = new ReadContext();
  const record = root(ctx, raw);
  if (!record) return ctx.finish(null, null as never);
  const id = guid(ctx, record.id, 'id', true);
  const names = typedLocalised(ctx, record.organizationNames, 'organizationNames', nameTypes, nameTypeAliases, nameLimit);
  const texts = typedLocalised(
    ctx,
    record.organizationDescriptions,
    'organizationDescriptions',
    channelDescriptionTypes,
    channelDescriptionTypeAliases,
    descriptionLimit,
  );
  const displayNameTypes: PtvOrganization['displayNameTypes'] = {};
  list(ctx, record.displayNameType, 'displayNameType').forEach((rawItem, index) => {
    const item = object(ctx, rawItem, `displayNameType[${index}]`);
    const language = typeof item?.language === 'string' ? item.language : null;
    const nameType = enumValue(ctx, item?.type, `displayNameType[${index}].type`, nameTypes, nameTypeAliases);
    if ((language === 'fi' || language === 'sv' || language === 'en') && nameType) displayNameTypes[language] = nameType;
  });
  const businessCode = optionalString(ctx, record.businessCode, 'businessCode', 50);
  const legacyBusinessId = typeof record.businessId === 'string' && businessCodeShape.test(record.businessId.trim()) ? record.businessId.trim() : null;
  const municipality = object(ctx, record.municipality, 'municipality');
  const organization: PtvOrganization = {
    id: id ?? '',
    type: enumValue(ctx, record.organizationType, 'organizationType', ptvOrganizationTypes),
    names: requireName(ctx, names.Name, 'organizationNames'),
    alternativeNames: names.AlternativeName ?? {},
    displayNameTypes,
    description: texts.Description ?? {},
    summary: texts.Summary ?? {},
    businessCode: businessCode ?? legacyBusinessId,
    municipalityCode: municipality ? municipalityCode(ctx, municipality.code, 'municipality.code') : null,
    parentOrganizationId: guid(ctx, record.parentOrganizationId, 'parentOrganizationId', false),
    phones: readPhones(ctx, record.phoneNumbers, 'phoneNumbers'),
    emails: readEmails(ctx, record.emails ?? record.emailAddresses, record.emails !== undefined ? 'emails' : 'emailAddresses'),
    webPages: readWebPages(ctx, record.webPages, 'webPages'),
    addresses: readAddresses(ctx, record.addresses, 'addresses'),
    publishingStatus: enumValue(ctx, record.publishingStatus, 'publishingStatus', ptvPublishingStatuses),
    modified: timestamp(ctx, record.modified, 'modified'),
  };
  return ctx.finish(id, organization);
}

function readListItem(raw: unknown): ReadResult<PtvListItem> {
  const ctx = new ReadContext();
  const record = root(ctx, raw);
  if (!record) return ctx.finish(null, null as never);
  const id = guid(ctx, record.id, 'id', true);
  return ctx.finish(id, { id: id ?? '', name: optionalString(ctx, record.name, 'name', textLimits.name) });
}

/** `{pageNumber, pageSize, pageCount, itemList}`; bad items are listed, not fatal. */
function readPage<T>(raw: unknown, readItem: (item: unknown) => ReadResult<T>): ReadResult<PtvPage<T>> {
  const ctx = new ReadContext();
  const record = root(ctx, raw);
  if (!record) return ctx.finish(null, null as never);
  const page: PtvPage<T> = {
    pageNumber: optionalInteger(ctx, record.pageNumber, 'pageNumber') ?? 0,
    pageSize: optionalInteger(ctx, record.pageSize, 'pageSize') ?? 0,
    pageCount: optionalInteger(ctx, record.pageCount, 'pageCount') ?? 0,
    items: [],
    rejected: [],
  };
  list(ctx, record.itemList, 'itemList').forEach((item, index) => {
    const result = readItem(item);
    if (result.ok) page.items.push(result.value);
    else page.rejected.push({ index, id: result.id, reasons: result.reasons });
  });
  return ctx.finish(null, page);
}

export const ptvV11Adapter: PtvAdapter = {
  version: 'v11',
  readService,
  readServiceChannel,
  readOrganization,
  readPage,
  readListItem,
};
