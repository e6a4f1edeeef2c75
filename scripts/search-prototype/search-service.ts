/** The prototype uses the module's text-search pipeline; kept as a seam for prototype-only settings. */
export type { TextSearchSettings as PipelineSettings } from '../../src/modules/search/query/text-search.ts';
export {
  createTextSearch as createSearch,
  defaultTextSearchSettings as defaultSettings,
} from '../../src/modules/search/query/text-search.ts';
