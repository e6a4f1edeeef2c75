/**
 * Tolerant reading primitives for PTV JSON: each takes an unknown value and a path, returns a
 * clean value, and records why a record must be rejected (wrong type, oversize text, unknown
 * language) or what was dropped on the way (a warning). Nothing here depends on the API version.
 */
import { isLanguage, type Language, type LocalisedText } from '../../../platform/localised.ts';
import type { ReadResult } from './ptv.records.ts';

/** Generous limits: PTV's own are 100 (names), 150 (summaries) and 2,500/4,000 (descriptions). */
export const textLimits = { name: 500, short: 2_000, long: 20_000 } as const;

/**
 * Text languages. fi/sv/en are stored. PTV also publishes Northern, Inari and Skolt Sámi
 * content (se, smn, sms; seen on street names in the v11 records and in PTV's type lists): we
 * have no column for them, so they are dropped with a warning. Any other code on a text is not
 * a PTV content language and rejects the record.
 */
export const ignoredTextLanguages = ['se', 'smn', 'sms'] as const;

/** Languages a service is offered in may be any ISO 639-1/-2 code ('de' occurs in the v8 data). */
const serviceLanguagePattern = /^[a-z]{2,3}$/;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const municipalityCodePattern = /^[0-9]{3}$/;

export type JsonObject = Record<string, unknown>;

export class ReadContext {
  readonly reasons: string[] = [];
  readonly warnings: string[] = [];
  private readonly ignoredLanguages = new Set<string>();

  reject(path: string, message: string): void {
    this.reasons.push(path ? `${path}: ${message}` : message);
  }

  warn(path: string, message: string): void {
    this.warnings.push(path ? `${path}: ${message}` : message);
  }

  ignoreLanguage(code: string): void {
    this.ignoredLanguages.add(code);
  }

  finish<T>(id: string | null, value: T): ReadResult<T> {
    const warnings = [...this.warnings];
    if (this.ignoredLanguages.size > 0) {
      warnings.push(`texts in ${[...this.ignoredLanguages].sort().join(', ')} ignored: only fi, sv and en are stored`);
    }
    if (this.reasons.length > 0) return { ok: false, id, reasons: [...this.reasons], warnings };
    return { ok: true, value, warnings };
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** null/undefined → null; an object → itself; anything else rejects. */
export function object(ctx: ReadContext, value: unknown, path: string): JsonObject | null {
  if (value === null || value === undefined) return null;
  if (isJsonObject(value)) return value;
  ctx.reject(path, `expected an object, got ${describe(value)}`);
  return null;
}

/** null/undefined → []; an array → itself; anything else rejects. */
export function list(ctx: ReadContext, value: unknown, path: string): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  ctx.reject(path, `expected an array, got ${describe(value)}`);
  return [];
}

/** Trimmed string or null (blank counts as missing). Numbers are not accepted as strings. */
export function optionalString(ctx: ReadContext, value: unknown, path: string, max: number = textLimits.short): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    ctx.reject(path, `expected a string, got ${describe(value)}`);
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length > max) {
    ctx.reject(path, `text is ${trimmed.length} characters; the limit is ${max}`);
    return null;
  }
  return trimmed;
}

export function optionalBoolean(ctx: ReadContext, value: unknown, path: string): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  ctx.reject(path, `expected a boolean, got ${describe(value)}`);
  return null;
}

export function optionalInteger(ctx: ReadContext, value: unknown, path: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number)) return number;
  ctx.reject(path, `expected an integer, got ${describe(value)}`);
  return null;
}

/** A PTV GUID in lower case; a missing required id rejects. */
export function guid(ctx: ReadContext, value: unknown, path: string, required: boolean): string | null {
  if (value === null || value === undefined || value === '') {
    if (required) ctx.reject(path, 'missing');
    return null;
  }
  if (typeof value !== 'string' || !guidPattern.test(value)) {
    ctx.reject(path, `expected a GUID, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : describe(value)}`);
    return null;
  }
  return value.toLowerCase();
}

