/**
 * The concept layer's public face: every concept, and matching of a query's words against the
 * triggers. Words are compared through keys that the caller derives with the same analysers
 * as the query (Finnish baseforms or stems; light stems for Swedish and English), so
 * "yksinäisille", "ensamma" and "lonely" reach their concepts in any inflection.
 */
import type { SearchLanguage } from '../analysis/language.ts';
import { searchLanguages } from '../analysis/language.ts';
import { words } from '../analysis/tokenize.ts';
import type { Concept } from './concept.types.ts';
import { healthConcepts } from './concepts.health.ts';
import { leisureConcepts } from './concepts.leisure.ts';
import { socialConcepts } from './concepts.social.ts';

export const allConcepts: readonly Concept[] = [...healthConcepts, ...socialConcepts, ...leisureConcepts];

/** Keys of one word: for a trigger word its normal forms, for a query word also its compound parts. */
export type WordKeys = (language: SearchLanguage, word: string, role: 'trigger' | 'query') => string[];

export interface ConceptMatch {
  concept: Concept;
  language: SearchLanguage;
  trigger: string;
  /** Indexes of the query words the trigger used. */
  words: number[];
}

interface CompiledTrigger {
  concept: Concept;
  language: SearchLanguage;
  phrase: string;
  words: string[][];
}

/** Shortest trigger key that may match inside a compound (dagis ⊂ dagisplats). */
const minimumInfix = 5;

/** Finnish and Swedish write compounds as one word; English does not (transport ⊅ sport). */
const compounding: Record<SearchLanguage, boolean> = { fi: true, sv: true, en: false };

function keysMatch(triggerKeys: readonly string[], queryKeys: readonly string[], language: SearchLanguage): boolean {
  for (const t of triggerKeys) {
    for (const q of queryKeys) {
      if (t === q) return true;
      if (!compounding[language]) continue;
      if (t.length >= minimumInfix && q.length >= t.length + 2 && (q.startsWith(t) || q.endsWith(t))) return true;
    }
  }
  return false;
}

export interface ConceptMatcher {
  /** Concepts whose triggers occur in the query words (each concept once, its longest trigger). */
  match(queryWords: readonly string[]): ConceptMatch[];
}

export function createConceptMatcher(concepts: readonly Concept[], keys: WordKeys): ConceptMatcher {
  const triggers: CompiledTrigger[] = [];
  for (const concept of concepts) {
    for (const language of searchLanguages) {
      for (const phrase of concept.triggers[language]) {
        const phraseWords = words(phrase).map((word) => keys(language, word, 'trigger'));
        if (phraseWords.length > 0 && phraseWords.every((k) => k.length > 0)) {
          triggers.push({ concept, language, phrase, words: phraseWords });
        }
      }
    }
  }
  return {
    match(queryWords) {
      const queryKeys = new Map<SearchLanguage, string[][]>();
      for (const language of searchLanguages) {
        queryKeys.set(language, queryWords.map((word) => keys(language, word, 'query')));
      }
      const best = new Map<string, ConceptMatch>();
      for (const trigger of triggers) {
        const perWord = queryKeys.get(trigger.language) ?? [];
        const used: number[] = [];
        const ok = trigger.words.every((triggerKeys) => {
          const index = perWord.findIndex((qk, i) => !used.includes(i) && keysMatch(triggerKeys, qk, trigger.language));
          if (index < 0) return false;
          used.push(index);
          return true;
        });
        if (!ok) continue;
        const previous = best.get(trigger.concept.id);
        if (!previous || used.length > previous.words.length) {
          best.set(trigger.concept.id, { concept: trigger.concept, language: trigger.language, trigger: trigger.phrase, words: used });
        }
      }
      return [...best.values()];
    },
  };
}
