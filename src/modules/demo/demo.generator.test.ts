import { readFileSync } from 'node:fs';
import { sharedDataSkip, sharedPath } from '../../../test/support/shared-data.ts';
import { describe, expect, it } from 'vitest';
import { loadReferenceAreas, organisationTypes, targetGroupCodes, themeCodes } from '../catalog/index.ts';
import { generateDemoCatalogue, type DemoInput } from './demo.generator.ts';

function input(seed: number, count = 2000): DemoInput {
  const { regions, municipalities } = loadReferenceAreas();
  return { seed, count, anchorDate: '2026-11-28', regions, municipalities, postalCodes: new Map([['837', ['33100', '33200']]]) };
}

describe('demo tray generator', () => {
  const catalogue = generateDemoCatalogue(input(7));

  it('is deterministic: the same seed gives identical records, another seed differs', () => {
    expect(JSON.stringify(generateDemoCatalogue(input(7)))).toBe(JSON.stringify(catalogue));
    const other = generateDemoCatalogue(input(8));
    expect(other.bundles.map((b) => b.service.id)).not.toEqual(catalogue.bundles.map((b) => b.service.id));
  });

  it('covers at least 2,000 activities over at least 5 regions, organisers of every type, every theme and target group', () => {
    expect(catalogue.bundles.length).toBeGreaterThanOrEqual(2000);
    const regions = new Set(catalogue.bundles.map((b) => b.locations[0]?.municipalityCode));
    const { municipalities } = loadReferenceAreas();
    const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
    expect(new Set([...regions].map((code) => regionOf.get(code ?? ''))).size).toBeGreaterThanOrEqual(5);
    const types = new Set(catalogue.organisations.map((o) => o.type));
    for (const type of organisationTypes.filter((t) => t !== 'other' && t !== 'state')) expect(types).toContain(type);
    const themes = new Set(catalogue.bundles.flatMap((b) => b.service.themes));
    expect([...themeCodes].filter((code) => !themes.has(code))).toEqual([]);
    const groups = new Set(catalogue.bundles.flatMap((b) => b.service.targetGroups));
    expect([...targetGroupCodes].filter((code) => !groups.has(code))).toEqual([]);
  });

  it('writes Finnish everywhere, Swedish in bilingual municipalities and some English', () => {
    const { municipalities } = loadReferenceAreas();
    const bilingual = new Set(municipalities.filter((m) => (m.officialLanguages as string[]).includes('sv')).map((m) => m.code));
    for (const { service, locations } of catalogue.bundles) {
      expect(service.name.fi).toBeTruthy();
      expect(service.description.fi).toBeTruthy();
      if (bilingual.has(locations[0]!.municipalityCode!)) expect(service.name.sv).toBeTruthy();
    }
    const english = catalogue.bundles.filter((b) => b.service.name.en).length;
    expect(english).toBeGreaterThan(100);
    expect(english).toBeLessThan(catalogue.bundles.length / 2);
  });

  it('keeps references consistent: every activity has an existing organiser, its schedules and events point to it', () => {
    const organisations = new Set(catalogue.organisations.map((o) => o.id));
    const ids = new Set<string>();
    for (const { service, schedules, events, locations } of catalogue.bundles) {
      expect(organisations).toContain(service.organisationId);
      expect(ids.has(service.id)).toBe(false);
      ids.add(service.id);
      for (const schedule of schedules) expect(schedule.serviceId).toBe(service.id);
      for (const event of events) expect(event.serviceId).toBe(service.id);
      for (const location of locations) expect(organisations).toContain(location.organisationId);
    }
    const withSchedules = catalogue.bundles.filter((b) => b.schedules.length > 0).length;
    const withEvents = catalogue.bundles.filter((b) => b.events.length > 0).length;
    expect(withSchedules).toBeGreaterThan(1500);
    expect(withEvents).toBeGreaterThan(100);
  });

  const topo = sharedPath('data/municipalities/yle-geodata/finland-hva-2021.topo.json');
  it.skipIf(sharedDataSkip !== undefined)(`places every location inside its municipality (Yle polygons)${sharedDataSkip ? ` (${sharedDataSkip})` : ''}`, async () => {
    const { municipalityContains } = await import('../../../test/support/municipality-polygons.ts');
    const contains = municipalityContains(JSON.parse(readFileSync(topo, 'utf8')));
    const outside = catalogue.bundles
      .flatMap((b) => b.locations)
      .filter((l) => !contains(l.municipalityCode!, l.longitude!, l.latitude!));
    expect(outside.map((l) => `${l.municipalityCode} ${l.latitude},${l.longitude}`)).toEqual([]);
  });
});