/** PTV timestamps are UTC; v8 and v11 omit the zone ("2017-09-11T00:00:00"), v9 adds "Z". */
export function timestamp(ctx: ReadContext, value: unknown, path: string): Date | null {
  const text = optionalString(ctx, value, path, 64);
  if (text === null) return null;
  const hasZone = /(?:Z|[+-][0-9]{2}:?[0-9]{2})$/i.test(text);
  const date = new Date(hasZone ? text : `${text}Z`);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(text) || Number.isNaN(date.getTime())) {
    ctx.reject(path, `not a date: ${JSON.stringify(text)}`);
    return null;
  }
  return date;
}

const helsinkiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A calendar date ('YYYY-MM-DD') in Finnish time. Without a zone the date part is taken as
 * written; with one ("2020-02-05T22:00:00Z") the instant is converted to Europe/Helsinki.
 */
export function localDate(ctx: ReadContext, value: unknown, path: string): string | null {
  const text = optionalString(ctx, value, path, 64);
  if (text === null) return null;
  const match = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ].*)?$/.exec(text);
  if (!match || Number.isNaN(new Date(`${match[1]}T00:00:00Z`).getTime())) {
    ctx.reject(path, `not a date: ${JSON.stringify(text)}`);
    return null;
  }
  if (!/(?:Z|[+-][0-9]{2}:?[0-9]{2})$/i.test(text)) return match[1]!;
  return helsinkiDate.format(new Date(text));
}

