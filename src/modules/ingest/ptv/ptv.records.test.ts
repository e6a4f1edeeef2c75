import { describe, expect, it } from 'vitest';
import { readOrganization, readPage, readListItem, readService, readServiceChannel, type PtvService } from './ptv.records.ts';
import { copy, hasPtvData, loadPtv, loadRecord, withPtvData } from './ptv.test-data.ts';

function readOk(raw: unknown): PtvService {
  const result = readService(raw);
  if (!result.ok) throw new Error(`rejected: ${result.reasons.join('; ')}`);
  return result.value;
}

function reasonsOf(raw: unknown): string[] {
  const result = readService(raw);
  return result.ok ? [] : result.reasons;
}

describe('reading records that are not records', () => {
  it('rejects a non-object with a reason instead of throwing', () => {
    expect(readService('hello')).toMatchObject({ ok: false, id: null, reasons: ['record is not an object (got a string)'] });
    expect(readServiceChannel(null)).toMatchObject({ ok: false, reasons: ['record is not an object (got null)'] });
    expect(readOrganization([])).toMatchObject({ ok: false });
  });
});

describe.skipIf(!hasPtvData)(withPtvData('reading real PTV services'), () => {
  it('reads a v8 service: names, texts, classes, charge type and modified (UTC without a zone)', () => {
    const service = readOk(loadRecord('v8', 'services', '6ccb671f'));
    expect(service.id).toBe('6ccb671f-05cd-46cf-a0a4-4f98d43dfd37');
    expect(service.names.fi).toBe('Uimahalli');
    expect(service.serviceClasses.map((item) => item.code)).toEqual(['P27.1']);
    expect(service.organizations.find((item) => item.roleType === 'Responsible')?.organizationId).toBe('7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5');
    expect(service.modified?.toISOString()).toMatch(/^2017-|^2018-/);
    expect(service.summary.fi).toBeTruthy();
  });

  it('reads a v9 service, whose timestamps carry a Z', () => {
    const raw = loadRecord('v9', 'services', '5fe23177');
    const service = readOk(raw);
    expect(service.names.fi).toBe('Työllistymistä edistävä monialainen yhteispalvelu (TYP)');
    expect(service.modified?.toISOString()).toBe(new Date(raw.modified as string).toISOString());
  });

  it('reads the v11 services (Liperi and the nationwide Nettilukio)', () => {
    const liperi = Object.values(loadPtv('auroraai-core-components-v11/services.json') as Record<string, unknown>)[0];
    const service = readOk(liperi);
    expect(service.names.fi).toBe('Yksilöllistetty oppimäärä');
    expect(service.targetGroups.map((item) => item.code)).toEqual(['KR1.2', 'KR1']);
    expect(service.areas[0]?.municipalityCodes).toEqual(['426', '123']);
    const nationwide = readOk(loadPtv('auroraai-core-components-v11/etalukio_service.json'));
    expect(nationwide.areaType).toBe('Nationwide');
  });

  it('keeps producers outside PTV (organization: null) out of the organisations without rejecting', () => {
    const service = readOk(loadRecord('v8', 'services', '09201a18'));
    expect(service.organizations.map((item) => item.roleType)).toEqual(['Responsible', 'Producer']);
  });

  it('accepts ontology labels in other languages (de, et) and keeps fi/sv/en', () => {
    const service = readOk(loadRecord('v8', 'services', '17c633dd'));
    expect(service.ontologyTerms[0]?.label).toEqual({ fi: 'peruskoulu', sv: 'grundskolan', en: 'comprehensive school' });
  });

  it('translates v7 spellings (AlternateName, ShortDescription, Charged, AreaType, Province, organizationId)', () => {
    const raw = copy(loadRecord('v8', 'services', '6ccb671f')) as Record<string, any>;
    raw.serviceNames.push({ language: 'fi', value: 'Simhallen', type: 'AlternateName' });
    raw.serviceDescriptions = [{ language: 'fi', value: 'Lyhyesti.', type: 'ShortDescription' }];
    raw.serviceChargeType = 'Charged';
    raw.areaType = 'AreaType';
    raw.areas = [{ type: 'Province', code: '15', name: null, municipalities: [{ code: '905', name: [] }] }];
    raw.type = 'PermissionAndObligation';
    raw.organizations = [{ organizationId: '7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5', roleType: 'Responsible' }];
    const service = readOk(raw);
    expect(service.alternativeNames.fi).toBe('Simhallen');
    expect(service.summary.fi).toBe('Lyhyesti.');
    expect(service.chargeType).toBe('Chargeable');
    expect(service.areaType).toBe('LimitedType');
    expect(service.areas[0]).toMatchObject({ kind: 'Region', code: '15', municipalityCodes: ['905'] });
    expect(service.type).toBe('PermitOrObligation');
    expect(service.organizations[0]?.organizationId).toBe('7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5');
  });
});

