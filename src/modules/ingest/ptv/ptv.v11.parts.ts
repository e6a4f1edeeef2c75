/**
 * v11 adapter, shared parts: contact details, addresses with entrances, service hours, areas
 * and Finto items. Version differences handled here:
 * - v8 `multipointLocation` / v9+ `otherAddress` (a point without a street address);
 * - `entrances` with accessibility sentences (v9+; empty in v8);
 * - service hours: `isAlwaysOpen`/`isReservation` exist from v11; before that "always open" is
 *   a DaysOfTheWeek entry without daily times (seen on 24/7 services in the v8 data), so the
 *   flag is inferred when the property is absent;
 * - v7 names of hour types, area types and area kinds (see ptv.v11.aliases.ts);
 * - organisation phones carry no `type` (v8): they default to 'Phone'.
 */
import type { Language, LocalisedText } from '../../../platform/localised.ts';
import { ptvAreaKinds, ptvChargeTypes, ptvPhoneKinds, ptvServiceHourTypes, ptvWeekdays, type PtvWeekday } from './ptv.enums.ts';
import type {
  PtvAddress,
  PtvArea,
  PtvContactDetails,
  PtvEmail,
  PtvEntrance,
  PtvFintoItem,
  PtvOpeningHour,
  PtvPhone,
  PtvServiceHour,
  PtvStreetAddress,
  PtvWebPage,
} from './ptv.records.ts';
import {
  clockTime,
  conceptLabel,
  enumValue,
  list,
  localDate,
  localised,
  municipalityCode,
  object,
  optionalBoolean,
  optionalString,
  textLanguage,
  textLimits,
  type JsonObject,
  type ReadContext,
} from './ptv.read-helpers.ts';
import { addressTypeAliases, areaKindAliases, chargeTypeAliases, serviceHourTypeAliases } from './ptv.v11.aliases.ts';

/** Calls `read` for each object in a list, rejecting non-objects. */
function eachObject<T>(ctx: ReadContext, value: unknown, path: string, read: (item: JsonObject, path: string) => T | null): T[] {
  const results: T[] = [];
  list(ctx, value, path).forEach((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const item = object(ctx, raw, itemPath);
    if (!item) {
      if (raw === null) ctx.reject(itemPath, 'expected an object, got null');
      return;
    }
    const result = read(item, itemPath);
    if (result !== null) results.push(result);
  });
  return results;
}

/** The language of a contact item; null when it is dropped (Sámi) or rejected. */
function itemLanguage(ctx: ReadContext, value: unknown, path: string): Language | null {
  const language = textLanguage(ctx, value, path);
  return language === 'ignored' ? null : language;
}

export function readPhones(ctx: ReadContext, value: unknown, path: string): PtvPhone[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const number = optionalString(ctx, item.number, `${itemPath}.number`, 100);
    const language = itemLanguage(ctx, item.language, `${itemPath}.language`);
    const phone: PtvPhone = {
      kind: enumValue(ctx, item.type, `${itemPath}.type`, ptvPhoneKinds) ?? 'Phone',
      number: number?.replace(/[\s()-]/g, '') ?? '',
      prefixNumber: optionalString(ctx, item.prefixNumber, `${itemPath}.prefixNumber`, 10),
      isFinnishServiceNumber: optionalBoolean(ctx, item.isFinnishServiceNumber, `${itemPath}.isFinnishServiceNumber`) ?? false,
      chargeType: enumValue(ctx, item.serviceChargeType, `${itemPath}.serviceChargeType`, ptvChargeTypes, chargeTypeAliases),
      chargeDescription: optionalString(ctx, item.chargeDescription, `${itemPath}.chargeDescription`),
      additionalInformation: optionalString(ctx, item.additionalInformation, `${itemPath}.additionalInformation`),
      language: language ?? 'fi',
    };
    if (number === null || language === null) return null;
    if (!/^\+?[0-9]{3,20}$/.test(phone.number)) {
      ctx.warn(`${itemPath}.number`, `not a phone number: ${JSON.stringify(number)}; ignored`);
      return null;
    }
    return phone;
  });
}

export function readEmails(ctx: ReadContext, value: unknown, path: string): PtvEmail[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const address = optionalString(ctx, item.value, `${itemPath}.value`, 320);
    const description = optionalString(ctx, item.description, `${itemPath}.description`);
    const language = itemLanguage(ctx, item.language, `${itemPath}.language`);
    if (address === null || language === null) return null;
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      ctx.warn(`${itemPath}.value`, `not an e-mail address: ${JSON.stringify(address)}; ignored`);
      return null;
    }
    return { value: address, description, language };
  });
}

/**
 * The URL with non-ASCII letters replaced, for a structural check only. Node's IDNA conversion
 * of hosts such as www.sähköwaasa.fi was seen to fail after a while in one process (URL.canParse
 * true, then false for the same string), which made imports order-dependent.
 */
const asciiShape = (url: string) => url.replace(/[^\x00-\x7f]/g, 'x');

