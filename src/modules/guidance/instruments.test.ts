import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { instrumentsForRegion, itemResults, loadInstruments, parseInstrument } from './instruments.ts';

const shipped = loadConfig({}).instrumentsDir;
const ons4Json = readFileSync(join(shipped, 'ons4.json'), 'utf8');

describe('well-being instruments', () => {
  it('ships ONS4 with four 0–10 items in Finnish, Swedish and English and a licence note', () => {
    const [ons4] = loadInstruments(shipped);
    expect(ons4?.id).toBe('ons4');
    expect(ons4?.items.map((i) => i.id)).toEqual(['life_satisfaction', 'worthwhile', 'happy_yesterday', 'anxious_yesterday']);
    for (const item of ons4!.items) expect(ons4!.scales[item.scale]).toMatchObject({ min: 0, max: 10 });
    expect(ons4!.licence.en).toContain('Open Government Licence');
    expect(ons4!.items[3]!.text.sv).toBe('Hur ängslig kände du dig överlag i går?');
  });

  it('does not ship SWEMWBS or WEMWBS (their licence forbids public sharing)', () => {
    const ids = loadInstruments(shipped).map((i) => i.id);
    expect(ids.some((id) => /wemwbs/i.test(id))).toBe(false);
  });

  it('reports each item separately with its band and never a total', () => {
    const ons4 = parseInstrument(ons4Json, 'ons4.json');
    const results = itemResults(ons4, { life_satisfaction: 3, worthwhile: 8, anxious_yesterday: 7 });
    expect(results.map((r) => [r.item.id, r.value, r.band?.label.en])).toEqual([
      ['life_satisfaction', 3, 'low'],
      ['worthwhile', 8, 'high'],
      ['happy_yesterday', undefined, undefined],
      ['anxious_yesterday', 7, 'high'],
    ]);
    expect(results[0]!.discuss).toEqual(['mental_wellbeing', 'loneliness']);
    expect(results[3]!.discuss).toEqual(['mental_wellbeing']);
    expect(Object.keys(results[0]!)).not.toContain('total');
  });

  it('stops with one line naming the file and the field for a broken definition', () => {
    const broken = JSON.parse(ons4Json);
    delete broken.items[1].text.sv;
    expect(() => parseInstrument(JSON.stringify(broken), 'region.json')).toThrow(/^INSTRUMENTS_DIR: region\.json \/items\/1\/text must have required properties sv$/);
    const gap = JSON.parse(ons4Json);
    gap.items[0].bands = gap.items[0].bands.slice(1);
    expect(() => parseInstrument(JSON.stringify(gap), 'gap.json')).toThrow('INSTRUMENTS_DIR: gap.json /items/0/bands: the value 0 is in 0 bands (must be in exactly one)');
    expect(() => parseInstrument('{', 'bad.json')).toThrow(/^INSTRUMENTS_DIR: bad\.json is not valid JSON/);
    const unknownNeed = JSON.parse(ons4Json);
    unknownNeed.items[0].discuss[0].needAreas = ['astrology'];
    expect(() => parseInstrument(JSON.stringify(unknownNeed), 'x.json')).toThrow('unknown need area "astrology"');
  });

  it('lets a region load its own instrument from its own directory, offered only in that region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'instruments-'));
    writeFileSync(join(dir, 'ons4.json'), ons4Json);
    const own = { ...JSON.parse(ons4Json), id: 'region-check', version: 2, regions: ['17'] };
    writeFileSync(join(dir, 'region-check.json'), JSON.stringify(own));
    const instruments = loadInstruments(dir);
    expect(instrumentsForRegion(instruments, '17').map((i) => i.id)).toEqual(['ons4', 'region-check']);
    expect(instrumentsForRegion(instruments, '08').map((i) => i.id)).toEqual(['ons4']);
  });
});
