/**
 * Test helper: the recorded real PTV records live outside the repository (../shared/data,
 * CC BY 4.0, "Suomi.fi-palvelutietovaranto / DVV") and are read at run time. Tests that need
 * them are skipped, with the reason in their title, when the folder is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** <repo>/../shared/data: this file is <repo>/src/modules/ingest/ptv/ptv.test-data.ts */
export const sharedDataDir = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const ptvDataDir = join(sharedDataDir, 'ptv');
export const classificationsDir = join(sharedDataDir, 'ptv-classifications');
export const hasPtvData = existsSync(join(ptvDataDir, 'kunta-api-v8-2018', 'services'));

/** A describe title that says why it was skipped. */
export function withPtvData(title: string): string {
  return hasPtvData ? title : `${title} (skipped: recorded PTV data not found at ${ptvDataDir})`;
}

export function loadJson(path: string): unknown {
  // several PTV type files start with a UTF-8 byte order mark
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

export function loadPtv(relativePath: string): unknown {
  return loadJson(join(ptvDataDir, relativePath));
}

export type PtvEntityFolder = 'services' | 'servicechannels' | 'organizations';

/** `loadRecord('v8', 'services', '6ccb671f')`: the file whose name starts with the prefix. */
export function loadRecord(version: 'v8' | 'v9', folder: PtvEntityFolder, idPrefix: string): Record<string, unknown> {
  const dir = join(ptvDataDir, version === 'v8' ? 'kunta-api-v8-2018' : 'kunta-api-v9-2018-12', folder);
  const file = readdirSync(dir).find((name) => name.startsWith(idPrefix));
  if (!file) throw new Error(`no ${version} ${folder} record ${idPrefix}*`);
  return loadJson(join(dir, file)) as Record<string, unknown>;
}

/** All records of a folder, in file-name order. */
export function loadAll(version: 'v8' | 'v9', folder: PtvEntityFolder): { file: string; raw: unknown }[] {
  const dir = join(ptvDataDir, version === 'v8' ? 'kunta-api-v8-2018' : 'kunta-api-v9-2018-12', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, raw: loadJson(join(dir, file)) }));
}

/** A deep copy to mutate in a test. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
