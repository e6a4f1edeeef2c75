/** The variants measured by run-dev.ts: each overrides the default pipeline settings. */
import type { PipelineSettings } from './search-service.ts';

export const variants: Record<string, Partial<PipelineSettings>> = {
  'final': {},
  'merged-concept-slots': { planWeights: { conceptSlots: 'merge' } },
  'fields-0.2-0.4-0.6-1': { fieldWeights: [0.2, 0.4, 0.6, 1.0] },
  'fields-0.3-0.5-0.7-1': { fieldWeights: [0.3, 0.5, 0.7, 1.0] },
  'fields-0.4-0.6-0.8-1': { fieldWeights: [0.4, 0.6, 0.8, 1.0] },
  'coverage-count': { coverage: 'count' },
  'coverage-0': { coverageExponent: 0 },
  'coverage-2': { coverageExponent: 2 },
  'concept-0.5': { planWeights: { conceptFinnish: 0.5, conceptOther: 0.4 } },
  'concept-0.9': { planWeights: { conceptFinnish: 0.9, conceptOther: 0.8 } },
  'compound-0.4': { resolve: { compoundWeight: 0.4 } },
  'compound-0.8': { resolve: { compoundWeight: 0.8 } },
  'compounds-affix-only': { resolve: { compoundMatch: 'affix' } },
  'typo-min-0.4': { resolve: { typoMinSimilarity: 0.4 } },
  'no-replan-corrections': { replanCorrections: false },
  'saturation-0.5': { saturation: 0.5 },
  'saturation-1': { saturation: 1 },
  'saturation-2': { saturation: 2 },
  'no-place-boost': { placeBoost: 1 },
  'no-concepts': { useConcepts: false },
  'no-dictionary': { useDictionary: false },
  'no-concepts-no-dictionary': { useConcepts: false, useDictionary: false },
};
