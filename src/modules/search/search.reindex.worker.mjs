// Worker entry: registers the TypeScript loader in the worker thread, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./search.reindex.worker.ts');
