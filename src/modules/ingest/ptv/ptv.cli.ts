/**
 * The `tarjotin import …` commands (registered in src/cli/main.ts):
 *   tarjotin import ptv [--api-url URL] [--municipality CODE ...] [--region CODE] [--organisation GUID] [--full]
 *   tarjotin import runs [--json] [--limit N]
 */
import { parseArgs } from 'node:util';
import type { Deps } from '../../../platform/deps.ts';
import type { Progress } from '../../../platform/progress.ts';
import { createPtvClient } from './ptv.client.ts';
import { listRejects, listRuns } from './ptv.import.queries.ts';
import { syncPtv, type PtvScope } from './ptv.sync.service.ts';

export const importUsage =
  'tarjotin import ptv [--api-url URL] [--municipality CODE ...] [--region CODE] [--organisation GUID] [--full] | tarjotin import runs [--json]';

export class ImportUsageError extends Error {}

export function parsePtvScope(values: { municipality?: string[]; region?: string; organisation?: string }): PtvScope {
  const given = [values.municipality?.length ? 1 : 0, values.region ? 1 : 0, values.organisation ? 1 : 0].reduce((a, b) => a + b, 0);
  if (given > 1) throw new ImportUsageError('give only one of --municipality, --region and --organisation');
  if (values.municipality?.length) {
    const codes = values.municipality.flatMap((value) => value.split(',')).map((code) => code.trim().padStart(3, '0'));
    const bad = codes.find((code) => !/^\d{3}$/.test(code));
    if (bad) throw new ImportUsageError(`--municipality must be a municipality code such as 905 (got ${bad})`);
    return { kind: 'municipality', codes };
  }
  if (values.region) {
    if (!/^\d{2}$/.test(values.region)) throw new ImportUsageError('--region must be a two-digit region code such as 15');
    return { kind: 'region', code: values.region };
  }
  if (values.organisation) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.organisation)) {
      throw new ImportUsageError('--organisation must be a PTV organisation GUID');
    }
    return { kind: 'organisation', guid: values.organisation.toLowerCase() };
  }
  return { kind: 'all' };
}

export async function runImportCommand(deps: Deps, args: string[], progress: Progress, out: (line: string) => void): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'ptv') {
    const { values } = parseArgs({
      args: rest,
      options: {
        'api-url': { type: 'string' },
        municipality: { type: 'string', multiple: true },
        region: { type: 'string' },
        organisation: { type: 'string' },
        full: { type: 'boolean', default: false },
      },
    });
    const scope = parsePtvScope(values);
    const client = createPtvClient({
      apiUrl: values['api-url'] ?? deps.config.ptvApiUrl,
      concurrency: deps.config.ptvConcurrency,
      timeoutMs: deps.config.ptvTimeoutMs,
    });
    const result = await syncPtv(deps, client, { scope, full: values.full, concurrency: deps.config.ptvConcurrency, progress });
    const c = result.counts;
    out(
      `PTV ${result.scope} (${result.mode}): ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.archived} archived, ${c.rejected} rejected; cursor ${result.cursor.toISOString()}; run ${result.runId}`,
    );
    return c.rejected > 0 ? 2 : 0;
  }
  if (what === 'runs') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } } });
    const limit = values.limit && /^\d+$/.test(values.limit) ? Number(values.limit) : 20;
    const runs = await listRuns(deps.db, limit);
    if (values.json) {
      const withRejects = await Promise.all(
        runs.map(async (run) => ({
          id: run.id,
          source: run.source,
          scope: run.scope,
          mode: run.mode,
          status: run.status,
          startedAt: run.started_at.toISOString(),
          endedAt: run.ended_at?.toISOString() ?? null,
          cursorFrom: run.cursor_from?.toISOString() ?? null,
          cursorTo: run.cursor_to?.toISOString() ?? null,
          counts: { created: run.created, updated: run.updated, unchanged: run.unchanged, archived: run.archived, rejected: run.rejected },
          error: run.error,
          rejects: (await listRejects(deps.db, run.id)).map((r) => ({ entity: r.entity, sourceId: r.source_id, reasons: r.reasons })),
        })),
      );
      out(JSON.stringify(withRejects, null, 2));
      return 0;
    }
    if (runs.length === 0) out('no import runs');
    for (const run of runs) {
      out(
        [
          run.started_at.toISOString().slice(0, 19),
          run.source,
          run.scope,
          run.mode,
          run.status,
          `created ${run.created}`,
          `updated ${run.updated}`,
          `unchanged ${run.unchanged}`,
          `archived ${run.archived}`,
          `rejected ${run.rejected}`,
          run.error ? `error: ${run.error}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    return 0;
  }
  throw new ImportUsageError(`usage: ${importUsage}`);
}
