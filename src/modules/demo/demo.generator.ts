/**
 * A deterministic generator of a realistic demo tray. The same seed and anchor date always
 * produce the same records (ids included), so restarts and tests can rely on it.
 */
import type {
  ContactChannelRecord,
  LocationRecord,
  OrganisationRecord,
  OrganisationType,
  ServiceBundle,
  ServiceRecord,
} from '../catalog/index.ts';
import { stableId } from '../../platform/ids.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import { templates, type ActivityTemplate } from './demo.templates.ts';
import { createRandom, type Random } from './random.ts';
import { addDays, buildTiming, demoProvenance } from './demo.timing.ts';

export interface DemoMunicipality {
  code: string;
  name: { fi: string; sv: string; en: string };
  genitive: string;
  regionCode: string;
  population: number;
  officialLanguages: string[];
  latitude: number;
  longitude: number;
  innerRadiusKm: number;
}

export interface DemoRegion {
  code: string;
  name: { fi: string; sv: string; en: string };
}

export interface DemoInput {
  seed: number;
  count: number;
  /** 'YYYY-MM-DD': schedules and events are placed around this date. */
  anchorDate: string;
  regions: DemoRegion[];
  municipalities: DemoMunicipality[];
  /** postal codes by municipality code */
  postalCodes: Map<string, string[]>;
}

export interface DemoCatalogue {
  organisations: OrganisationRecord[];
  bundles: ServiceBundle[];
}

/** The regions the demo fills: bilingual and Finnish-speaking, south and north. */
export const demoRegionCodes = ['90', '08', '05', '17', '13', '19', '04'];

const streets = [
  'Koulukatu', 'Kirkkokatu', 'Puistotie', 'Asemakatu', 'Kauppakatu', 'Rantatie', 'Myllytie', 'Torikatu',
  'Sairaalakatu', 'Urheilutie', 'Kirjastonkatu', 'Nuorisotie', 'Koivukuja', 'Harjutie', 'Seurantalontie',
];
const swedishStreets: Record<string, string> = {
  Koulukatu: 'Skolgatan', Kirkkokatu: 'Kyrkogatan', Puistotie: 'Parkvägen', Asemakatu: 'Stationsgatan',
  Kauppakatu: 'Handelsgatan', Rantatie: 'Strandvägen', Myllytie: 'Kvarnvägen', Torikatu: 'Torggatan',
  Sairaalakatu: 'Sjukhusgatan', Urheilutie: 'Idrottsvägen', Kirjastonkatu: 'Biblioteksgatan', Nuorisotie: 'Ungdomsvägen',
  Koivukuja: 'Björkgränden', Harjutie: 'Åsvägen', Seurantalontie: 'Föreningshusvägen',
};
const venues: { fi: string; sv: string; en: string }[] = [
  { fi: 'Kirjasto', sv: 'Biblioteket', en: 'Library' },
  { fi: 'Monitoimitalo', sv: 'Allaktivitetshuset', en: 'Community centre' },
  { fi: 'Seurakuntatalo', sv: 'Församlingshemmet', en: 'Parish hall' },
  { fi: 'Liikuntahalli', sv: 'Idrottshallen', en: 'Sports hall' },
  { fi: 'Järjestötalo', sv: 'Föreningshuset', en: 'NGO house' },
  { fi: 'Nuorisotalo', sv: 'Ungdomsgården', en: 'Youth house' },
  { fi: 'Palvelukeskus', sv: 'Servicecentralen', en: 'Service centre' },
  { fi: 'Terveysasema', sv: 'Hälsostationen', en: 'Health centre' },
];
const ngoKinds: { fi: string; sv: string; key: string; themes: string[] }[] = [
  { fi: 'Eläkeläiset', sv: 'Pensionärer', key: 'pensioners', themes: ['meeting_places', 'exercise', 'hobbies'] },
  { fi: 'Mielenterveysyhdistys', sv: 'Föreningen för mental hälsa', key: 'mental', themes: ['mental_wellbeing', 'peer_support'] },
  { fi: 'Liikuntaseura', sv: 'Idrottsföreningen', key: 'sports', themes: ['exercise'] },
  { fi: 'Martat', sv: 'Martharna', key: 'marthas', themes: ['nutrition', 'hobbies'] },
  { fi: 'Omaishoitajat', sv: 'Närståendevårdarna', key: 'carers', themes: ['peer_support', 'everyday_support'] },
  { fi: 'Perhekeskusyhdistys', sv: 'Familjeföreningen', key: 'families', themes: ['meeting_places', 'peer_support'] },
  { fi: 'A-kilta', sv: 'A-gillet', key: 'aa', themes: ['substance_use', 'peer_support'] },
  { fi: 'Kyläyhdistys', sv: 'Byaföreningen', key: 'village', themes: ['meeting_places', 'volunteering'] },
];

