/**
 * Well-being instruments are configuration: JSON files in INSTRUMENTS_DIR (ONS4 ships in
 * instruments/), validated at start-up. A region can load its own licensed instrument without
 * code changes. Answers are always reported item by item, never summed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Language } from '../../platform/localised.ts';
import { isNeedAreaCode, type NeedAreaCode } from './need-areas.ts';

const Text = Type.Object(
  { fi: Type.String({ minLength: 1 }), sv: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
const Range = { min: Type.Integer({ minimum: 0, maximum: 100 }), max: Type.Integer({ minimum: 0, maximum: 100 }) };

const InstrumentSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    version: Type.Integer({ minimum: 1 }),
    name: Text,
    intro: Text,
    licence: Text,
    licenceUrl: Type.Optional(Type.String({ pattern: '^https://' })),
    regions: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}$' }))),
    scales: Type.Record(Type.String({ pattern: '^[a-z0-9_]+$' }), Type.Object({ ...Range, minLabel: Text, maxLabel: Text }, { additionalProperties: false })),
    items: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
          scale: Type.String(),
          text: Text,
          shortName: Text,
          bands: Type.Array(Type.Object({ ...Range, label: Text }, { additionalProperties: false }), { minItems: 1 }),
          discuss: Type.Optional(Type.Array(Type.Object({ ...Range, needAreas: Type.Array(Type.String(), { minItems: 1 }) }, { additionalProperties: false }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);

export type Instrument = Static<typeof InstrumentSchema>;
export type InstrumentItem = Instrument['items'][number];

export class InstrumentConfigError extends Error {}

/** Checks what JSON Schema cannot: references between fields, bands covering the scale. */
function consistencyProblems(instrument: Instrument): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [name, scale] of Object.entries(instrument.scales)) {
    if (scale.min >= scale.max) problems.push(`/scales/${name}: min must be below max`);
  }
  instrument.items.forEach((item, i) => {
    if (ids.has(item.id)) problems.push(`/items/${i}/id: "${item.id}" appears twice`);
    ids.add(item.id);
    const scale = instrument.scales[item.scale];
    if (!scale) {
      problems.push(`/items/${i}/scale: no scale named "${item.scale}"`);
      return;
    }
    for (let value = scale.min; value <= scale.max; value++) {
      const covering = item.bands.filter((b) => b.min <= value && value <= b.max).length;
      if (covering !== 1) problems.push(`/items/${i}/bands: the value ${value} is in ${covering} bands (must be in exactly one)`);
    }
    item.discuss?.forEach((rule, r) => {
      for (const code of rule.needAreas) if (!isNeedAreaCode(code)) problems.push(`/items/${i}/discuss/${r}/needAreas: unknown need area "${code}"`);
    });
  });
  return problems;
}

/** Parses and validates one instrument definition; throws with the file and the field named. */
export function parseInstrument(json: string, file: string): Instrument {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new InstrumentConfigError(`INSTRUMENTS_DIR: ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!Value.Check(InstrumentSchema, value)) {
    const first = [...Value.Errors(InstrumentSchema, value)].find((e) => e.keyword !== 'boolean') ?? [...Value.Errors(InstrumentSchema, value)][0];
    throw new InstrumentConfigError(`INSTRUMENTS_DIR: ${file} ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
  }
  const problems = consistencyProblems(value);
  if (problems.length > 0) throw new InstrumentConfigError(`INSTRUMENTS_DIR: ${file} ${problems[0]}`);
  return value;
}

/** Loads every *.json instrument of a directory, in file name order. */
export function loadInstruments(dir: string): Instrument[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new InstrumentConfigError(`INSTRUMENTS_DIR: cannot read the directory ${dir}`);
  }
  const instruments = files.map((file) => parseInstrument(readFileSync(join(dir, file), 'utf8'), file));
  const seen = new Set<string>();
  for (const instrument of instruments) {
    if (seen.has(instrument.id)) throw new InstrumentConfigError(`INSTRUMENTS_DIR: two instruments have the id "${instrument.id}"`);
    seen.add(instrument.id);
  }
  return instruments;
}

/** Instruments a professional of a region may use (ONS4 first, as the default). */
export function instrumentsForRegion(instruments: readonly Instrument[], regionCode: string): Instrument[] {
  return instruments
    .filter((i) => !i.regions || i.regions.length === 0 || i.regions.includes(regionCode))
    .sort((a, b) => (a.id === 'ons4' ? -1 : b.id === 'ons4' ? 1 : a.id.localeCompare(b.id)));
}

export interface ItemResult {
  item: InstrumentItem;
  value: number | undefined;
  band: Instrument['items'][number]['bands'][number] | undefined;
  /** need areas this answer suggests talking about (non-diagnostic prompts) */
  discuss: NeedAreaCode[];
}

/** Item-by-item results of answers: each with its band, never a total. */
export function itemResults(instrument: Instrument, answers: Readonly<Record<string, number | undefined>>): ItemResult[] {
  return instrument.items.map((item) => {
    const value = answers[item.id];
    const band = value === undefined ? undefined : item.bands.find((b) => b.min <= value && value <= b.max);
    const discuss = value === undefined ? [] : (item.discuss ?? []).filter((d) => d.min <= value && value <= d.max).flatMap((d) => d.needAreas.filter(isNeedAreaCode));
    return { item, value, band, discuss };
  });
}

export function instrumentText(text: Record<Language, string>, lang: Language): string {
  return text[lang];
}
