/** Read queries of the admin pages over organisations and areas (the catalogue owns the writes). */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';

export interface AdminOrganisationRow {
  id: string;
  type: string;
  name: LocalisedText;
  description: LocalisedText;
  business_id: string | null;
  region_code: string | null;
  municipality_code: string | null;
  parent_id: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  status: 'active' | 'archived';
  source: string;
  source_id: string | null;
  source_modified: Date | null;
  payload_hash: string | null;
  updated_at: Date;
}

const organisationColumns = `o.id, o.type, o.name, o.description, o.business_id, o.region_code, o.municipality_code, o.parent_id,
  o.website, o.email, o.phone, o.status, o.source, o.source_id, o.source_modified, o.payload_hash, o.updated_at`;

export async function findAdminOrganisation(q: Queryable, id: string): Promise<AdminOrganisationRow | undefined> {
  const rows = await q.query<AdminOrganisationRow>(`SELECT ${organisationColumns} FROM organisations o WHERE o.id = $1::uuid`, [id]);
  return rows[0];
}

/** Organisations of the given regions, optionally matching a name or business ID. */
export async function listAdminOrganisations(
  q: Queryable,
  filter: { regionCodes: 'all' | string[]; regionCode?: string; text?: string; activeOnly?: boolean; limit: number },
): Promise<AdminOrganisationRow[]> {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['true'];
  if (filter.regionCodes !== 'all') conditions.push(`o.region_code = ANY(${add(filter.regionCodes)}::text[])`);
  if (filter.regionCode) conditions.push(`o.region_code = ${add(filter.regionCode)}`);
  if (filter.activeOnly) conditions.push(`o.status = 'active'`);
  if (filter.text) {
    const like = add(`%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(lower(o.name::text) LIKE ${like} OR o.business_id LIKE ${like})`);
  }
  return q.query<AdminOrganisationRow>(
    `SELECT ${organisationColumns} FROM organisations o WHERE ${conditions.join(' AND ')}
     ORDER BY o.name->>'fi' NULLS LAST, o.id LIMIT ${add(filter.limit)}`,
    params,
  );
}

export interface AreaRow {
  code: string;
  name: LocalisedText;
  region_code: string | null;
}

export async function listRegionAreas(q: Queryable): Promise<AreaRow[]> {
  return q.query<AreaRow>(`SELECT code, name, NULL AS region_code FROM regions ORDER BY code`);
}

export async function listMunicipalityAreas(q: Queryable): Promise<AreaRow[]> {
  return q.query<AreaRow>(`SELECT code, name, region_code FROM municipalities ORDER BY name->>'fi', code`);
}
