import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { lightStemEnglish, lightStemSwedish } from './light-stem.ts';

describe('query language detection', () => {
  it.each([
    ['yksinäinen vanhus', 'en', 'fi'],
    ['liikuntaa senioreille', 'sv', 'fi'],
    ['gym för äldre', 'fi', 'sv'],
    ['serviceboende för äldre Vasa', 'fi', 'sv'],
    ['skuldsanering hjälp', 'fi', 'sv'],
    ['feeling depressed need someone to talk to', 'fi', 'en'],
    ['daycare for my child', 'fi', 'en'],
  ] as const)('"%s" with hint %s is %s', (query, hint, expected) => {
    expect(detectLanguage(query, hint)).toBe(expected);
  });

  it('follows the UI language on a tie', () => {
    expect(detectLanguage('gym', 'sv')).toBe('sv');
    expect(detectLanguage('gym', 'en')).toBe('en');
    expect(detectLanguage('', 'fi')).toBe('fi');
  });
});

describe('light stemming for concept and dictionary matching', () => {
  it('meets Swedish definite and plural forms', () => {
    expect(lightStemSwedish('simhallen')).toBe(lightStemSwedish('simhall'));
    expect(lightStemSwedish('simhallar')).toBe(lightStemSwedish('simhall'));
  });

  it('meets English inflections and spellings', () => {
    expect(lightStemEnglish('swimming')).toBe(lightStemEnglish('swim'));
    expect(lightStemEnglish('centre')).toBe(lightStemEnglish('center'));
    expect(lightStemEnglish('libraries')).toBe(lightStemEnglish('library'));
  });
});
