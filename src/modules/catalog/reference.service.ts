/**
 * Reference data: regions, municipalities and taxonomies are facts shipped with the code and
 * synced into the database at start-up when they changed; postal codes are loaded from a CSV.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/index.ts';
import { payloadHash } from '../../platform/ids.ts';
import type { Progress } from '../../platform/progress.ts';
import {
  countPostalCodes,
  findReferenceVersion,
  listMunicipalityCentroids,
  upsertMunicipalities,
  upsertPostalCodes,
  upsertReferenceVersion,
  upsertRegions,
  upsertTaxonomyTerms,
  type PostalCodeInput,
} from './reference.queries.ts';
import { loadMunicipalities, loadRegions, postalCodesCsvPath } from './reference/reference-data.ts';
import { targetGroups, themes } from './reference/taxonomy.ts';

/** The shipped regions and municipalities (facts, not database rows). */
export function loadReferenceAreas() {
  return { regions: loadRegions(), municipalities: loadMunicipalities() };
}

/** Upserts regions, municipalities and taxonomy terms when their content changed. Idempotent. */
export async function syncReferenceData(db: Db): Promise<{ changed: string[] }> {
  const regions = loadRegions();
  const municipalities = loadMunicipalities();
  const terms = [
    ...themes.map((t, i) => ({
      taxonomy: 'theme' as const,
      code: t.code,
      label: t.label,
      description: t.description,
      sortOrder: i,
      ageMin: null,
      ageMax: null,
    })),
    ...targetGroups.map((g, i) => ({
      taxonomy: 'target_group' as const,
      code: g.code,
      label: g.label,
      description: g.description,
      sortOrder: i,
      ageMin: 'ageMin' in g ? g.ageMin : null,
      ageMax: 'ageMax' in g ? g.ageMax : null,
    })),
  ];
  const sets = [
    { name: 'areas', hash: payloadHash({ regions, municipalities }) },
    { name: 'taxonomy', hash: payloadHash(terms) },
  ];
  const changed: string[] = [];
  await db.transaction(async (tx) => {
    for (const set of sets) {
      if ((await findReferenceVersion(tx, set.name)) === set.hash) continue;
      if (set.name === 'areas') {
        await upsertRegions(tx, regions);
        await upsertMunicipalities(tx, municipalities);
      } else {
        await upsertTaxonomyTerms(tx, terms);
      }
      await upsertReferenceVersion(tx, set.name, set.hash);
      changed.push(set.name);
    }
  });
  return { changed };
}

export interface PostalCodeLoadResult {
  loaded: number;
  coarse: number;
  rejected: { line: number; text: string; reason: string }[];
}

/**
 * Loads postal codes from a CSV `code;municipality_code[;lat;lon]` (a header line is allowed,
 * ',' works as the separator too). Without coordinates a code gets its municipality's
 * centroid and is marked coarse. Valid rows are saved in one transaction; every rejected line
 * is reported with its reason.
 */
export async function loadPostalCodes(db: Db, csv: string, progress?: Progress): Promise<PostalCodeLoadResult> {
  const centroids = new Map(
    (await listMunicipalityCentroids(db)).map((m) => [m.code, m] as const),
  );
  const rejected: PostalCodeLoadResult['rejected'] = [];
  const valid = new Map<string, PostalCodeInput>();
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const fields = text.split(text.includes(';') ? ';' : ',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    const [code = '', municipalityCode = '', lat, lon] = fields;
    if (index === 0 && !/^\d/.test(code)) return; // header
    const reject = (reason: string) => rejected.push({ line, text: text.slice(0, 200), reason });
    if (!/^\d{5}$/.test(code)) return reject('postal code must be five digits');
    const municipality = centroids.get(municipalityCode.padStart(3, '0'));
    if (!municipality) return reject(`unknown municipality code "${municipalityCode}"`);
    if (valid.has(code)) return reject(`duplicate postal code ${code}`);
    if (lat !== undefined && lat !== '' && lon !== undefined && lon !== '') {
      const latitude = Number(lat.replace(',', '.'));
      const longitude = Number(lon.replace(',', '.'));
      if (!(latitude >= 59 && latitude <= 70.5 && longitude >= 19 && longitude <= 32)) {
        return reject('coordinates are not in Finland (expected WGS84 latitude;longitude)');
      }
      valid.set(code, { code, municipalityCode: municipality.code, latitude, longitude, coarse: false });
      return;
    }
    if (municipality.latitude === null || municipality.longitude === null) {
      return reject('no coordinates and the municipality has no centroid');
    }
    valid.set(code, {
      code,
      municipalityCode: municipality.code,
      latitude: municipality.latitude,
      longitude: municipality.longitude,
      coarse: true,
    });
  });
  const rows = [...valid.values()];
  progress?.start(rows.length, 'postal codes');
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await upsertPostalCodes(tx, batch);
      progress?.advance(batch.length);
    }
  });
  progress?.finish();
  return { loaded: rows.length, coarse: rows.filter((r) => r.coarse).length, rejected };
}

/** Loads the postal codes shipped with the project when the table is empty. */
export async function ensurePostalCodes(db: Db): Promise<PostalCodeLoadResult | undefined> {
  if ((await countPostalCodes(db)) > 0) return undefined;
  return loadPostalCodes(db, readFileSync(postalCodesCsvPath, 'utf8'));
}
