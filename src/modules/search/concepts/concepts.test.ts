import { describe, expect, it } from 'vitest';
import { createFallbackAnalyser } from '../analysis/finnish-fallback.ts';
import { searchLanguages } from '../analysis/language.ts';
import { conceptKeys } from '../query/text-search.ts';
import { allConcepts, createConceptMatcher } from './concepts.ts';

const themes = new Set<string>([
  'exercise', 'nature', 'culture', 'hobbies', 'meeting_places', 'peer_support', 'mental_wellbeing', 'nutrition',
  'substance_use', 'everyday_support', 'health_advice', 'digital_support', 'volunteering', 'learning_work',
]);

describe('the concept layer data', () => {
  it('has at least 100 concepts with unique ids', () => {
    expect(allConcepts.length).toBeGreaterThanOrEqual(100);
    expect(new Set(allConcepts.map((c) => c.id)).size).toBe(allConcepts.length);
  });

  it('gives every concept triggers and expansions in Finnish, Swedish and English', () => {
    for (const concept of allConcepts) {
      for (const language of searchLanguages) {
        expect(concept.triggers[language].length, `${concept.id} triggers ${language}`).toBeGreaterThan(0);
        expect(concept.expansions[language].length, `${concept.id} expansions ${language}`).toBeGreaterThan(0);
      }
    }
  });

  it('covers every HYTE theme', () => {
    const covered = new Set<string>(allConcepts.flatMap((c) => c.themes));
    for (const theme of themes) expect(covered.has(theme), theme).toBe(true);
    for (const theme of covered) expect(themes.has(theme), theme).toBe(true);
  });
});

describe('matching queries to concepts (fallback analyser, no Voikko needed)', () => {
  const matcher = createConceptMatcher(allConcepts, conceptKeys(createFallbackAnalyser()));
  const ids = (query: string) => matcher.match(query.split(' ')).map((m) => m.concept.id);

  it.each([
    ['olen raskaana', 'pregnancy'],
    ['yksinäinen', 'loneliness'],
    ['ensamhet', 'loneliness'],
    ['lonely', 'loneliness'],
    ['rahahuolet', 'money_worries'],
    ['velat', 'debt'],
    ['en saa unta', 'sleep'],
    ['youth centre', 'youth_spaces'],
    ['youth center', 'youth_spaces'],
    ['pregnant', 'pregnancy'],
    ['dagisplats', 'day_care'],
    ['omaishoitajan vapaapäivät', 'carer_respite'],
  ])('"%s" reaches %s', (query, concept) => {
    expect(ids(query)).toContain(concept);
  });

  it('needs every word of a multi-word trigger', () => {
    expect(ids('ei')).not.toContain('loneliness');
  });
});
