/** The variants measured by run-dev.ts: each overrides the default pipeline settings. */
import type { PipelineSettings } from './search-service.ts';

export const variants: Record<string, Partial<PipelineSettings>> = {
  'final': {},
  'no-concepts': { useConcepts: false },
  'no-dictionary': { useDictionary: false },
  'no-concepts-no-dictionary': { useConcepts: false, useDictionary: false },
};