/** 'HH:MM' from "08:00:00", "8:00" or "08:00"; '24:00' is kept (end of day). */
export function clockTime(ctx: ReadContext, value: unknown, path: string): string | null {
  const text = optionalString(ctx, value, path, 16);
  if (text === null) return null;
  const match = /^([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?$/.exec(text);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    ctx.reject(path, `not a time of day: ${JSON.stringify(text)}`);
    return null;
  }
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/**
 * A value from a closed list, accepting older spellings through `aliases`. An unknown value is
 * a warning (the field becomes null) unless `rejectUnknown` is set.
 */
export function enumValue<T extends string>(
  ctx: ReadContext,
  value: unknown,
  path: string,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
  rejectUnknown = false,
): T | null {
  const text = optionalString(ctx, value, path, 100);
  if (text === null) return null;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const alias = aliases[text];
  if (alias) return alias;
  const message = `unknown value ${JSON.stringify(text)} (expected one of ${allowed.join(', ')})`;
  if (rejectUnknown) ctx.reject(path, message);
  else ctx.warn(path, `${message}; ignored`);
  return null;
}

/** The language of a text item: a stored language, 'ignored' (Sámi) or null (rejected). */
export function textLanguage(ctx: ReadContext, value: unknown, path: string): Language | 'ignored' | null {
  if (value === null || value === undefined || value === '') {
    ctx.reject(path, 'language code missing');
    return null;
  }
  if (typeof value !== 'string') {
    ctx.reject(path, `expected a language code, got ${describe(value)}`);
    return null;
  }
  const code = value.trim().toLowerCase();
  if (isLanguage(code)) return code;
  if ((ignoredTextLanguages as readonly string[]).includes(code)) {
    ctx.ignoreLanguage(code);
    return 'ignored';
  }
  ctx.reject(path, `unknown language code ${JSON.stringify(value)} (PTV texts are fi, sv, en, se, smn or sms)`);
  return null;
}

/** Codes of the languages a service or channel is offered in. */
export function languageCodes(ctx: ReadContext, value: unknown, path: string): string[] {
  const codes: string[] = [];
  list(ctx, value, path).forEach((item, index) => {
    const code = typeof item === 'string' ? item.trim().toLowerCase() : null;
    if (code === null || !serviceLanguagePattern.test(code)) {
      ctx.reject(`${path}[${index}]`, `unknown language code ${typeof item === 'string' ? JSON.stringify(item) : describe(item)}`);
    } else if (!codes.includes(code)) {
      codes.push(code);
    }
  });
  return codes;
}

export interface TextItem {
  language: Language;
  value: string;
  type: string | null;
  index: number;
}

/**
 * Reads `[{language, value, type?}]`. Items with a null value are PTV placeholders and are
 * skipped; Sámi items are dropped; other bad items reject the record.
 */
export function textItems(ctx: ReadContext, value: unknown, path: string, maxFor: (type: string | null) => number): TextItem[] {
  const items: TextItem[] = [];
  list(ctx, value, path).forEach((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const item = object(ctx, raw, itemPath);
    if (!item) {
      if (raw === null) ctx.reject(itemPath, 'expected an object, got null');
      return;
    }
    const type = typeof item.type === 'string' ? item.type.trim() : null;
    if (item.type !== undefined && item.type !== null && typeof item.type !== 'string') {
      ctx.reject(`${itemPath}.type`, `expected a string, got ${describe(item.type)}`);
    }
    const text = optionalString(ctx, item.value, `${itemPath}.value`, maxFor(type));
    const language = textLanguage(ctx, item.language, `${itemPath}.language`);
    if (text === null || language === null || language === 'ignored') return;
    items.push({ language, value: text, type, index });
  });
  return items;
}

/**
 * Labels of Finto concepts (service classes, ontology terms, target groups): the ontologies
 * carry more languages than PTV content (the v8 records have 'de' and 'et' labels on YSO
 * terms), so any ISO 639 code is accepted and only fi/sv/en are kept, without a warning.
 */
export function conceptLabel(ctx: ReadContext, value: unknown, path: string): LocalisedText {
  const result: LocalisedText = {};
  list(ctx, value, path).forEach((raw, index) => {
    const item = object(ctx, raw, `${path}[${index}]`);
    if (!item) return;
    const text = optionalString(ctx, item.value, `${path}[${index}].value`, textLimits.name);
    const code = typeof item.language === 'string' ? item.language.trim().toLowerCase() : '';
    if (!/^[a-z]{2,3}$/.test(code)) ctx.reject(`${path}[${index}].language`, `unknown language code ${JSON.stringify(item.language)}`);
    else if (text !== null && isLanguage(code)) result[code] ??= text;
  });
  return result;
}

/** `[{language, value}]` → LocalisedText (the first text per language wins). */
export function localised(ctx: ReadContext, value: unknown, path: string, max: number = textLimits.short): LocalisedText {
  const result: LocalisedText = {};
  for (const item of textItems(ctx, value, path, () => max)) result[item.language] ??= item.value;
  return result;
}

/**
 * `[{language, value, type}]` → one LocalisedText per canonical type. Older type names are
 * translated with `aliases`; types not in `known` are dropped with a warning.
 */
export function typedLocalised<T extends string>(
  ctx: ReadContext,
  value: unknown,
  path: string,
  known: readonly T[],
  aliases: Readonly<Record<string, T>>,
  maxFor: (type: T) => number,
): Partial<Record<T, LocalisedText>> {
  const result: Partial<Record<T, LocalisedText>> = {};
  const canonical = (type: string | null): T | null =>
    type === null ? null : (known as readonly string[]).includes(type) ? (type as T) : (aliases[type] ?? null);
  const items = textItems(ctx, value, path, (type) => {
    const known = canonical(type);
    return known ? maxFor(known) : textLimits.long;
  });
  for (const item of items) {
    const type = canonical(item.type);
    if (type === null) {
      ctx.warn(`${path}[${item.index}]`, `unknown text type ${JSON.stringify(item.type)}; ignored`);
      continue;
    }
    const texts = (result[type] ??= {});
    if (texts[item.language] === undefined) texts[item.language] = item.value;
    else ctx.warn(`${path}[${item.index}]`, `a second ${type} in ${item.language}; ignored`);
  }
  return result;
}

/** A three-digit municipality code; "91" is padded, other shapes are dropped with a warning. */
export function municipalityCode(ctx: ReadContext, value: unknown, path: string): string | null {
  const text = optionalString(ctx, value, path, 16);
  if (text === null) return null;
  const padded = /^[0-9]{1,3}$/.test(text) ? text.padStart(3, '0') : text;
  if (municipalityCodePattern.test(padded)) return padded;
  ctx.warn(path, `not a municipality code: ${JSON.stringify(text)}; ignored`);
  return null;
}

export function hasAnyText(text: LocalisedText): boolean {
  return Object.values(text).some((value) => typeof value === 'string' && value !== '');
}
