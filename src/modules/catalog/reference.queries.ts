/** Writes of reference data: regions, municipalities, postal codes and taxonomy terms. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';

export async function findReferenceVersion(q: Queryable, name: string): Promise<string | undefined> {
  const rows = await q.query<{ hash: string }>('SELECT hash FROM reference_data_versions WHERE name = $1', [name]);
  return rows[0]?.hash;
}

export async function upsertReferenceVersion(q: Queryable, name: string, hash: string): Promise<void> {
  await q.query(
    `INSERT INTO reference_data_versions (name, hash) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash, loaded_at = now()`,
    [name, hash],
  );
}

export interface RegionInput {
  code: string;
  slug: string;
  kind: string;
  name: LocalisedText;
  population: number | null;
  brandColour: string | null;
}

export async function upsertRegions(q: Queryable, regions: readonly RegionInput[]): Promise<void> {
  await q.query(
    `INSERT INTO regions (code, slug, kind, name, population, brand_colour)
     SELECT code, slug, kind, name, population, brand_colour
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, slug text, kind text, name jsonb, population integer, brand_colour text)
     ON CONFLICT (code) DO UPDATE SET slug = EXCLUDED.slug, kind = EXCLUDED.kind, name = EXCLUDED.name,
       population = EXCLUDED.population, brand_colour = EXCLUDED.brand_colour`,
    [
      JSON.stringify(
        regions.map((r) => ({
          code: r.code,
          slug: r.slug,
          kind: r.kind,
          name: r.name,
          population: r.population,
          brand_colour: r.brandColour,
        })),
      ),
    ],
  );
}

export interface MunicipalityInput {
  code: string;
  name: LocalisedText;
  regionCode: string;
  population: number | null;
  officialLanguages: string[];
  latitude: number | null;
  longitude: number | null;
}

export async function upsertMunicipalities(q: Queryable, municipalities: readonly MunicipalityInput[]): Promise<void> {
  await q.query(
    `INSERT INTO municipalities (code, name, region_code, population, official_languages, latitude, longitude)
     SELECT code, name, region_code, population, official_languages, latitude, longitude
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, name jsonb, region_code text, population integer,
       official_languages text[], latitude double precision, longitude double precision)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
       population = EXCLUDED.population, official_languages = EXCLUDED.official_languages,
       latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude`,
    [
      JSON.stringify(
        municipalities.map((m) => ({
          code: m.code,
          name: m.name,
          region_code: m.regionCode,
          population: m.population,
          official_languages: m.officialLanguages,
          latitude: m.latitude,
          longitude: m.longitude,
        })),
      ),
    ],
  );
}

export interface TaxonomyTermInput {
  taxonomy: 'theme' | 'target_group';
  code: string;
  label: LocalisedText;
  description: LocalisedText;
  sortOrder: number;
  ageMin: number | null;
  ageMax: number | null;
}

export async function upsertTaxonomyTerms(q: Queryable, terms: readonly TaxonomyTermInput[]): Promise<void> {
  await q.query(
    `INSERT INTO taxonomy_terms (taxonomy, code, label, description, sort_order, age_min, age_max)
     SELECT taxonomy, code, label, description, sort_order, age_min, age_max
     FROM jsonb_to_recordset($1::jsonb) AS r(taxonomy text, code text, label jsonb, description jsonb,
       sort_order integer, age_min smallint, age_max smallint)
     ON CONFLICT (taxonomy, code) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description,
       sort_order = EXCLUDED.sort_order, age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max`,
    [
      JSON.stringify(
        terms.map((t) => ({
          taxonomy: t.taxonomy,
          code: t.code,
          label: t.label,
          description: t.description,
          sort_order: t.sortOrder,
          age_min: t.ageMin,
          age_max: t.ageMax,
        })),
      ),
    ],
  );
}

export interface PostalCodeInput {
  code: string;
  municipalityCode: string;
  latitude: number;
  longitude: number;
  coarse: boolean;
}

export async function upsertPostalCodes(q: Queryable, postalCodes: readonly PostalCodeInput[]): Promise<void> {
  if (postalCodes.length === 0) return;
  await q.query(
    `INSERT INTO postal_codes (code, municipality_code, latitude, longitude, coarse)
     SELECT code, municipality_code, latitude, longitude, coarse
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, municipality_code text, latitude double precision,
       longitude double precision, coarse boolean)
     ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, latitude = EXCLUDED.latitude,
       longitude = EXCLUDED.longitude, coarse = EXCLUDED.coarse`,
    [
      JSON.stringify(
        postalCodes.map((p) => ({
          code: p.code,
          municipality_code: p.municipalityCode,
          latitude: p.latitude,
          longitude: p.longitude,
          coarse: p.coarse,
        })),
      ),
    ],
  );
}

export async function listMunicipalityCentroids(
  q: Queryable,
): Promise<{ code: string; latitude: number | null; longitude: number | null }[]> {
  return q.query('SELECT code, latitude, longitude FROM municipalities');
}

export async function countPostalCodes(q: Queryable): Promise<number> {
  const rows = await q.query<{ total: number }>('SELECT count(*) AS total FROM postal_codes');
  return rows[0]?.total ?? 0;
}

export async function listPostalCodesByMunicipality(q: Queryable): Promise<{ municipality_code: string; codes: string[] }[]> {
  return q.query(
    `SELECT municipality_code, array_agg(code ORDER BY code) AS codes FROM postal_codes GROUP BY municipality_code`,
  );
}
