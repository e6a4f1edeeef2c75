/**
 * The production text matcher: the analysed pipeline of query/text-search.ts (plan → resolve
 * against the vocabulary → rank) over the index tables, with the process's analyser and the
 * municipalities as place names. One engine per database, rebuilt when the document count
 * (the idf base) has drifted.
 */
import type { Queryable } from '../../db/index.ts';
import { loadReferenceAreas } from '../catalog/index.ts';
import type { FinnishAnalyser } from './analysis/finnish.ts';
import type { SearchLanguage } from './analysis/language.ts';
import { allConcepts } from './concepts/concepts.ts';
import { countSearchDocuments } from './query/search-index.queries.ts';
import { rankParameterCount, type RankFacetRow } from './query/search-text.queries.ts';
import { filterRestriction, type FilterSpec } from './search.queries.ts';
import { createTextSearch, defaultTextSearchSettings, type Place } from './query/text-search.ts';
import { searchAnalyser } from './search.analyser.ts';

export interface TextMatch {
  /** Service ids and their text scores normalised to 0…1 (best = 1), best first. */
  ids: string[];
  scores: number[];
  didYouMean?: string;
  language: SearchLanguage;
  /** Themes and target groups of the lay-language concepts the query matched. */
  conceptThemes: string[];
  conceptTargetGroups: string[];
  concepts: string[];
  /** Facet counts over the matches (theme, target_group, language, municipality, free, kaikukortti). */
  facets: RankFacetRow[];
}

/** How many text matches are ranked before filters apply. */
export const textCandidateLimit = 1000;

let places: Place[] | undefined;
function municipalityPlaces(): Place[] {
  places ??= loadReferenceAreas().municipalities.map((m) => ({
    id: m.code,
    names: [...new Set(Object.values(m.name as Record<string, string>).filter(Boolean))],
  }));
  return places;
}

interface Engine {
  analyser: FinnishAnalyser;
  documents: number;
  checkedAt: number;
  search: ReturnType<typeof createTextSearch>;
}
const engines = new WeakMap<object, Engine>();
const recountMs = 30_000;

async function engineFor(db: Queryable): Promise<Engine> {
  const analyser = searchAnalyser();
  const cached = engines.get(db);
  const now = Date.now();
  if (cached && cached.analyser === analyser && now - cached.checkedAt < recountMs) return cached;
  const documents = await countSearchDocuments(db);
  if (cached && cached.analyser === analyser && Math.abs(documents - cached.documents) <= cached.documents * 0.05) {
    cached.checkedAt = now;
    return cached;
  }
  const engine: Engine = {
    analyser,
    documents,
    checkedAt: now,
    search: createTextSearch(db, { finnish: analyser, dictionary: null, places: municipalityPlaces(), totalDocuments: Math.max(1, documents) }, defaultTextSearchSettings),
  };
  engines.set(db, engine);
  return engine;
}

const conceptsById = new Map(allConcepts.map((c) => [c.id, c]));

/**
 * At most this many matching documents are ranked per query (after the filters): bounds the
 * cost on very large catalogues where a common word matches tens of thousands of activities.
 */
export const rankedDocumentLimit = 2000;

/** Runs the text pipeline; an empty `ids` means nothing matched. `filters` narrow what is ranked. */
export async function matchText(db: Queryable, text: string, hint: SearchLanguage, filters?: FilterSpec): Promise<TextMatch> {
  const engine = await engineFor(db);
  const restriction = filters ? filterRestriction(filters, rankParameterCount) : undefined;
  const { plan, rows, facets, didYouMean } = await engine.search(text, hint, textCandidateLimit, { ...restriction, max: rankedDocumentLimit });
  const best = rows[0]?.score ?? 0;
  const matched = plan.concepts.flatMap((id) => (conceptsById.has(id) ? [conceptsById.get(id)!] : []));
  return {
    ids: rows.map((r) => r.serviceId),
    scores: rows.map((r) => (best > 0 ? r.score / best : 0)),
    ...(didYouMean && didYouMean.toLowerCase() !== text.toLowerCase() ? { didYouMean } : {}),
    language: plan.language,
    conceptThemes: [...new Set(matched.flatMap((c) => c.themes))],
    conceptTargetGroups: [...new Set(matched.flatMap((c) => c.targetGroups))],
    concepts: plan.concepts,
    facets,
  };
}