/** Web pages `{url, value (title), language}`; PrintableForm `channelUrls` are `{value (url), type, language}`. */
export function readWebPages(ctx: ReadContext, value: unknown, path: string, urlKey: 'url' | 'value' = 'url'): PtvWebPage[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const url = optionalString(ctx, item[urlKey], `${itemPath}.${urlKey}`, 2_000);
    const title = urlKey === 'url' ? optionalString(ctx, item.value, `${itemPath}.value`, textLimits.name) : null;
    const fileType = urlKey === 'value' ? optionalString(ctx, item.type, `${itemPath}.type`, 50) : null;
    const language = itemLanguage(ctx, item.language, `${itemPath}.language`);
    if (language === null) return null;
    if (url === null) {
      ctx.warn(`${itemPath}.${urlKey}`, 'empty URL; ignored');
      return null;
    }
    if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(asciiShape(url))) {
      ctx.warn(`${itemPath}.${urlKey}`, `not a web address: ${JSON.stringify(url.slice(0, 100))}; ignored`);
      return null;
    }
    return { url, title, language, fileType };
  });
}

function readCoordinate(ctx: ReadContext, value: unknown, path: string): string | null {
  if (typeof value === 'number') return String(value);
  return optionalString(ctx, value, path, 40);
}

function readMunicipality(ctx: ReadContext, value: unknown, path: string): string | null {
  const municipality = object(ctx, value, path);
  return municipality ? municipalityCode(ctx, municipality.code, `${path}.code`) : null;
}

export function readStreetAddress(ctx: ReadContext, value: unknown, path: string): PtvStreetAddress | null {
  const street = object(ctx, value, path);
  if (!street) return null;
  return {
    street: localised(ctx, street.street, `${path}.street`, textLimits.name),
    streetNumber: optionalString(ctx, street.streetNumber, `${path}.streetNumber`, 50),
    postalCode: optionalString(ctx, street.postalCode, `${path}.postalCode`, 20),
    postOffice: localised(ctx, street.postOffice, `${path}.postOffice`, textLimits.name),
    municipalityCode: readMunicipality(ctx, street.municipality, `${path}.municipality`),
    additionalInformation: localised(ctx, street.additionalInformation, `${path}.additionalInformation`),
    latitude: readCoordinate(ctx, street.latitude, `${path}.latitude`),
    longitude: readCoordinate(ctx, street.longitude, `${path}.longitude`),
    coordinateState: optionalString(ctx, street.coordinateState, `${path}.coordinateState`, 50),
  };
}

function readEntrances(ctx: ReadContext, value: unknown, path: string): PtvEntrance[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const coordinates = object(ctx, item.coordinates, `${itemPath}.coordinates`);
    const sentences = eachObject(ctx, item.accessibilitySentences, `${itemPath}.accessibilitySentences`, (group, groupPath) => {
      const groupName = localised(ctx, group.sentenceGroup, `${groupPath}.sentenceGroup`);
      return eachObject(ctx, group.sentences, `${groupPath}.sentences`, (sentence, sentencePath) => ({
        group: groupName,
        sentence: localised(ctx, sentence.sentence, `${sentencePath}.sentence`),
      }));
    });
    return {
      name: localised(ctx, item.name, `${itemPath}.name`, textLimits.name),
      isMainEntrance: optionalBoolean(ctx, item.isMainEntrance, `${itemPath}.isMainEntrance`) ?? false,
      latitude: coordinates ? readCoordinate(ctx, coordinates.latitude, `${itemPath}.coordinates.latitude`) : null,
      longitude: coordinates ? readCoordinate(ctx, coordinates.longitude, `${itemPath}.coordinates.longitude`) : null,
      accessibilitySentences: sentences.flat(),
    };
  });
}

export function readAddresses(ctx: ReadContext, value: unknown, path: string): PtvAddress[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const type = enumValue(ctx, item.type, `${itemPath}.type`, ['Location', 'Postal', 'Delivery'] as const, addressTypeAliases);
    if (type === null) return null;
    // v8 names the coordinate-only address `multipointLocation`, v9+ `otherAddress`
    const otherKey = item.otherAddress !== undefined && item.otherAddress !== null ? 'otherAddress' : 'multipointLocation';
    const other = object(ctx, item[otherKey], `${itemPath}.${otherKey}`);
    const poBox = object(ctx, item.postOfficeBoxAddress, `${itemPath}.postOfficeBoxAddress`);
    return {
      type,
      subType: optionalString(ctx, item.subType, `${itemPath}.subType`, 50),
      street: readStreetAddress(ctx, item.streetAddress, `${itemPath}.streetAddress`),
      other: other
        ? {
            latitude: readCoordinate(ctx, other.latitude, `${itemPath}.${otherKey}.latitude`),
            longitude: readCoordinate(ctx, other.longitude, `${itemPath}.${otherKey}.longitude`),
            postalCode: optionalString(ctx, other.postalCode, `${itemPath}.${otherKey}.postalCode`, 20),
            postOffice: localised(ctx, other.postOffice, `${itemPath}.${otherKey}.postOffice`, textLimits.name),
            additionalInformation: localised(ctx, other.additionalInformation, `${itemPath}.${otherKey}.additionalInformation`),
          }
        : null,
      postOfficeBox: poBox ? localised(ctx, poBox.postOfficeBox, `${itemPath}.postOfficeBoxAddress.postOfficeBox`, textLimits.name) : {},
      entrances: readEntrances(ctx, item.entrances, `${itemPath}.entrances`),
      country: optionalString(ctx, item.country, `${itemPath}.country`, 10),
    };
  });
}