/** A valid-looking Finnish business ID with the official check digit. */
function businessId(random: Random): string {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (;;) {
    const digits = Array.from({ length: 7 }, () => random.int(0, 9));
    const remainder = digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
    if (remainder === 1) continue;
    const check = remainder === 0 ? 0 : 11 - remainder;
    return `${digits.join('')}-${check}`;
  }
}


interface Context {
  random: Random;
  input: DemoInput;
  organisations: OrganisationRecord[];
  organisationsByMunicipality: Map<string, OrganisationRecord[]>;
}

function municipalityOrganisations(ctx: Context, m: DemoMunicipality, regionOrg: OrganisationRecord): OrganisationRecord[] {
  const { random } = ctx;
  const bilingual = m.officialLanguages.includes('sv');
  const city = m.population > 20000;
  const base = (type: OrganisationType, key: string, name: LocalisedText, extra: Partial<OrganisationRecord> = {}): OrganisationRecord => ({
    id: stableId('demo:organisation', `${m.code}:${key}`),
    type,
    name,
    description: {},
    businessId: businessId(random),
    regionCode: m.regionCode,
    municipalityCode: m.code,
    parentId: null,
    website: `https://example.org/${m.code}/${key}`,
    email: `info.${key}.${m.code}@example.org`,
    phone: `0${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
    status: 'active',
    provenance: demoProvenance(`organisation:${m.code}:${key}`),
    ...extra,
  });
  // In Helsinki the city is also the region's organiser of social and health services.
  const cityIsRegion = regionOrg.municipalityCode === m.code;
  const orgs: OrganisationRecord[] = [
    ...(cityIsRegion
      ? []
      : [
          base('municipality', 'municipality', {
            fi: `${m.genitive} ${city ? 'kaupunki' : 'kunta'}`,
            ...(bilingual ? { sv: `${m.name.sv} ${city ? 'stad' : 'kommun'}` } : {}),
          }),
        ]),
    base('parish', 'parish', {
      fi: `${m.genitive} seurakunta`,
      ...(bilingual ? { sv: `${m.name.sv} församling` } : {}),
    }),
  ];
  const ngoCount = Math.max(2, Math.min(ngoKinds.length, Math.round(Math.log10(m.population) * 2 - 4)));
  for (const kind of random.shuffle(ngoKinds).slice(0, ngoCount)) {
    orgs.push(
      base('ngo', kind.key, {
        fi: `${m.genitive} ${kind.fi} ry`,
        ...(bilingual ? { sv: `${kind.sv} i ${m.name.sv} rf` } : {}),
      }),
    );
  }
  if (m.population > 30000) {
    orgs.push(base('company', 'company', { fi: `Hyvinvointikeskus ${m.name.fi} Oy`, sv: `Välmåendecentret ${m.name.sv} Ab` }));
  }
  // The welfare region and the state act in every municipality.
  orgs.push(regionOrg);
  return orgs;
}

function pickOrganiser(ctx: Context, template: ActivityTemplate, municipalityCode: string): OrganisationRecord {
  const ngoThemes = new Map(ngoKinds.map((kind) => [kind.key, kind.themes] as const));
  const fits = (o: OrganisationRecord) => {
    if (!template.organisers.includes(o.type)) return false;
    if (o.type !== 'ngo') return true;
    // An NGO organises what its kind is about (the key is the last part of its source id).
    const kind = o.provenance.sourceId?.split(':').pop() ?? '';
    return (ngoThemes.get(kind) ?? []).some((theme) => template.themes.includes(theme));
  };
  const all = ctx.organisationsByMunicipality.get(municipalityCode) ?? [];
  const candidates = all.filter(fits).length > 0 ? all.filter(fits) : all.filter((o) => template.organisers.includes(o.type));
  const pool = candidates.length > 0 ? candidates : (ctx.organisationsByMunicipality.get(municipalityCode) ?? []);
  return ctx.random.pick(pool);
}

function buildLocation(ctx: Context, m: DemoMunicipality, organisation: OrganisationRecord, index: number): LocationRecord {
  const { random } = ctx;
  const bilingual = m.officialLanguages.includes('sv');
  const venue = random.pick(venues);
  const street = random.pick(streets);
  const number = random.int(1, 60);
  // Within the municipality: no farther from its inner point than its border or shore.
  const distanceKm = Math.sqrt(random.next()) * Math.min(1.5, m.innerRadiusKm * 0.8);
  const bearing = random.next() * 2 * Math.PI;
  const latitude = m.latitude + (distanceKm / 111.2) * Math.cos(bearing);
  const longitude = m.longitude + (distanceKm / (111.2 * Math.cos((m.latitude * Math.PI) / 180))) * Math.sin(bearing);
  const postal = random.pick(ctx.input.postalCodes.get(m.code) ?? ['00000']);
  const accessible = random.next() < 0.6;
  return {
    id: stableId('demo:location', `${organisation.id}:${index}`),
    organisationId: organisation.id,
    name: { fi: `${m.genitive} ${venue.fi.toLowerCase()}`, ...(bilingual ? { sv: `${venue.sv} i ${m.name.sv}` } : {}), en: `${venue.en}, ${m.name.en}` },
    streetAddress: { fi: `${street} ${number}`, ...(bilingual ? { sv: `${swedishStreets[street]} ${number}` } : {}) },
    postalCode: postal,
    postOffice: { fi: m.name.fi, ...(bilingual ? { sv: m.name.sv } : {}) },
    municipalityCode: m.code,
    latitude: Math.round(latitude * 1e6) / 1e6,
    longitude: Math.round(longitude * 1e6) / 1e6,
    coordinateState: 'Ok',
    accessibility: accessible
      ? [
          {
            group: { fi: 'Sisäänkäynti', sv: 'Ingång', en: 'Entrance' },
            sentence: {
              fi: 'Sisäänkäynnille pääsee tasaisesti ilman portaita. Ovi aukeaa automaattisesti.',
              sv: 'Ingången nås plant utan trappor. Dörren öppnas automatiskt.',
              en: 'The entrance is step-free. The door opens automatically.',
            },
          },
          {
            group: { fi: 'Wc', sv: 'Toalett', en: 'Toilet' },
            sentence: { fi: 'Esteetön wc on käytettävissä.', sv: 'Tillgänglig toalett finns.', en: 'An accessible toilet is available.' },
          },
        ]
      : [
          {
            group: { fi: 'Sisäänkäynti', sv: 'Ingång', en: 'Entrance' },
            sentence: {
              fi: `Sisäänkäynnillä on ${random.int(2, 8)} porrasta, ei luiskaa.`,
              sv: 'Vid ingången finns trappsteg, ingen ramp.',
              en: 'There are steps at the entrance and no ramp.',
            },
          },
        ],
    accessibilityFeatures: accessible
      ? ['step_free', 'accessible_toilet', ...(random.next() < 0.4 ? ['hearing_loop'] : []), ...(random.next() < 0.5 ? ['accessible_parking'] : [])]
      : [],
    status: 'active',
    provenance: demoProvenance(`location:${organisation.id}:${index}`),
  };
}

function organisationChannels(org: OrganisationRecord): ContactChannelRecord[] {
  const channel = (kind: ContactChannelRecord['kind'], value: string, name: LocalisedText): ContactChannelRecord => ({
    id: stableId('demo:channel', `${org.id}:${kind}`),
    organisationId: org.id,
    kind,
    name,
    value: { fi: value },
    description: {},
    details: {},
    status: 'active',
    provenance: demoProvenance(`channel:${org.id}:${kind}`),
  });
  return [
    channel('phone', org.phone ?? '', { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' }),
    channel('email', org.email ?? '', { fi: 'Sähköposti', sv: 'E-post', en: 'E-mail' }),
    channel('web', org.website ?? '', { fi: 'Verkkosivut', sv: 'Webbplats', en: 'Website' }),
  ];
}

function buildService(ctx: Context, template: ActivityTemplate, m: DemoMunicipality, serial: number): ServiceBundle {
  const { random } = ctx;
  const organisation = pickOrganiser(ctx, template, m.code);
  const id = stableId('demo:service', `${ctx.input.seed}:${serial}`);
  const bilingual = m.officialLanguages.includes('sv');
  const swedishMajority = m.officialLanguages[0] === 'sv';
  const withEnglish = template.targetGroups.includes('immigrants') || random.next() < 0.15;
  const location = buildLocation(ctx, m, organisation, random.int(0, 2));
  const cost = template.cost === 'either' ? (random.next() < 0.5 ? 'free' : 'fee') : template.cost;
  const price = random.pick([2, 3, 5, 8, 10, 15]);
  const name: LocalisedText = { fi: template.fi[0], ...(bilingual ? { sv: template.sv[0] } : {}), ...(withEnglish ? { en: template.en[0] } : {}) };
  const themes = [...template.themes];
  const service: ServiceRecord = {
    id,
    organisationId: organisation.id,
    name,
    alternativeNames: {},
    summary: { fi: template.fi[1], ...(bilingual ? { sv: template.sv[1] } : {}), ...(withEnglish ? { en: template.en[1] } : {}) },
    description: {},
    plainSummary: template.plain ? { fi: template.plain.fi, ...(bilingual && template.plain.sv ? { sv: template.plain.sv } : {}) } : {},
    userInstructions: {},
    keywords: {
      fi: template.keywords?.fi ?? [],
      ...(bilingual ? { sv: template.keywords?.sv ?? [] } : {}),
      ...(withEnglish ? { en: template.keywords?.en ?? [] } : {}),
    },
    themes,
    targetGroups: [...template.targetGroups],
    ageMin: template.ages?.[0] ?? null,
    ageMax: template.ages?.[1] ?? null,
    costType: cost,
    costInfo:
      cost === 'fee'
        ? { fi: `${price} € / kerta, sarjakortti edullisempi.`, ...(bilingual ? { sv: `${price} € / gång, seriekort förmånligare.` } : {}), en: `€${price} per time; a multi-visit card is cheaper.` }
        : {},
    kaikukortti: cost === 'fee' && (template.kaikukortti === true || (themes.includes('culture') && random.next() < 0.5)),
    languages: swedishMajority ? ['sv', 'fi'] : bilingual && random.next() < 0.3 ? ['fi', 'sv'] : withEnglish && random.next() < 0.5 ? ['fi', 'en'] : ['fi'],
    areaType: organisation.type === 'welfare_region' ? 'municipalities' : 'local',
    areaRegions: [],
    areaMunicipalities: [m.code],
    status: 'published',
    inTray: true,
    acceptsReferrals: template.referrals === true && random.next() < 0.75,
    openPlaces: template.referrals === true ? random.int(0, 12) : null,
    confidentialAddress: template.confidential === true,
    lastReviewedAt: new Date(`${addDays(ctx.input.anchorDate, -random.int(0, 420))}T09:00:00Z`),
    serviceClasses: [],
    ontologyTerms: [],
    sourceTargetGroups: [],
    lifeEvents: [],
    provenance: demoProvenance(`service:${ctx.input.seed}:${serial}`),
  };
  const timing = buildTiming(ctx.random, ctx.input.anchorDate, template, service, location);
  const join = {
    fi: template.referrals ? 'Voit tulla mukaan itse tai ammattilaisen ohjaamana.' : 'Tervetuloa mukaan!',
    sv: template.referrals ? 'Du kan komma själv eller via en yrkesperson.' : 'Välkommen med!',
    en: template.referrals ? 'You can join yourself or be referred by a professional.' : 'Welcome!',
  };
  service.description = {
    fi: `${template.fi[1]} ${timing.sentence.fi} ${join.fi}`,
    ...(bilingual ? { sv: `${template.sv[1]} ${timing.sentence.sv} ${join.sv}` } : {}),
    ...(withEnglish ? { en: `${template.en[1]} ${timing.sentence.en} ${join.en}` } : {}),
  };
  service.userInstructions = {
    fi: template.pattern === 'appointment' ? 'Varaa aika puhelimitse tai sähköpostilla.' : 'Tule paikalle, ilmoittautumista ei tarvita.',
    ...(bilingual ? { sv: template.pattern === 'appointment' ? 'Boka tid per telefon eller e-post.' : 'Kom på plats, ingen anmälan behövs.' } : {}),
  };
  const channels = organisationChannels(organisation).filter((c) => c.kind !== 'web' || random.next() < 0.7);
  return { service, locations: [location], channels, schedules: timing.schedules, events: timing.events };
}

/** Generates the demo catalogue. Pure: the same input gives the same output. */
export function generateDemoCatalogue(input: DemoInput): DemoCatalogue {
  const random = createRandom(input.seed);
  const ctx: Context = { random, input, organisations: [], organisationsByMunicipality: new Map() };
  const municipalities = input.municipalities
    .filter((m) => demoRegionCodes.includes(m.regionCode))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (municipalities.length === 0) throw new Error('no municipalities in the demo regions');
  const regionOrgs = new Map<string, OrganisationRecord>();
  for (const region of input.regions.filter((r) => demoRegionCodes.includes(r.code))) {
    const org: OrganisationRecord = {
      id: stableId('demo:organisation', `region:${region.code}`),
      type: region.code === '90' ? 'municipality' : 'welfare_region',
      name: { fi: region.name.fi, sv: region.name.sv, en: region.name.en },
      // The City of Helsinki is both a municipality and the organiser of its services.
      description: {},
      businessId: businessId(random),
      regionCode: region.code,
      municipalityCode: region.code === '90' ? '091' : null,
      parentId: null,
      website: `https://example.org/region/${region.code}`,
      email: `neuvonta.${region.code}@example.org`,
      phone: `0${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
      status: 'active',
      provenance: demoProvenance(`organisation:region:${region.code}`),
    };
    regionOrgs.set(region.code, org);
    ctx.organisations.push(org);
  }
  for (const m of municipalities) {
    const regionOrg = regionOrgs.get(m.regionCode);
    if (!regionOrg) continue;
    const orgs = municipalityOrganisations(ctx, m, regionOrg);
    ctx.organisationsByMunicipality.set(m.code, orgs);
    ctx.organisations.push(...orgs.filter((o) => o !== regionOrg));
  }
  const bundles: ServiceBundle[] = [];
  // Every template appears at least once; the rest follow population.
  for (let serial = 0; serial < input.count; serial++) {
    const template = serial < templates.length ? templates[serial]! : random.pick(templates);
    const m = random.weighted(municipalities, (x) => Math.pow(x.population, 0.6));
    bundles.push(buildService(ctx, template, m, serial));
  }
  const used = new Set(bundles.map((b) => b.service.organisationId));
  return { organisations: ctx.organisations.filter((o) => used.has(o.id) || o.type === 'welfare_region'), bundles };
}
