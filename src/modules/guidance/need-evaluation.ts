/**
 * Measures the service → need area classification against the AuroraAI project's labels of
 * real PTV services (10 well-being dimensions, in Finnish). The dimensions are mapped onto our
 * need areas; precision and recall are counted per need area over every labelled service.
 */
import { needAreasOfText } from './need-classifier.ts';
import type { NeedAreaCode } from './need-areas.ts';

/** The AuroraAI well-being dimensions as the spreadsheets name them. */
export const auroraDimensions = [
  'terveys',
  'vaikeuksien voittaminen',
  'asuminen',
  'opiskelu tai työ',
  'perhe',
  'ystävät',
  'raha-asiat',
  'itsensä kehittäminen',
  'itsetunto',
  'tyytyväisyys elämään',
] as const;
export type AuroraDimension = (typeof auroraDimensions)[number];

/**
 * Which dimensions stand for which need area. "Life satisfaction" sums up a whole life and
 * maps to no single need; exercise, food, substance use, caring and digital skills have no
 * dimension of their own and cannot be measured with these labels.
 */
export const dimensionsOfNeedArea: Partial<Record<NeedAreaCode, AuroraDimension[]>> = {
  health: ['terveys'],
  mental_wellbeing: ['vaikeuksien voittaminen', 'itsetunto'],
  housing: ['asuminen'],
  study_work: ['opiskelu tai työ'],
  family: ['perhe'],
  loneliness: ['ystävät'],
  money: ['raha-asiat'],
  culture_leisure: ['itsensä kehittäminen'],
};

export interface LabelledService {
  id: string;
  source: string;
  name: string;
  summary: string;
  /** The dimensions marked for it; empty for services marked "not a well-being service". */
  dimensions: AuroraDimension[];
}

export interface AreaScore {
  needArea: NeedAreaCode;
  dimensions: AuroraDimension[];
  /** services labelled with one of the dimensions */
  support: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  services: number;
  areas: AreaScore[];
  micro: { precision: number; recall: number };
  macro: { precision: number; recall: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluateNeedClassification(services: readonly LabelledService[]): Evaluation {
  const predictions = services.map((s) => new Set(needAreasOfText(`${s.name}. ${s.summary}`)));
  const areas: AreaScore[] = [];
  for (const [needArea, dimensions] of Object.entries(dimensionsOfNeedArea) as [NeedAreaCode, AuroraDimension[]][]) {
    let support = 0;
    let predicted = 0;
    let truePositives = 0;
    services.forEach((service, i) => {
      const truth = service.dimensions.some((d) => dimensions.includes(d));
      const guess = predictions[i]!.has(needArea);
      if (truth) support++;
      if (guess) predicted++;
      if (truth && guess) truePositives++;
    });
    areas.push({ needArea, dimensions, support, predicted, truePositives, precision: ratio(truePositives, predicted), recall: ratio(truePositives, support) });
  }
  const sum = (key: 'support' | 'predicted' | 'truePositives') => areas.reduce((total, a) => total + a[key], 0);
  return {
    services: services.length,
    areas,
    micro: { precision: ratio(sum('truePositives'), sum('predicted')), recall: ratio(sum('truePositives'), sum('support')) },
    macro: { precision: ratio(areas.reduce((t, a) => t + a.precision, 0), areas.length), recall: ratio(areas.reduce((t, a) => t + a.recall, 0), areas.length) },
  };
}

/**
 * Reads labelled services from the rows of a sheet (a header row, then one row per service):
 * columns `id`, `Name`, `serviceSummary`, one per dimension ('x' when marked) and `EI MUKAAN`
 * (not a well-being service). Rows with no mark at all were never labelled and are skipped.
 */
export function labelledServicesOfSheet(rows: readonly string[][], source: string): LabelledService[] {
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const column = (name: string) => header.indexOf(name);
  const [id, name, summary, excluded] = [column('id'), column('Name'), column('serviceSummary'), column('EI MUKAAN')];
  if (id < 0 || name < 0 || summary < 0) throw new Error(`${source}: expected the columns id, Name and serviceSummary`);
  const marked = (row: readonly string[], index: number) => index >= 0 && (row[index] ?? '').trim() !== '';
  const services: LabelledService[] = [];
  for (const row of rows.slice(1)) {
    if (!row[id]?.trim()) continue;
    const dimensions = auroraDimensions.filter((d) => marked(row, column(d)));
    if (dimensions.length === 0 && !marked(row, excluded)) continue;
    services.push({
      id: row[id]!.trim(),
      source,
      name: (row[name] ?? '').trim(),
      // Excel writes carriage returns inside cells as _x000D_.
      summary: (row[summary] ?? '').replace(/_x000D_/g, ' ').trim(),
      dimensions,
    });
  }
  return services;
}
