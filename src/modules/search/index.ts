/** The search module's public API. */
export { searchServices, maxQueryLength } from './search.service.ts';
export * from './search.types.ts';
export { reindexServices } from './search.index.ts';
