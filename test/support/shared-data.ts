/**
 * The real public data in ../shared/data (read at run time, never copied into the repository).
 * TARJOTIN_SHARED_DIR points elsewhere when the checkout is not beside it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { skipReason } from './requirements.ts';

export const sharedDir = resolve(process.env.TARJOTIN_SHARED_DIR ?? join(import.meta.dirname, '../../../shared'));

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** The skip reason for tests that read ../shared/data, or undefined when it is there. */
export const sharedDataSkip = skipReason('../shared/data', existsSync(join(sharedDir, 'data')), `the shared data folder ${sharedDir}/data is not available (set TARJOTIN_SHARED_DIR)`);
