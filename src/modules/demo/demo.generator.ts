/**
 * A deterministic generator of a realistic demo tray. The same seed and anchor date always
 * produce the same records (ids included), so restarts and tests can rely on it.
 */
import type {
  ContactChannelRecord,
  EventRecord,
  LocationRecord,
  OrganisationRecord,
  OrganisationType,
  Provenance,
  ScheduleRecord,
  ServiceBundle,
  ServiceRecord,
} from '../catalog/index.ts';
import { stableId } from '../../platform/ids.ts';
import { helsinkiInstant } from '../../platform/format.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import { templates, type ActivityTemplate } from './demo.templates.ts';
import { createRandom, type Random } from './random.ts';

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

const weekdayNames = { fi: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'], sv: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'] };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

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

function demoProvenance(key: string): Provenance {
  return { source: 'demo', sourceId: key, sourceModified: null, payloadHash: null };
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

interface Timing {
  schedules: ScheduleRecord[];
  events: EventRecord[];
  sentence: LocalisedText;
}

function timeText(hour: number, minute: number): string {
  return `${hour}.${pad(minute)}`;
}

function buildTiming(
  ctx: Context,
  template: ActivityTemplate,
  service: { id: string; name: LocalisedText; organisationId: string; themes: string[]; costType: ServiceRecord['costType'] },
  location: LocationRecord,
): Timing {
  const { random, input } = ctx;
  const hour = random.pick(template.hours);
  const minute = random.pick([0, 0, 0, 15, 30]);
  const endTotal = Math.min(hour * 60 + minute + template.minutes, 23 * 60 + 45);
  const opens = `${pad(hour)}:${pad(minute)}`;
  const closes = `${pad(Math.floor(endTotal / 60))}:${pad(endTotal % 60)}`;
  const span = { fi: `klo ${timeText(hour, minute)}–${timeText(Math.floor(endTotal / 60), endTotal % 60)}`, sv: `kl. ${opens}–${closes}`, en: `${opens}–${closes}` };
  const validFrom = addDays(input.anchorDate, -random.int(20, 90));
  const validTo = addDays(input.anchorDate, random.int(120, 240));
  const schedule = (weekdays: number[], extra: Partial<ScheduleRecord> = {}): ScheduleRecord => ({
    id: stableId('demo:schedule', `${service.id}:${weekdays.join(',')}:${extra.kind ?? 'weekly'}`),
    serviceId: service.id,
    locationId: location.id,
    kind: 'weekly',
    weekdays,
    opens,
    closes,
    overMidnight: false,
    intervalWeeks: 1,
    validFrom,
    validTo,
    excludedDates: [],
    closed: false,
    note: {},
    source: 'demo',
    ...extra,
  });
  const days = (list: number[]) => ({
    fi: list.map((d) => weekdayNames.fi[d - 1]).join(' ja '),
    sv: list.map((d) => weekdayNames.sv[d - 1]).join(' och '),
    en: list.map((d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]).join(' and '),
  });
  const event = (index: number, date: string): EventRecord => {
    const startsAt = helsinkiInstant(date, opens);
    return {
      id: stableId('demo:event', `${service.id}:${index}`),
      serviceId: service.id,
      organisationId: service.organisationId,
      locationId: location.id,
      name: service.name,
      description: {},
      startsAt,
      endsAt: new Date(startsAt.getTime() + template.minutes * 60000),
      status: 'scheduled',
      themes: service.themes,
      costType: service.costType,
      costInfo: {},
      infoUrl: null,
      provenance: demoProvenance(`event:${service.id}:${index}`),
    };
  };
  switch (template.pattern) {
    case 'weekly':
    case 'monthly': {
      const weekday = random.int(1, template.hours[0]! < 12 ? 5 : 6);
      const interval = template.pattern === 'monthly' ? 4 : 1;
      const holiday = addDays(input.anchorDate, random.int(10, 60));
      const d = days([weekday]);
      const excluded = interval === 1 && isoWeekday(holiday) === weekday ? [holiday] : [];
      return {
        schedules: [schedule([weekday], { intervalWeeks: interval, excludedDates: excluded })],
        events: [],
        sentence:
          interval === 1
            ? { fi: `Kokoontuu ${d.fi} ${span.fi}.`, sv: `Träffas ${d.sv} ${span.sv}.`, en: `Meets on ${d.en}, ${span.en}.` }
            : { fi: `Kokoontuu joka neljäs ${d.fi} ${span.fi}.`, sv: `Träffas var fjärde ${d.sv} ${span.sv}.`, en: `Meets every fourth ${d.en}, ${span.en}.` },
      };
    }
    case 'twice_weekly': {
      const first = random.int(1, 3);
      const list = [first, first + 2];
      const d = days(list);
      return {
        schedules: [schedule(list)],
        events: [],
        sentence: { fi: `Kokoontuu ${d.fi} ${span.fi}.`, sv: `Träffas ${d.sv} ${span.sv}.`, en: `Meets on ${d.en}, ${span.en}.` },
      };
    }
    case 'drop_in': {
      const list = template.minutes >= 600 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
      return {
        schedules: [schedule(list, { validFrom: null, validTo: null })],
        events: [],
        sentence: {
          fi: `Avoinna ${list.length === 6 ? 'ma–la' : 'ma–pe'} ${span.fi}, ei ilmoittautumista.`,
          sv: `Öppet ${list.length === 6 ? 'mån–lör' : 'mån–fre'} ${span.sv}, ingen anmälan.`,
          en: `Open ${list.length === 6 ? 'Mon–Sat' : 'Mon–Fri'} ${span.en}, no registration.`,
        },
      };
    }
    case 'appointment': {
      return {
        schedules: [
          schedule([1, 2, 3, 4, 5], { kind: 'by_appointment', opens: '09:00', closes: '15:00', validFrom: null, validTo: null }),
        ],
        events: [],
        sentence: {
          fi: 'Ajanvaraus puhelimitse arkisin klo 9–15.',
          sv: 'Tidsbokning per telefon vardagar kl. 9–15.',
          en: 'Book an appointment by phone on weekdays 9–15.',
        },
      };
    }
    case 'course': {
      const start = addDays(input.anchorDate, random.int(-14, 40));
      const sessions = random.int(6, 8);
      const dates = Array.from({ length: sessions }, (_, i) => addDays(start, i * 7));
      const d = days([isoWeekday(start)]);
      return {
        schedules: [schedule([isoWeekday(start)], { validFrom: dates[0]!, validTo: dates[dates.length - 1]! })],
        events: dates.map((date, i) => event(i, date)),
        sentence: {
          fi: `${sessions} kerran kurssi ${d.fi} ${span.fi}. Ilmoittaudu ennakkoon.`,
          sv: `Kurs med ${sessions} träffar ${d.sv} ${span.sv}. Anmäl dig på förhand.`,
          en: `A course of ${sessions} sessions on ${d.en}, ${span.en}. Register in advance.`,
        },
      };
    }
    case 'event': {
      const count = random.int(1, 3);
      const dates = Array.from({ length: count }, (_, i) => addDays(input.anchorDate, random.int(1, 25) + i * 25));
      return {
        schedules: [],
        events: dates.map((date, i) => event(i, date)),
        sentence: { fi: `Tapahtumat ${span.fi}.`, sv: `Evenemangen ${span.sv}.`, en: `Events at ${span.en}.` },
      };
    }
  }
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
  const timing = buildTiming(ctx, template, service, location);
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
