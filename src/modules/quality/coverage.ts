/**
 * Coverage of a region: tray activities per HYTE theme in each municipality per 10,000
 * residents, the themes a municipality lacks entirely, and the regional median per theme.
 */
import type { LocalisedText } from '../../platform/localised.ts';
import { median } from './quality.engine.ts';

export interface CoverageCell {
  count: number;
  /** activities per 10,000 residents; null without a population */
  per10k: number | null;
  belowMedian: boolean;
}

export interface CoverageRow {
  code: string;
  name: LocalisedText;
  population: number | null;
  cells: Record<string, CoverageCell>;
  missing: string[];
}

export interface Coverage {
  themes: string[];
  rows: CoverageRow[];
  /** median of the municipalities' per-10,000 figures, per theme */
  median: Record<string, number>;
}

export function buildCoverage(
  municipalities: readonly { code: string; name: LocalisedText; population: number | null }[],
  counts: readonly { municipality_code: string; theme: string; count: number }[],
  themes: readonly string[],
): Coverage {
  const countOf = new Map(counts.map((c) => [`${c.municipality_code}|${c.theme}`, c.count]));
  const per10k = (count: number, population: number | null) => (population && population > 0 ? (count * 10_000) / population : null);
  const medians: Record<string, number> = {};
  for (const theme of themes) {
    medians[theme] = median(municipalities.flatMap((m) => per10k(countOf.get(`${m.code}|${theme}`) ?? 0, m.population) ?? []));
  }
  const rows = municipalities.map((m) => {
    const cells: Record<string, CoverageCell> = {};
    for (const theme of themes) {
      const count = countOf.get(`${m.code}|${theme}`) ?? 0;
      const rate = per10k(count, m.population);
      cells[theme] = { count, per10k: rate, belowMedian: rate !== null && rate < medians[theme]! };
    }
    return { code: m.code, name: m.name, population: m.population, cells, missing: themes.filter((t) => cells[t]!.count === 0) };
  });
  return { themes: [...themes], rows, median: medians };
}
