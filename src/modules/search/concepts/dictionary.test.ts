import { describe, expect, it } from 'vitest';
import { CrossLanguageDictionary, labelsOfPtvService, phraseKey } from './dictionary.ts';

describe('the cross-language dictionary', () => {
  const service = {
    ontologyTerms: [
      {
        name: [
          { value: 'uimahallit', language: 'fi' },
          { value: 'simhallar', language: 'sv' },
          { value: 'indoor swimming pools (sports halls)', language: 'en' },
        ],
      },
    ],
    serviceClasses: [{ name: [{ value: 'Liikunta ja urheilu', language: 'fi' }, { value: 'Sports and exercise', language: 'en' }] }],
  };

  it('reads the fi/sv/en labels a PTV record carries', () => {
    expect(labelsOfPtvService(service)).toHaveLength(2);
  });

  it('finds the Finnish label for a Swedish or English phrase in any inflection', () => {
    const dictionary = new CrossLanguageDictionary();
    for (const triple of labelsOfPtvService(service)) dictionary.add(triple);
    expect(dictionary.finnishFor('sv', phraseKey('sv', 'simhallen'))).toEqual(['uimahallit']);
    expect(dictionary.finnishFor('en', phraseKey('en', 'indoor swimming pool'))).toEqual(['uimahallit']);
    expect(dictionary.finnishFor('en', phraseKey('en', 'sport and exercise'))).toEqual(['liikunta ja urheilu']);
    expect(dictionary.finnishFor('en', phraseKey('en', 'library'))).toEqual([]);
  });
});
