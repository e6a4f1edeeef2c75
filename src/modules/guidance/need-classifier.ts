/**
 * Which need areas a service meets: by its HYTE themes and target groups when it has them, and
 * by words of its name and summary (the only signal for records that have no themes yet). The
 * suggestions, their "why suggested" and `npm run eval:needs` all use this one classifier.
 */
import { languages } from '../../platform/localised.ts';
import { needAreas, type NeedArea, type NeedAreaCode } from './need-areas.ts';

export type MatchedBy = 'theme' | 'target_group' | 'text';

export interface NeedAreaMatch {
  code: NeedAreaCode;
  by: MatchedBy[];
}

interface CompiledArea {
  area: NeedArea;
  prefixes: string[];
  infixes: string[];
  exact: Set<string>;
  /** multi-word phrases, matched on the normalised text */
  phrases: string[];
}

const compiled: CompiledArea[] = needAreas.map((area) => {
  const all = languages.flatMap((lang) => area.words[lang]);
  return {
    area,
    phrases: all.filter((w) => w.includes(' ')).map((w) => w.replace(/^[~=]/, '')),
    prefixes: all.filter((w) => !w.includes(' ') && !w.startsWith('~') && !w.startsWith('=')),
    infixes: all.filter((w) => w.startsWith('~')).map((w) => w.slice(1)),
    exact: new Set(all.filter((w) => w.startsWith('=')).map((w) => w.slice(1))),
  };
});

/** Lower-case words of a text (letters and digits; hyphenated compounds split and joined). */
export function textWords(text: string): string[] {
  const lower = text.toLowerCase().normalize('NFC');
  const parts = lower.split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');
  const result: string[] = [];
  for (const part of parts) {
    // "ruoka-apu" counts as "ruoka", "apu" and "ruokaapu".
    const pieces = part.split('-').filter((p) => p !== '');
    result.push(...pieces);
    if (pieces.length > 1) result.push(pieces.join(''));
  }
  return result;
}

function textMatches(area: CompiledArea, words: string[], normalised: string): boolean {
  for (const word of words) {
    if (area.exact.has(word)) return true;
    if (area.prefixes.some((p) => word.startsWith(p))) return true;
    if (area.infixes.some((p) => word.length > p.length && word.includes(p))) return true;
  }
  return area.phrases.some((phrase) => normalised.includes(phrase));
}

/** Need areas revealed by the words of a text (a service's name and summary, in any language). */
export function needAreasOfText(text: string): NeedAreaCode[] {
  const words = textWords(text);
  const normalised = ` ${words.join(' ')} `;
  return compiled.filter((area) => textMatches(area, words, normalised)).map((area) => area.area.code);
}

/** Need areas a service meets, each with what showed it (themes, target groups, words). */
export function needAreasOfService(service: { themes: readonly string[]; targetGroups: readonly string[]; text: string }): NeedAreaMatch[] {
  const fromText = new Set(needAreasOfText(service.text));
  const matches: NeedAreaMatch[] = [];
  for (const { area } of compiled) {
    const by: MatchedBy[] = [];
    if (area.themes.some((t) => service.themes.includes(t))) by.push('theme');
    if (area.targetGroups.some((g) => service.targetGroups.includes(g))) by.push('target_group');
    if (fromText.has(area.code)) by.push('text');
    if (by.length > 0) matches.push({ code: area.code, by });
  }
  return matches;
}
