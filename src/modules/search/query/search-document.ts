/**
 * A service's searchable text, per weight class and language, turned into an index row:
 * Finnish through the Finnish analyser, Swedish and English left for PostgreSQL's snowball.
 * Weight classes: A name (and alternative names), B keywords and classification labels (PTV
 * service classes, ontology terms: they carry fi/sv/en labels even for Finnish-only listings),
 * C summary and target groups, D description and instructions.
 */
import type { FinnishAnalyser } from '../analysis/finnish.ts';
import type { SearchLanguage } from '../analysis/language.ts';
import type { SearchDocumentRow } from './search-index.queries.ts';

export type WeightClass = 'a' | 'b' | 'c' | 'd';
export type LocalisedParts = Partial<Record<SearchLanguage, readonly (string | null | undefined)[]>>;

export interface SearchDocumentInput {
  serviceId: string;
  placeIds: string[];
  fields: Record<WeightClass, LocalisedParts>;
}

/** Builds the index row; the analyser's id must be recorded with the index (rebuild on change). */
export function toSearchDocumentRow(input: SearchDocumentInput, analyser: FinnishAnalyser): SearchDocumentRow {
  const text = (parts: readonly (string | null | undefined)[] | undefined) => (parts ?? []).filter(Boolean).join('\n');
  const triple = (field: LocalisedParts): [string, string, string] => [
    analyser.documentTerms(text(field.fi)).join(' '),
    text(field.sv),
    text(field.en),
  ];
  return {
    serviceId: input.serviceId,
    placeIds: input.placeIds,
    a: triple(input.fields.a),
    b: triple(input.fields.b),
    c: triple(input.fields.c),
    d: triple(input.fields.d),
  };
}

/** True when the stored index was built by another analyser (or never): rebuild it. */
export function needsRebuild(storedAnalyserId: string | null, analyser: FinnishAnalyser): boolean {
  return storedAnalyserId !== analyser.id;
}
