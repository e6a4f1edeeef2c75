/**
 * Loads the recorded PTV services (shared/data/ptv, read at run time, never copied) into a
 * small per-language shape for the prototype index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchLanguage } from '../../src/modules/search/analysis/language.ts';
import type { LabelTriple } from '../../src/modules/search/concepts/dictionary.ts';
import { labelsOfPtvService } from '../../src/modules/search/concepts/dictionary.ts';

type Localised = Partial<Record<SearchLanguage, string>>;

export interface CorpusService {
  id: string;
  names: Localised;
  keywords: Localised;
  /** Service class, ontology term, target group and life event labels. */
  classLabels: Localised;
  ontologyLabels: Localised;
  groupLabels: Localised;
  summary: Localised;
  description: Localised;
  /** Description only (the README baseline indexes this, not the user instructions). */
  descriptionOnly: Localised;
  placeIds: string[];
  labels: LabelTriple[];
}

export interface Place {
  id: string;
  names: string[];
}

interface LocalisedValue {
  value?: string | null;
  language?: string;
  type?: string;
}

function join2(target: Localised, language: string | undefined, value: string | null | undefined): void {
  if (!value || (language !== 'fi' && language !== 'sv' && language !== 'en')) return;
  target[language] = target[language] ? `${target[language]}\n${value}` : value;
}

function labelsOf(terms: { name?: LocalisedValue[] }[] | undefined): Localised {
  const out: Localised = {};
  for (const term of terms ?? []) for (const name of term.name ?? []) join2(out, name.language, name.value);
  return out;
}

export function loadPtvServices(directories: string[]): { services: CorpusService[]; places: Place[] } {
  const byId = new Map<string, CorpusService>();
  const places = new Map<string, Set<string>>();
  for (const directory of directories) {
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(join(directory, file), 'utf8'));
      if (byId.has(raw.id)) continue;
      const names: Localised = {};
      for (const name of raw.serviceNames ?? []) join2(names, name.language, name.value);
      const keywords: Localised = {};
      for (const keyword of raw.keywords ?? []) join2(keywords, keyword.language, keyword.value);
      const summary: Localised = {};
      const description: Localised = {};
      const descriptionOnly: Localised = {};
      for (const d of (raw.serviceDescriptions ?? []) as LocalisedValue[]) {
        if (d.type === 'Summary') join2(summary, d.language, d.value);
        if (d.type === 'Description' || d.type === 'UserInstruction') join2(description, d.language, d.value);
        if (d.type === 'Description') join2(descriptionOnly, d.language, d.value);
      }
      const placeIds: string[] = [];
      for (const area of raw.areas ?? []) {
        for (const municipality of area.municipalities ?? []) {
          placeIds.push(municipality.code);
          let set = places.get(municipality.code);
          if (!set) places.set(municipality.code, (set = new Set()));
          for (const name of municipality.name ?? []) if (name.value) set.add(name.value);
        }
      }
      const groups = labelsOf([...(raw.targetGroups ?? []), ...(raw.lifeEvents ?? [])]);
      byId.set(raw.id, {
        id: raw.id,
        names,
        keywords,
        classLabels: labelsOf(raw.serviceClasses),
        ontologyLabels: labelsOf(raw.ontologyTerms),
        groupLabels: groups,
        summary,
        description,
        descriptionOnly,
        placeIds,
        labels: labelsOfPtvService(raw),
      });
    }
  }
  return {
    services: [...byId.values()],
    places: [...places.entries()].map(([id, names]) => ({ id, names: [...names] })),
  };
}
