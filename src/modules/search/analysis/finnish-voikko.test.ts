import { describe, expect, it } from 'vitest';
import { skipReason } from '../../../../test/support/requirements.ts';
import { createFinnishAnalyser } from './finnish.ts';
import { loadVoikko } from './voikko.ts';

const voikko = loadVoikko();
const voikkoAvailable = voikko !== null;
// CI (TARJOTIN_REQUIRE_ALL=1) fails instead of skipping; elsewhere the reason is in the title.
const voikkoSkip = skipReason('Voikko', voikkoAvailable, 'libvoikko1 + voikko-fi are not installed (apt-get install libvoikko1 voikko-fi)');

describe.skipIf(!voikkoAvailable)(`the Voikko analyser${voikkoSkip ? ` [${voikkoSkip}]` : ''}`, () => {
  // The body runs at collection even when skipped: only demand Voikko when it is there.
  const analyser = createFinnishAnalyser({ choice: voikkoAvailable ? 'voikko' : 'auto', loadVoikko: () => voikko });
  const words = (word: string) => analyser.analyseQueryWord(word).alternatives.map((a) => a.term);
  const documentTerms = (text: string) => analyser.documentTerms(text);

  it('reduces inflected forms to the baseform', () => {
    expect(words('liikuntaa')).toContain('liikunta');
    expect(words('liikunnan')).toContain('liikunta');
    expect(words('uimahalliin')).toContain('uimahalli');
  });

  it('undoes consonant gradation', () => {
    expect(words('kadun')).toContain('katu');
    expect(words('lapsen')).toContain('lapsi');
    expect(words('hoidon')).toContain('hoito');
  });

  it('indexes a compound with its parts and runs of adjacent parts', () => {
    expect(documentTerms('Ryhmäliikuntaa')).toEqual(expect.arrayContaining(['ryhmäliikunta', 'ryhmä', 'liikunta']));
    expect(documentTerms('äitiysneuvolapalvelut')).toEqual(
      expect.arrayContaining(['äitiysneuvolapalvelu', 'äitiys', 'neuvola', 'palvelu', 'äitiysneuvola', 'neuvolapalvelu']),
    );
    expect(documentTerms('ikäihmisille')).toEqual(expect.arrayContaining(['ikäihminen', 'ikä', 'ihminen']));
  });

  it('gives compound parts lower query weights than the whole word', () => {
    const alternatives = analyser.analyseQueryWord('kuntosaliryhmä').alternatives;
    const weight = (term: string) => alternatives.find((a) => a.term === term)?.weight ?? 0;
    expect(weight('kuntosaliryhmä')).toBe(1);
    expect(weight('kuntosali')).toBeGreaterThan(weight('sali'));
    expect(weight('ryhmä')).toBeLessThan(1);
  });

  it('adds the -inen adjective of an -isyys/-isuus noun', () => {
    expect(documentTerms('yksinäisyys')).toContain('yksinäinen');
    expect(documentTerms('yksinäisyyteen')).toContain('yksinäinen');
  });

  it('does not split place names and marks them', () => {
    const word = analyser.analyseQueryWord('Naantalin');
    expect(word.alternatives.map((a) => a.term)).toEqual(['naantali']);
    expect(word.isPlaceName).toBe(true);
  });

  it('leaves unknown words (typos) to the vocabulary', () => {
    const word = analyser.analyseQueryWord('kirjsto');
    expect(word.unknown).toBe(true);
    expect(word.alternatives.map((a) => a.term)).toEqual(['kirjsto']);
  });

  it('marks function words as stopwords', () => {
    expect(analyser.analyseQueryWord('ja').isStopword).toBe(true);
    expect(analyser.analyseQueryWord('liikunta').isStopword).toBe(false);
  });
});

describe('choosing the analyser', () => {
  it('falls back without Voikko when the choice is auto', () => {
    expect(createFinnishAnalyser({ choice: 'auto', loadVoikko: () => null }).name).toBe('fallback');
  });

  it('uses the fallback when forced even if Voikko is present', () => {
    let loaded = false;
    const analyser = createFinnishAnalyser({ choice: 'fallback', loadVoikko: () => ((loaded = true), null) });
    expect(analyser.name).toBe('fallback');
    expect(loaded).toBe(false);
  });

  it('refuses to start when Voikko is required but missing', () => {
    expect(() => createFinnishAnalyser({ choice: 'voikko', loadVoikko: () => null })).toThrow(/libvoikko/);
  });

  it('returns null instead of throwing when the library cannot be found', () => {
    expect(loadVoikko({ libraryPaths: ['/nonexistent/libvoikko.so.1'] })).toBeNull();
  });
});
