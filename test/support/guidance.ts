/** A small tray for guidance tests: activities in Tampere (and one in Helsinki) that suggestions can find. */
import type { Db } from '../../src/db/index.ts';
import { ensurePostalCodes, upsertOrganisations, type OrganisationRecord } from '../../src/modules/catalog/index.ts';
import { createService, organisationRecord } from './factories.ts';
import { createUser, type TestUser } from './users.ts';

export interface GuidanceFixture {
  organisation: OrganisationRecord;
  otherOrganisation: OrganisationRecord;
  professional: TestUser;
  otherProfessional: TestUser;
  provider: TestUser;
  services: Record<'seniorGym' | 'livingRoom' | 'debtAdvice' | 'paidGym' | 'youthSport' | 'helsinkiWalk', string>;
}

export async function createGuidanceFixture(db: Db, prefix = 'g'): Promise<GuidanceFixture> {
  await ensurePostalCodes(db);
  const organisation = organisationRecord({ type: 'welfare_region', regionCode: '08', municipalityCode: null, name: { fi: 'Testin hyvinvointialue', sv: 'Testets välfärdsområde' } });
  const otherOrganisation = organisationRecord({ regionCode: '08' });
  await upsertOrganisations(db, [organisation, otherOrganisation]);
  const professional = await createUser(db, { name: 'Paula Palveluohjaaja', devKey: `${prefix}-professional`, roles: [{ role: 'professional', organisationId: organisation.id, regionCode: '08' }] });
  const otherProfessional = await createUser(db, { name: 'Olavi Ohjaaja', devKey: `${prefix}-other`, roles: [{ role: 'professional', organisationId: otherOrganisation.id, regionCode: '08' }] });
  const provider = await createUser(db, { name: 'Pekka Tuottaja', devKey: `${prefix}-provider`, roles: [{ role: 'provider', organisationId: otherOrganisation.id, regionCode: '08' }] });
  const tampere = { locations: [{}], schedules: [{ weekdays: [2], opens: '10:00', closes: '11:30' }], channels: [{ kind: 'phone' as const, value: { fi: '040 123 4567' } }] };
  type ServiceOptions = NonNullable<Parameters<typeof createService>[1]>;
  const make = async (service: ServiceOptions['service'], extra: Partial<ServiceOptions> = tampere) =>
    (await createService(db, { organisation: otherOrganisation, ...extra, service })).service.id;
  const services = {
    seniorGym: await make({ name: { fi: 'Senioreiden kuntojumppa', sv: 'Motion för seniorer' }, summary: { fi: 'Kevyttä liikuntaa ikääntyneille.', sv: 'Lätt motion för äldre.' }, themes: ['exercise'], targetGroups: ['older_people'], costType: 'free', ageMin: 60 }),
    livingRoom: await make({ name: { fi: 'Olohuone-kahvila', sv: 'Vardagsrumscafé' }, summary: { fi: 'Kohtaamispaikka, jossa voi tavata muita.', sv: 'En mötesplats.' }, themes: ['meeting_places'], targetGroups: [], costType: 'free' }),
    debtAdvice: await make({ name: { fi: 'Velkaneuvonta' }, summary: { fi: 'Apua velkoihin.' }, themes: ['everyday_support'], targetGroups: [], costType: 'free' }),
    paidGym: await make({ name: { fi: 'Kuntosali' }, summary: { fi: 'Kuntosaliharjoittelu.' }, themes: ['exercise'], costType: 'fee' }),
    youthSport: await make({ name: { fi: 'Nuorten sähly' }, summary: { fi: 'Salibandya nuorille.' }, themes: ['exercise'], targetGroups: ['young_people'], costType: 'free', ageMin: 13, ageMax: 17 }),
    helsinkiWalk: await make(
      { name: { fi: 'Helsingin kävelyryhmä' }, summary: { fi: 'Kävelyä.' }, themes: ['exercise'], costType: 'free', areaMunicipalities: ['091'] },
      { locations: [{ municipalityCode: '091', postalCode: '00100', latitude: 60.17, longitude: 24.94, postOffice: { fi: 'Helsinki' } }] },
    ),
  };
  return { organisation, otherOrganisation, professional, otherProfessional, provider, services };
}
