/**
 * The lay-language concept layer: what people type ("yksinäinen", "en saa unta", "dagis",
 * "debt advice") mapped to the vocabulary the catalogue uses ("päivätoiminta", "vertaistuki",
 * "velkaneuvonta", "daghem"). Kept as data, in three languages, reviewed like code.
 * A concept is general knowledge of the well-being service domain, never a patch for one query.
 */
import type { SearchLanguage } from '../analysis/language.ts';

export type ThemeCode =
  | 'exercise' | 'nature' | 'culture' | 'hobbies' | 'meeting_places' | 'peer_support' | 'mental_wellbeing'
  | 'nutrition' | 'substance_use' | 'everyday_support' | 'health_advice' | 'digital_support' | 'volunteering'
  | 'learning_work';

export type TargetGroupCode =
  | 'children' | 'young_people' | 'families' | 'working_age' | 'older_people' | 'carers'
  | 'people_with_disabilities' | 'immigrants' | 'recovery' | 'unemployed';

export type PerLanguage<T> = Record<SearchLanguage, T>;

export interface Concept {
  id: string;
  themes: ThemeCode[];
  targetGroups: TargetGroupCode[];
  /** Phrases people type. A phrase matches when each of its words occurs in the query, in any inflection. */
  triggers: PerLanguage<string[]>;
  /** Catalogue vocabulary the query is widened with (words or short phrases). */
  expansions: PerLanguage<string[]>;
}

const list = (text: string): string[] =>
  text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/**
 * Declares a concept compactly: each language's triggers and expansions as one string of
 * items separated by ';'.
 */
export function concept(
  id: string,
  tags: { themes?: ThemeCode[]; groups?: TargetGroupCode[] },
  triggers: PerLanguage<string>,
  expansions: PerLanguage<string>,
): Concept {
  return {
    id,
    themes: tags.themes ?? [],
    targetGroups: tags.groups ?? [],
    triggers: { fi: list(triggers.fi), sv: list(triggers.sv), en: list(triggers.en) },
    expansions: { fi: list(expansions.fi), sv: list(expansions.sv), en: list(expansions.en) },
  };
}