function readWeekday(ctx: ReadContext, value: unknown, path: string): PtvWeekday | null {
  const text = optionalString(ctx, value, path, 20);
  if (text === null) return null;
  const day = ptvWeekdays.find((weekday) => weekday.toLowerCase() === text.toLowerCase());
  if (!day) ctx.reject(path, `not a weekday: ${JSON.stringify(text)}`);
  return day ?? null;
}

export function readServiceHours(ctx: ReadContext, value: unknown, path: string): PtvServiceHour[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const type = enumValue(ctx, item.serviceHourType, `${itemPath}.serviceHourType`, ptvServiceHourTypes, serviceHourTypeAliases);
    const openingHours = eachObject(ctx, item.openingHour, `${itemPath}.openingHour`, (hour, hourPath): PtvOpeningHour => ({
      dayFrom: readWeekday(ctx, hour.dayFrom, `${hourPath}.dayFrom`),
      dayTo: readWeekday(ctx, hour.dayTo, `${hourPath}.dayTo`),
      from: clockTime(ctx, hour.from, `${hourPath}.from`),
      to: clockTime(ctx, hour.to, `${hourPath}.to`),
    }));
    const isClosed = optionalBoolean(ctx, item.isClosed, `${itemPath}.isClosed`) ?? false;
    const alwaysOpenFlag = optionalBoolean(ctx, item.isAlwaysOpen, `${itemPath}.isAlwaysOpen`);
    const hour: PtvServiceHour = {
      type: type ?? 'DaysOfTheWeek',
      validFrom: localDate(ctx, item.validFrom, `${itemPath}.validFrom`),
      validTo: localDate(ctx, item.validTo, `${itemPath}.validTo`),
      isClosed,
      // ≤ v10 has no isAlwaysOpen: "regular hours without daily times" meant open around the clock
      isAlwaysOpen:
        'isAlwaysOpen' in item ? (alwaysOpenFlag ?? false) : type === 'DaysOfTheWeek' && openingHours.length === 0 && !isClosed,
      isReservation: optionalBoolean(ctx, item.isReservation, `${itemPath}.isReservation`) ?? false,
      additionalInformation: localised(ctx, item.additionalInformation, `${itemPath}.additionalInformation`),
      openingHours,
    };
    return type === null ? null : hour;
  });
}

export function readContactDetails(ctx: ReadContext, value: unknown, path: string): PtvContactDetails {
  const details = object(ctx, value, path);
  if (!details) return { phones: [], emails: [], webPages: [], addresses: [] };
  return {
    phones: readPhones(ctx, details.phoneNumbers, `${path}.phoneNumbers`),
    emails: readEmails(ctx, details.emails, `${path}.emails`),
    webPages: readWebPages(ctx, details.webPages, `${path}.webPages`),
    addresses: readAddresses(ctx, details.addresses, `${path}.addresses`),
  };
}

export function readAreas(ctx: ReadContext, value: unknown, path: string): PtvArea[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const kind = enumValue(ctx, item.type, `${itemPath}.type`, ptvAreaKinds, areaKindAliases);
    const municipalityCodes = eachObject(ctx, item.municipalities, `${itemPath}.municipalities`, (municipality, municipalityPath) =>
      municipalityCode(ctx, municipality.code, `${municipalityPath}.code`),
    );
    const area: PtvArea = {
      kind: kind ?? 'Municipality',
      code: optionalString(ctx, item.code, `${itemPath}.code`, 20),
      name: localised(ctx, item.name, `${itemPath}.name`, textLimits.name),
      municipalityCodes: [...new Set(municipalityCodes)],
    };
    return kind === null ? null : area;
  });
}

/**
 * Service classes, ontology terms, target groups, life events. A service class without a code
 * gets it from a v11 codelist URI (…/ptvserclass2/code/P27.1).
 */
export function readFintoItems(ctx: ReadContext, value: unknown, path: string): PtvFintoItem[] {
  return eachObject(ctx, value, path, (item, itemPath) => {
    const uri = optionalString(ctx, item.uri, `${itemPath}.uri`, 500);
    const code = optionalString(ctx, item.code, `${itemPath}.code`, 50) ?? (uri ? (/\/code\/([^/]+)$/.exec(uri)?.[1] ?? null) : null);
    const label: LocalisedText = conceptLabel(ctx, item.name, `${itemPath}.name`);
    if (code === null && uri === null) {
      ctx.warn(itemPath, 'neither code nor uri; ignored');
      return null;
    }
    return { code, uri, label };
  });
}
