/** The search module's public API. */
export { searchServices, maxQueryLength } from './search.service.ts';
export * from './search.types.ts';
export { reindexServices, rebuildSearchIndex, ensureSearchIndex } from './search.index.ts';
export { configureSearchAnalyser, searchAnalyser } from './search.analyser.ts';
export { registerSearchRoutes } from './search.routes.ts';
