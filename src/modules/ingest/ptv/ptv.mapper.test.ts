import { describe, expect, it } from 'vitest';
import { payloadHash, stableId } from '../../../platform/ids.ts';
import { mapAreas, mapOrganisation, mapService, organisationType, schedulesForServiceAtChannel, validateBusinessId } from './ptv.mapper.ts';
import { readOrganization, readService } from './ptv.records.ts';
import { copy, hasPtvData, loadPtv, loadRecord, withPtvData } from './ptv.test-data.ts';

function mapRaw(raw: unknown) {
  const read = readService(raw);
  if (!read.ok) throw new Error(`rejected: ${read.reasons.join('; ')}`);
  return mapService(read.value, raw);
}

function mappedService(raw: unknown) {
  const mapping = mapRaw(raw);
  if (!mapping.ok) throw new Error(`not mapped: ${mapping.reasons.join('; ')}`);
  return mapping;
}

describe('business IDs (Y-tunnus)', () => {
  it.each([
    ['0209602-6', '0209602-6', null],
    ['0135457-2', '0135457-2', null],
    [' 0245437-2 ', '0245437-2', null],
    ['245437-2', '0245437-2', null],
    ['0209602-5', null, 'business ID "0209602-5" has a wrong check digit'],
    ['1234567', null, 'business ID "1234567" is not in the form 1234567-8'],
    [null, null, null],
  ])('%s → %s', (input, businessId, problem) => {
    expect(validateBusinessId(input)).toEqual({ businessId, problem });
  });

  it('treats a remainder of 1 as invalid (no check digit exists for it)', () => {
    // 0000001: 1 × 2 = 2, remainder 2 → check digit 9
    expect(validateBusinessId('0000001-9').businessId).toBe('0000001-9');
    // 0000006: 6 × 2 = 12, remainder 1 → no valid check digit
    expect(validateBusinessId('0000006-0').problem).toMatch(/wrong check digit/);
  });
});

describe('organisation types', () => {
  it.each([
    ['Municipality', ['Vaasan kaupunki'], 'municipality'],
    ['State', ['Väestörekisterikeskus'], 'state'],
    ['Region', ['Pohjanmaan hyvinvointialue'], 'welfare_region'],
    ['RegionalOrganization', ['Varsinais-Suomen liitto'], 'other'],
    ['RegionalOrganization', ['Vaasan seurakuntayhtymä'], 'parish'],
    ['SotePublic', ['Länsi-Uudenmaan hyvinvointialue'], 'welfare_region'],
    ['Organization', ['Naantalin seurakunta'], 'parish'],
    ['Organization', ['Vasa svenska församling'], 'parish'],
    ['Organization', ['Mannerheimin Lastensuojeluliitto'], 'ngo'],
    ['Company', ['Vaasan Sähkö Oy'], 'company'],
    ['SotePrivate', ['Esimerkki Terveys Oy'], 'company'],
    ['SotePrivate', ['Vaasan Seudun Omaishoitajat ry'], 'ngo'],
    [null, ['Jokin'], 'other'],
  ] as const)('%s %s → %s', (type, names, expected) => {
    expect(organisationType(type, names).type).toBe(expected);
  });
});

describe('areas served', () => {
  it('expands a maakunta ("Region") to the municipalities PTV embeds and keeps areaRegions empty', () => {
    const warnings: string[] = [];
    expect(
      mapAreas(
        {
          areaType: 'LimitedType',
          areas: [
            { kind: 'Region', code: '15', name: { fi: 'Pohjanmaa' }, municipalityCodes: ['905', '946'] },
            { kind: 'Municipality', code: null, name: {}, municipalityCodes: ['905'] },
            { kind: 'HospitalDistrict', code: '16', name: {}, municipalityCodes: [] },
          ],
        },
        warnings,
      ),
    ).toEqual({ areaType: 'municipalities', areaRegions: [], areaMunicipalities: ['905', '946'] });
    expect(warnings).toEqual(['HospitalDistrict area 16 lists no municipalities; not stored']);
  });

  it('maps nationwide services and services without areas', () => {
    expect(mapAreas({ areaType: 'NationwideExceptAlandIslands', areas: [] }).areaType).toBe('nationwide');
    expect(mapAreas({ areaType: null, areas: [] }).areaType).toBe('local');
  });
});

describe.skipIf(!hasPtvData)(withPtvData('mapping real organisations'), () => {
  it('maps the City of Vaasa', () => {
    const raw = loadRecord('v8', 'organizations', '7fdd7f84');
    const read = readOrganization(raw);
    if (!read.ok) throw new Error(read.reasons.join('; '));
    const { organisation, warnings } = mapOrganisation(read.value, raw);
    expect(warnings).toEqual([]);
    expect(organisation).toMatchObject({
      id: stableId('ptv:organisation', '7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5'),
      type: 'municipality',
      name: { fi: 'Vaasan kaupunki', sv: 'Vasa stad', en: 'City of Vaasa' },
      businessId: '0209602-6',
      municipalityCode: '905',
      parentId: null,
      website: 'https://www.vaasa.fi/',
      phone: '+35863251111',
      status: 'active',
      provenance: { source: 'ptv', sourceId: '7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5', payloadHash: payloadHash(raw) },
    });
    expect(organisation.description.fi).toMatch(/^Vaasa on yli 67 000 asukkaan/);
  });

  it('keeps an organisation with a bad business ID, without the ID and with a warning', () => {
    const raw = copy(loadRecord('v8', 'organizations', '3d1759a2'));
    raw.businessCode = '0135457-3';
    const read = readOrganization(raw);
    if (!read.ok) throw new Error(read.reasons.join('; '));
    const { organisation, warnings } = mapOrganisation(read.value, raw);
    expect(organisation).toMatchObject({ type: 'municipality', businessId: null, name: { fi: 'Naantalin kaupunki' } });
    expect(warnings).toEqual(['business ID "0135457-3" has a wrong check digit; stored without a business ID']);
  });
});

