/**
 * Message catalogues. Each module keeps its own catalogue (`<module>.messages.ts`) with keys
 * namespaced by the module (`referrals.status.sent`); app.ts combines them explicitly. A test
 * fails when fi, sv and en do not have the same keys.
 *
 * Interpolation: `{name}`. Plurals: pass `count` and define `key.one` / `key.other`.
 */
import type { Language } from './localised.ts';

export type Messages = Readonly<Record<string, string>>;
export type Catalogue = Readonly<Record<Language, Messages>>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: string, params?: MessageParams) => string;

export interface I18n {
  translator(lang: Language): Translate;
  has(lang: Language, key: string): boolean;
  keys(lang: Language): string[];
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  fi: new Intl.PluralRules('fi'),
  sv: new Intl.PluralRules('sv'),
  en: new Intl.PluralRules('en'),
};

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

export function createI18n(catalogues: readonly Catalogue[]): I18n {
  const merged: Record<Language, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };
  for (const catalogue of catalogues) {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      for (const [key, value] of Object.entries(catalogue[lang])) {
        if (merged[lang].has(key)) throw new Error(`duplicate message key ${lang}:${key}`);
        merged[lang].set(key, value);
      }
    }
  }
  const lookup = (lang: Language, key: string, params?: MessageParams): string => {
    const messages = merged[lang];
    let template = messages.get(key);
    if (template === undefined && params && typeof params.count === 'number') {
      const category = pluralRules[lang].select(params.count);
      template = messages.get(`${key}.${category}`) ?? messages.get(`${key}.other`);
    }
    // A missing key shows itself: visible in tests and review, never an empty string.
    return interpolate(template ?? key, params);
  };
  return {
    translator: (lang) => (key, params) => lookup(lang, key, params),
    has: (lang, key) => merged[lang].has(key),
    keys: (lang) => [...merged[lang].keys()].sort(),
  };
}

/** Keys present in one language but missing from another, for the catalogue parity test. */
export function catalogueDifferences(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const all = new Set([...Object.keys(catalogue.fi), ...Object.keys(catalogue.sv), ...Object.keys(catalogue.en)]);
  for (const key of all) {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const value = catalogue[lang][key];
      if (value === undefined) problems.push(`${lang} is missing ${key}`);
      else if (value.trim() === '') problems.push(`${lang} has an empty ${key}`);
    }
  }
  return problems;
}
