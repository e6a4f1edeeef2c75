/** Read API latency over the demo tray (in-process requests through Fastify). */
import { buildApp } from '../src/app.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';
import { benchDatabases, benchDeps, measure, type Table } from './support.ts';

export async function runCatalogBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  const rows: Table['rows'] = [];
  for (const open of databases) {
    const bench = await open();
    try {
      const deps = benchDeps(bench.db);
      await loadDemoData(deps, { seed: 2026, count: 2400, anchorDate: '2026-11-28' });
      const app = await buildApp(deps, { logger: false });
      const queries = [
        ['list, no filter', '/api/v1/services?pageSize=20'],
        ['list, municipality + theme', '/api/v1/services?municipality=837&theme=exercise&pageSize=20'],
        ['list, region + 3 filters', '/api/v1/services?region=17&targetGroup=older_people&free=true&language=sv'],
      ] as const;
      for (const [label, url] of queries) {
        const result = await measure(300, () => app.inject({ method: 'GET', url }));
        rows.push([bench.name, label, result.p50, result.p95, result.perSecond]);
      }
      const ids = (await app.inject({ method: 'GET', url: '/api/v1/services?pageSize=100' })).json().items.map((i: { id: string }) => i.id);
      const detail = await measure(300, (i) => app.inject({ method: 'GET', url: `/api/v1/services/${ids[i % ids.length]}` }));
      rows.push([bench.name, 'activity detail', detail.p50, detail.p95, detail.perSecond]);
      await app.close();
    } finally {
      await bench.drop();
    }
  }
  return {
    title: 'Catalogue read API (2,400 demo activities, sequential in-process requests)',
    columns: ['database', 'request', 'p50 ms', 'p95 ms', 'requests/s'],
    rows,
    notes,
  };
}