describe.skipIf(!hasPtvData)(withPtvData('mapping real services'), () => {
  it('maps the Vaasa swimming hall (v8)', () => {
    const raw = loadRecord('v8', 'services', '6ccb671f');
    const { service, relevance } = mappedService(raw);
    expect(service).toMatchObject({
      id: stableId('ptv:service', '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37'),
      organisationId: stableId('ptv:organisation', '7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5'),
      name: { fi: 'Uimahalli' },
      serviceClasses: ['P27.1'],
      sourceTargetGroups: ['KR1'],
      areaType: 'municipalities',
      areaMunicipalities: ['905'],
      status: 'published',
      inTray: true,
      plainSummary: {},
      provenance: { source: 'ptv', sourceId: '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37', payloadHash: payloadHash(raw) },
    });
    expect(service.themes).toContain('exercise');
    expect(relevance.decision).toMatch(/^in: /);
    expect(service.provenance.sourceModified).toBeInstanceOf(Date);
  });

  it('maps charge types across versions: FreeOfCharge → free, Chargeable → fee, missing → unknown', () => {
    const raw = copy(loadRecord('v8', 'services', '6ccb671f'));
    for (const [charge, expected] of [['FreeOfCharge', 'free'], ['Chargeable', 'fee'], ['Charged', 'fee'], ['Free', 'free'], [null, 'unknown']] as const) {
      raw.serviceChargeType = charge;
      expect(mappedService(raw).service.costType).toBe(expected);
    }
  });

  it('maps a v9 service', () => {
    const { service } = mappedService(loadRecord('v9', 'services', '5fe23177'));
    expect(service).toMatchObject({ name: { fi: 'Työllistymistä edistävä monialainen yhteispalvelu (TYP)' }, inTray: true });
    expect(service.themes).toContain('learning_work');
  });

  it('maps the v11 services: a Liperi school service (out of the tray) and a nationwide one', () => {
    const liperi = mappedService(Object.values(loadPtv('auroraai-core-components-v11/services.json') as Record<string, unknown>)[0]);
    expect(liperi.service).toMatchObject({ areaMunicipalities: ['123', '426'], inTray: false, serviceClasses: ['P6.2'], sourceTargetGroups: ['KR1.2', 'KR1'] });
    expect(liperi.service.userInstructions.fi).toMatch(/^Oppimäärän yksilöllistämisestä/);
    expect(liperi.links.length).toBeGreaterThan(0);
    const nationwide = mappedService(loadPtv('auroraai-core-components-v11/etalukio_service.json'));
    expect(nationwide.service.areaType).toBe('nationwide');
  });

  it('maps alternative names, keywords, the charge information and the Region area of the Vaasa library', () => {
    const { service } = mappedService(loadRecord('v8', 'services', '435f2ae4'));
    expect(service.name.fi).toBe('Kirjastopalvelut');
    expect(service.areaType).toBe('municipalities');
    expect(service.areaMunicipalities).toContain('905');
    expect(service.areaMunicipalities.length).toBeGreaterThan(10);
    expect(service.areaRegions).toEqual([]);
  });

  it('rejects a service without a Responsible organisation', () => {
    const raw = copy(loadRecord('v8', 'services', '6ccb671f'));
    raw.organizations = (raw.organizations as { roleType: string }[]).filter((item) => item.roleType !== 'Responsible');
    expect(mapRaw(raw)).toEqual({ ok: false, reasons: ['organizations: no Responsible organisation'], warnings: [] });
  });

  it('uses hours on the service–channel link before the channel hours, at the channel location', () => {
    const raw = copy(loadRecord('v8', 'services', '6ccb671f')) as Record<string, any>;
    raw.serviceChannels[0].serviceHours = [
      { serviceHourType: 'DaysOfTheWeek', openingHour: [{ dayFrom: 'Saturday', dayTo: '', from: '10:00:00', to: '14:00:00' }] },
    ];
    raw.serviceChannels[0].contactDetails = { phoneNumbers: [{ number: '401234567', prefixNumber: '+358', language: 'fi' }] };
    const mapping = mappedService(raw);
    const link = mapping.links[0]!;
    expect(link.channels).toMatchObject([{ kind: 'phone', value: { fi: '+358401234567' }, details: { role: 'service_channel' } }]);
    const rows = schedulesForServiceAtChannel(mapping.service.id, link.channelId, [], link, 'location-1');
    expect(rows).toMatchObject([{ serviceId: mapping.service.id, locationId: 'location-1', weekdays: [6], opens: '10:00', closes: '14:00' }]);
  });
});
