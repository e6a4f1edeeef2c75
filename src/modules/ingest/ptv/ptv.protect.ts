/**
 * Manual edits win. `locally_edited_fields` (snake_case column names, and on services the
 * relation names locations / channels / schedules / events) lists what a provider or
 * coordinator changed in Tarjotin. Before an import writes a row, each such field gets the
 * current local value back, and a differing incoming value is recorded in `import_conflicts`
 * for moderation. Relations that are edited locally are not replaced at all.
 */
import type { Queryable } from '../../../db/index.ts';
import { canonicalJson } from '../../../platform/ids.ts';
import {
  currentRelations,
  locallyEditedRows,
  recordConflicts,
  type ConflictEntity,
  type ConflictInput,
  type EditableTable,
} from './ptv.conflicts.queries.ts';

export const serviceRelations = ['locations', 'channels', 'schedules', 'events'] as const;
export type ServiceRelation = (typeof serviceRelations)[number];

const entityOfTable: Record<EditableTable, ConflictEntity> = {
  organisations: 'organisation',
  services: 'service',
  locations: 'location',
  contact_channels: 'contact_channel',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) return new Date(value).toISOString();
  return value ?? null;
}

const same = (a: unknown, b: unknown) => canonicalJson(normalise(a)) === canonicalJson(normalise(b));

interface Protectable {
  id: string;
  provenance: { sourceId: string | null; payloadHash: string | null };
}

/**
 * Returns the records with locally edited columns set back to their local values, and the
 * relations of each record that must not be replaced. Conflicts are recorded on the way.
 */
export async function protectLocalEdits<T extends Protectable>(
  q: Queryable,
  table: EditableTable,
  records: readonly T[],
): Promise<{ records: T[]; keptRelations: Map<string, Set<ServiceRelation>>; edited: Map<string, string[]> }> {
  const keptRelations = new Map<string, Set<ServiceRelation>>();
  const edited = new Map<string, string[]>();
  const rows = await locallyEditedRows(q, table, records.map((r) => r.id));
  if (rows.length === 0) return { records: [...records], keptRelations, edited };
  const byId = new Map(rows.map((row) => [row.id, row]));
  const conflicts: ConflictInput[] = [];
  const result = records.map((record) => {
    const row = byId.get(record.id);
    if (!row) return record;
    edited.set(record.id, row.fields);
    const protectedRecord = { ...record } as unknown as Record<string, unknown>;
    for (const field of row.fields) {
      if ((serviceRelations as readonly string[]).includes(field)) {
        if (table === 'services') keptRelations.set(record.id, (keptRelations.get(record.id) ?? new Set()).add(field as ServiceRelation));
        continue;
      }
      const key = camel(field);
      if (!(key in protectedRecord) || !(field in row.row)) continue;
      const local = row.row[field];
      const incoming = protectedRecord[key];
      if (!same(local, incoming)) {
        conflicts.push({
          entity: entityOfTable[table],
          entityId: record.id,
          sourceId: record.provenance.sourceId ?? '',
          field,
          localValue: normalise(local),
          incomingValue: normalise(incoming),
          incomingPayloadHash: record.provenance.payloadHash,
        });
      }
      protectedRecord[key] = incoming instanceof Date && typeof local === 'string' ? new Date(local) : local;
    }
    return protectedRecord as unknown as T;
  });
  await recordConflicts(q, conflicts);
  return { records: result, keptRelations, edited };
}

/** Records conflicts for locally edited relations whose incoming value differs from the local one. */
export async function relationConflicts(
  q: Queryable,
  kept: Map<string, Set<ServiceRelation>>,
  incoming: Map<string, { sourceId: string; payloadHash: string | null; locations: string[]; channels: string[]; schedules: unknown[] }>,
): Promise<void> {
  if (kept.size === 0) return;
  const current = await currentRelations(q, [...kept.keys()]);
  const local = new Map(current.map((row) => [`${row.service_id}|${row.relation}`, row.value]));
  const conflicts: ConflictInput[] = [];
  for (const [serviceId, relations] of kept) {
    const next = incoming.get(serviceId);
    if (!next) continue;
    for (const relation of relations) {
      if (relation === 'events') continue; // PTV has no events
      const incomingValue = relation === 'schedules' ? next.schedules : [...next[relation]].sort();
      const localValue = local.get(`${serviceId}|${relation}`) ?? [];
      if (same(localValue, incomingValue)) continue;
      conflicts.push({
        entity: 'service',
        entityId: serviceId,
        sourceId: next.sourceId,
        field: relation,
        localValue,
        incomingValue,
        incomingPayloadHash: next.payloadHash,
      });
    }
  }
  await recordConflicts(q, conflicts);
}
