import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../src/app.ts';
import { catalogueDifferences, createI18n } from '../src/platform/i18n.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('fi, sv and en have the same keys and no empty messages in every catalogue', () => {
    for (const catalogue of catalogues) expect(catalogueDifferences(catalogue)).toEqual([]);
  });

  it('detects a key missing from one language', () => {
    expect(catalogueDifferences({ fi: { a: 'x', b: 'y' }, sv: { a: 'x' }, en: { a: 'x', b: '' } })).toEqual([
      'sv is missing b',
      'en has an empty b',
    ]);
  });

  it('every literal message key used in the code exists', () => {
    const i18n = createI18n(catalogues);
    const missing: string[] = [];
    for (const file of sourceFiles(join(import.meta.dirname, '../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-z][a-zA-Z0-9_]*\.[a-zA-Z0-9_.]+)'/g)) {
        const key = match[1]!;
        if (!i18n.has('fi', key) && !i18n.has('fi', `${key}.other`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('interpolates parameters and picks plural forms', () => {
    const i18n = createI18n([
      { fi: { 'x.count.one': '{count} tulos', 'x.count.other': '{count} tulosta' }, sv: { 'x.count.one': '{count} träff', 'x.count.other': '{count} träffar' }, en: { 'x.count.one': '{count} result', 'x.count.other': '{count} results' } },
    ]);
    expect(i18n.translator('fi')('x.count', { count: 1 })).toBe('1 tulos');
    expect(i18n.translator('sv')('x.count', { count: 3 })).toBe('3 träffar');
    expect(i18n.translator('en')('missing.key')).toBe('missing.key');
  });
});
