/**
 * `npm run bench [-- name ...]`: runs the benchmarks and prints each as a table.
 * Benchmarks measure speed and memory targets; tests assert behaviour.
 */
import { runCatalogBench } from './catalog.bench.ts';
import { runPtvBench } from './ptv.bench.ts';
import { printTable, type Table } from './support.ts';
import { runQualityBench } from './quality.bench.ts';
import { runReferralsBench } from './referrals.bench.ts';
import { runProvidersBench } from './providers.bench.ts';
import { runWebBench } from './web.bench.ts';
import { runSearchBench } from './search.bench.ts';

const benchmarks: Record<string, () => Promise<Table>> = {
  catalog: runCatalogBench,
  web: runWebBench,
  ptv: runPtvBench,
  search: runSearchBench,
  quality: runQualityBench,
  referrals: runReferralsBench,
  providers: runProvidersBench,
};

const selected = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of selected.length ? selected : Object.keys(benchmarks)) {
  const bench = benchmarks[name];
  if (!bench) {
    process.stderr.write(`unknown benchmark "${name}"; available: ${Object.keys(benchmarks).join(', ')}\n`);
    process.exit(1);
  }
  const started = performance.now();
  printTable(await bench());
  process.stdout.write(`  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
