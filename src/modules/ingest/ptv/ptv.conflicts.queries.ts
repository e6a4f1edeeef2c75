/** SQL for "manual edits win": locally edited rows, import conflicts, duplicate candidates. */
import type { Queryable } from '../../../db/index.ts';

export type EditableTable = 'organisations' | 'services' | 'locations' | 'contact_channels';
export type ConflictEntity = 'organisation' | 'service' | 'location' | 'contact_channel';

/** Rows with locally edited fields, as JSON (snake_case columns). */
export async function locallyEditedRows(q: Queryable, table: EditableTable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q.query<{ id: string; fields: string[]; row: Record<string, unknown> }>(
    `SELECT id, locally_edited_fields AS fields, to_jsonb(t) AS row FROM ${table} t
     WHERE id = ANY($1::uuid[]) AND cardinality(locally_edited_fields) > 0`,
    [ids],
  );
}

export async function currentRelations(q: Queryable, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return q.query<{ service_id: string; relation: 'locations' | 'channels' | 'schedules'; value: unknown }>(
    `SELECT service_id, 'locations' AS relation, to_jsonb(array_agg(location_id ORDER BY location_id)) AS value
       FROM service_locations WHERE service_id = ANY($1::uuid[]) GROUP BY service_id
     UNION ALL
     SELECT service_id, 'channels', to_jsonb(array_agg(channel_id ORDER BY channel_id))
       FROM service_channels WHERE service_id = ANY($1::uuid[]) GROUP BY service_id
     UNION ALL
     SELECT service_id, 'schedules', jsonb_agg(jsonb_build_object('kind', kind, 'weekdays', weekdays, 'opens', opens,
         'closes', closes, 'validFrom', valid_from, 'validTo', valid_to, 'closed', closed) ORDER BY id)
       FROM schedules WHERE service_id = ANY($1::uuid[]) GROUP BY service_id`,
    [serviceIds],
  );
}

export interface ConflictInput {
  entity: ConflictEntity;
  entityId: string;
  sourceId: string;
  field: string;
  localValue: unknown;
  incomingValue: unknown;
  incomingPayloadHash: string | null;
}

/**
 * Opens a conflict per (entity, field), or updates the incoming value of the open one. A
 * conflict resolved 'kept_local' for the same incoming payload is not reopened.
 */
export async function recordConflicts(q: Queryable, conflicts: readonly ConflictInput[]): Promise<void> {
  if (conflicts.length === 0) return;
  await q.query(
    `INSERT INTO import_conflicts (id, entity, entity_id, source, source_id, field, local_value, incoming_value, incoming_payload_hash)
     SELECT gen_random_uuid(), r.entity, r.entity_id, 'ptv', r.source_id, r.field, r.local_value, r.incoming_value, r.incoming_payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(entity text, entity_id uuid, source_id text, field text, local_value jsonb,
       incoming_value jsonb, incoming_payload_hash text)
     WHERE NOT EXISTS (
       SELECT 1 FROM import_conflicts c WHERE c.entity = r.entity AND c.entity_id = r.entity_id AND c.field = r.field
         AND c.status = 'kept_local' AND c.incoming_payload_hash IS NOT DISTINCT FROM r.incoming_payload_hash)
     ON CONFLICT (entity, entity_id, field) WHERE status = 'open' DO UPDATE SET
       incoming_value = EXCLUDED.incoming_value, incoming_payload_hash = EXCLUDED.incoming_payload_hash,
       local_value = EXCLUDED.local_value`,
    [
      JSON.stringify(
        conflicts.map((c) => ({
          entity: c.entity,
          entity_id: c.entityId,
          source_id: c.sourceId,
          field: c.field,
          local_value: c.localValue ?? null,
          incoming_value: c.incomingValue ?? null,
          incoming_payload_hash: c.incomingPayloadHash,
        })),
      ),
    ],
  );
}

/**
 * Flags probable duplicates among these services: another active service of the same
 * organiser with a near-identical name at the same place (a shared location, or the same street
 * address and postal code). The later one (first seen later) is the candidate; while the
 * candidate is open it is paused, so residents do not see the activity twice.
 */
export async function flagDuplicates(q: Queryable, serviceIds: readonly string[], threshold: number): Promise<number> {
  if (serviceIds.length === 0) return 0;
  const name = (alias: string) => `lower(coalesce(${alias}.name->>'fi', ${alias}.name->>'sv', ${alias}.name->>'en', ''))`;
  const rows = await q.query<{ service_id: string }>(
    // the names are extracted once per service and scored once per pair (materialised), and only
    // the similar pairs are checked for a shared place: an order of magnitude faster than one join
    `WITH mine AS MATERIALIZED (
       SELECT s.id, s.organisation_id, s.first_seen_at, ${name('s')} AS name FROM services s
       WHERE s.id = ANY($1::uuid[]) AND s.status = 'published' AND s.in_tray
     ),
     others AS MATERIALIZED (
       SELECT o.id, o.organisation_id, o.first_seen_at, ${name('o')} AS name FROM services o
       WHERE o.organisation_id IN (SELECT organisation_id FROM mine) AND o.status <> 'archived'
     ),
     scored AS MATERIALIZED (
       SELECT m.id AS service_id, o.id AS duplicate_of, o.first_seen_at, similarity(m.name, o.name) AS similarity
       FROM mine m JOIN others o ON o.organisation_id = m.organisation_id AND o.id <> m.id AND (o.first_seen_at, o.id) < (m.first_seen_at, m.id)
     ),
     found AS (
       SELECT DISTINCT ON (c.service_id) c.service_id, c.duplicate_of, c.similarity FROM scored c
       WHERE c.similarity >= $2 AND EXISTS (
         SELECT 1 FROM service_locations a JOIN locations la ON la.id = a.location_id
         JOIN service_locations b ON b.service_id = c.duplicate_of JOIN locations lb ON lb.id = b.location_id
         WHERE a.service_id = c.service_id AND (la.id = lb.id OR (la.postal_code = lb.postal_code
           AND lower(coalesce(la.street_address->>'fi', la.street_address->>'sv')) = lower(coalesce(lb.street_address->>'fi', lb.street_address->>'sv')))))
       ORDER BY c.service_id, c.similarity DESC, c.first_seen_at
     ),
     inserted AS (
       INSERT INTO duplicate_candidates (service_id, duplicate_of, similarity, reason)
       SELECT service_id, duplicate_of, similarity, 'same organiser, near-identical name, same place' FROM found
       ON CONFLICT (service_id, duplicate_of) DO NOTHING
       RETURNING service_id
     )
     SELECT service_id FROM inserted`,
    [serviceIds, threshold],
  );
  return rows.length;
}

/** Keeps services with an open duplicate candidate out of the tray (paused), unless their status is edited locally. */
export async function pauseOpenDuplicates(q: Queryable, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query(
    `UPDATE services SET status = 'paused'
     WHERE id = ANY($1::uuid[]) AND status = 'published' AND NOT ('status' = ANY(locally_edited_fields))
       AND id IN (SELECT service_id FROM duplicate_candidates WHERE status = 'open')`,
    [serviceIds],
  );
}
