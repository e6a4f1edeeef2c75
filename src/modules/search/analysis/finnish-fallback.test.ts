import { describe, expect, it } from 'vitest';
import { createFallbackAnalyser, gradationKey } from './finnish-fallback.ts';
import { stemFinnish } from './finnish-snowball.ts';

describe('the Snowball Finnish stemmer', () => {
  it('gives the same stems as PostgreSQL finnish (recorded outputs)', () => {
    // Checked against to_tsvector('finnish', …) on the whole PTV corpus by the prototype.
    const expected: Record<string, string> = {
      liikunta: 'liikun',
      liikuntaa: 'liikunt',
      kahden: 'kahd',
      terveystarkastukseen: 'terveystarkastuks',
      talossa: 'talo',
      taloon: 'talo',
      kirjastoissa: 'kirjasto',
      ikäihmisille: 'ikäihmis',
    };
    for (const [word, stem] of Object.entries(expected)) expect(stemFinnish(word), word).toBe(stem);
  });
});

describe('the fallback analyser', () => {
  const analyser = createFallbackAnalyser();
  const shareTerm = (a: string, b: string) => {
    const left = new Set(analyser.documentTerms(a));
    return analyser.analyseQueryWord(b).alternatives.some((alternative) => left.has(alternative.term));
  };

  /** The query-time vocabulary widening: a term also reaches index terms it begins (≥ 5 letters). */
  const meetThroughVocabulary = (a: string, b: string) => {
    const left = analyser.documentTerms(a);
    return analyser
      .analyseQueryWord(b)
      .alternatives.some((alt) => left.some((term) => term === alt.term || (alt.term.length >= 5 && term.startsWith(alt.term))));
  };

  it('matches inflected forms of the same word', () => {
    expect(shareTerm('kirjastossa', 'kirjastoon')).toBe(true);
    expect(shareTerm('uimahalli', 'uimahallit')).toBe(true);
    // Snowball cuts liikuntaa to liikunt but liikunnan to liikun: the vocabulary widening joins them.
    expect(shareTerm('liikuntaa', 'liikunnan')).toBe(false);
    expect(meetThroughVocabulary('liikuntaa', 'liikunnan')).toBe(true);
  });

  it('joins consonant-gradation pairs through the gradation key', () => {
    expect(gradationKey('kadu')).toBe(gradationKey('katu'));
    expect(gradationKey(stemFinnish('hoidon'))).toBe(gradationKey(stemFinnish('hoito')));
    expect(shareTerm('kadun', 'katu')).toBe(true);
    expect(shareTerm('hoidon', 'hoito')).toBe(true);
    expect(shareTerm('lapsen', 'lapset')).toBe(true);
  });

  it('keeps the known Snowball gap: lapsi is cut to lap (read as a possessive -si)', () => {
    // Voikko gets this right; without it the concept layer lists both forms where it matters.
    expect(stemFinnish('lapsi')).toBe('lap');
    expect(shareTerm('lapsen', 'lapsi')).toBe(false);
  });

  it('does not split compounds itself (the vocabulary expansion does)', () => {
    expect(analyser.documentTerms('ryhmäliikunta')).not.toContain('liikun');
  });

  it('has a stable id recorded with the index', () => {
    expect(analyser.id).toMatch(/^fallback-/);
    expect(analyser.name).toBe('fallback');
  });
});
