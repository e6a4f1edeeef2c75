/**
 * A catalogue service as index input (pure): which text goes to which weight class.
 * A name and alternative names; B keywords, theme labels, PTV service-class and ontology labels
 * (fi/sv/en even for Finnish-only listings: the cross-language bridge); C summaries, target-group
 * and life-event labels; D description and instructions.
 */
import { targetGroups, themes } from '../catalog/index.ts';
import type { SearchLanguage } from './analysis/language.ts';
import { labelsOfPtvService } from './concepts/dictionary.ts';
import type { LocalisedParts, SearchDocumentInput } from './query/search-document.ts';
import type { IndexSourceRow } from './query/search-index.queries.ts';

const languages: readonly SearchLanguage[] = ['fi', 'sv', 'en'];
const themeLabels = new Map(themes.map((t) => [t.code as string, t.label]));
const groupLabels = new Map(targetGroups.map((t) => [t.code as string, t.label]));

type Localised = Partial<Record<string, string>>;

function parts(...sources: (Localised | Localised[] | undefined | null)[]): LocalisedParts {
  const out: Record<SearchLanguage, string[]> = { fi: [], sv: [], en: [] };
  for (const source of sources.flatMap((s) => (Array.isArray(s) ? s : s ? [s] : []))) {
    for (const language of languages) {
      const value = source[language];
      if (typeof value === 'string' && value) out[language].push(value);
    }
  }
  return out;
}

function keywordTexts(keywords: Record<string, string[]> | null | undefined): Localised {
  const out: Localised = {};
  for (const language of languages) {
    const list = keywords?.[language];
    if (Array.isArray(list) && list.length) out[language] = list.join('\n');
  }
  return out;
}

type NamedTerms = Parameters<typeof labelsOfPtvService>[0];

/** Builds the analyser input of one service. */
export function toDocumentInput(row: IndexSourceRow): SearchDocumentInput {
  const classification = (row.classification ?? {}) as Record<string, unknown>;
  const arrays = (key: string) => (Array.isArray(classification[key]) ? (classification[key] as NamedTerms['serviceClasses']) : []);
  const classLabels = labelsOfPtvService({ serviceClasses: arrays('serviceClasses'), ontologyTerms: arrays('ontologyTerms') });
  const sourceGroupLabels = labelsOfPtvService({ targetGroups: arrays('targetGroups'), lifeEvents: arrays('lifeEvents') });
  return {
    serviceId: row.id,
    placeIds: row.municipality_codes,
    fields: {
      a: parts(row.name, row.alternative_names),
      b: parts(keywordTexts(row.keywords), row.themes.map((t) => themeLabels.get(t) ?? {}), classLabels),
      c: parts(row.summary, row.plain_summary, row.target_groups.map((g) => groupLabels.get(g) ?? {}), sourceGroupLabels),
      d: parts(row.description, row.user_instructions),
    },
  };
}