describe.skipIf(!hasPtvData)(withPtvData('rejecting malformed services (mutated real records)'), () => {
  const base = () => copy(loadRecord('v8', 'services', '6ccb671f')) as Record<string, any>;

  it('rejects a service without any name', () => {
    const raw = base();
    raw.serviceNames = [];
    expect(reasonsOf(raw)).toEqual(['serviceNames: no name in fi, sv or en']);
  });

  it('rejects a service named only in Northern Sámi: no stored language', () => {
    const raw = base();
    raw.serviceNames = [{ language: 'se', value: 'Vuodjanhálla', type: 'Name' }];
    expect(reasonsOf(raw)).toEqual(['serviceNames: no name in fi, sv or en']);
  });

  it('rejects an unknown language code on a text', () => {
    const raw = base();
    raw.serviceNames[0].language = 'xx';
    expect(reasonsOf(raw)).toContain('serviceNames[0].language: unknown language code "xx" (PTV texts are fi, sv, en, se, smn or sms)');
  });

  it('rejects an unknown service language', () => {
    const raw = base();
    raw.languages = ['fi', 'suomi'];
    expect(reasonsOf(raw)).toEqual(['languages[1]: unknown language code "suomi"']);
  });

  it('rejects an oversize description (limit 20,000 characters) and an oversize name (500)', () => {
    const raw = base();
    raw.serviceDescriptions.push({ language: 'fi', value: 'x'.repeat(20_001), type: 'Description' });
    raw.serviceNames[0].value = 'n'.repeat(501);
    const reasons = reasonsOf(raw);
    expect(reasons).toContain(`serviceDescriptions[${raw.serviceDescriptions.length - 1}].value: text is 20001 characters; the limit is 20000`);
    expect(reasons).toContain('serviceNames[0].value: text is 501 characters; the limit is 500');
  });

  it('rejects wrong types with the path and the type found', () => {
    const raw = base();
    raw.serviceNames = 'Uimahalli';
    raw.serviceClasses[0].code = 27;
    const reasons = reasonsOf(raw);
    expect(reasons).toContain('serviceNames: expected an array, got a string');
    expect(reasons).toContain('serviceClasses[0].code: expected a string, got a number');
  });

  it('rejects a missing id, an id that is not a GUID and a modified that is not a date', () => {
    const raw = base();
    delete raw.id;
    raw.modified = 'yesterday';
    expect(reasonsOf(raw)).toEqual(['id: missing', 'modified: not a date: "yesterday"']);
    const other = base();
    other.id = '12345';
    expect(readService(other)).toMatchObject({ ok: false, id: null, reasons: ['id: expected a GUID, got "12345"'] });
  });

  it('returns the id of a rejected record for the run record', () => {
    const raw = base();
    raw.serviceNames = [];
    expect(readService(raw)).toMatchObject({ ok: false, id: '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37' });
  });

  it('warns about, but keeps, an unknown charge type', () => {
    const raw = base();
    raw.serviceChargeType = 'Sometimes';
    const result = readService(raw);
    expect(result.ok).toBe(true);
    expect(result.warnings[0]).toMatch(/^serviceChargeType: unknown value "Sometimes"/);
  });
});

describe.skipIf(!hasPtvData)(withPtvData('reading real PTV channels and organisations'), () => {
  it('reads the v11 ServiceLocation: Sámi street names dropped with a warning, entrances with sentences', () => {
    const result = readServiceChannel(loadPtv('auroraai-core-components-v11/otava_service_channel.json'));
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.type !== 'ServiceLocation') return;
    expect(result.warnings).toEqual(['texts in se, smn, sms ignored: only fi, sv and en are stored']);
    const address = result.value.addresses[0]!;
    expect(address.street?.street).toEqual({ fi: 'Otavantie', sv: 'Otavantie', en: 'Otavantie' });
    expect(address.entrances[0]?.accessibilitySentences.length).toBe(10);
    expect(result.value.serviceHours[0]?.isAlwaysOpen).toBe(false);
  });

  it('infers "always open" for v8 regular hours without daily times (no isAlwaysOpen before v11)', () => {
    const result = readServiceChannel(loadRecord('v8', 'servicechannels', '005bf017'));
    expect(result.ok && result.value.serviceHours[0]).toMatchObject({ type: 'DaysOfTheWeek', isAlwaysOpen: true, openingHours: [] });
  });

  it('rejects a channel of an unknown type', () => {
    const raw = copy(loadRecord('v8', 'servicechannels', '005bf017'));
    raw.serviceChannelType = 'Fax';
    const result = readServiceChannel(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons[0]).toMatch(/^serviceChannelType: unknown value "Fax"/);
  });

  it('reads an organisation with its business code (Y-tunnus) and display name types', () => {
    const result = readOrganization(loadRecord('v8', 'organizations', 'b458d033'));
    expect(result.ok && result.value).toMatchObject({
      type: 'State',
      businessCode: '0245437-2',
      names: { fi: 'Väestörekisterikeskus', sv: 'Befolkningsregistercentralen' },
      alternativeNames: { fi: 'VRK', sv: 'BRC' },
      displayNameTypes: { fi: 'Name', sv: 'Name' },
    });
  });

  it('reads a v11 paged list and lists the bad items instead of failing the page', () => {
    const page = copy(loadPtv('smbackend-v11-fixtures/municipality_channels.json')) as { itemList: unknown[] };
    page.itemList.push({ id: 'not-a-guid' });
    const result = readPage(page, readServiceChannel);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ pageNumber: 1, pageSize: 100, pageCount: 1 });
    expect(result.value.items.length).toBe(3);
    expect(result.value.rejected).toEqual([{ index: 3, id: null, reasons: expect.arrayContaining(['id: expected a GUID, got "not-a-guid"']) }]);
  });

  it('reads index items {id, name}', () => {
    expect(readListItem({ id: '6CCB671F-05CD-46CF-A0A4-4F98D43DFD37', name: 'Uimahalli' })).toEqual({
      ok: true,
      value: { id: '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37', name: 'Uimahalli' },
      warnings: [],
    });
  });
});
