import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedDataSkip, sharedPath } from '../../../../test/support/shared-data.ts';
import { describe, it, expect } from 'vitest';
import { loadMunicipalities, loadRegions, postalCodesCsvPath, regionKinds } from './reference-data.ts';

const regions = loadRegions();
const municipalities = loadMunicipalities();
const municipality = (code: string) => municipalities.find((candidate) => candidate.code === code);

/** WCAG 2.x contrast ratio of white text on a `#rrggbb` background. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((offset) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

// The Yle TopoJSON the populations come from (../shared/data, read at run time).
const yleTopologyPath = sharedPath('data/municipalities/yle-geodata/finland-hva-2021.topo.json');

describe('region reference data', () => {
  it('has 23 regions with unique codes and slugs', () => {
    expect(regions).toHaveLength(23);
    expect(new Set(regions.map((region) => region.code)).size).toBe(23);
    expect(new Set(regions.map((region) => region.slug)).size).toBe(23);
    for (const region of regions) {
      expect(region.code).toMatch(/^\d{2}$/);
      expect(region.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(regionKinds).toContain(region.kind);
      expect(region.name.fi && region.name.sv && region.name.en).toBeTruthy();
    }
  });

  it('has 21 welfare regions, the City of Helsinki and Åland', () => {
    expect(regions.filter((region) => region.kind === 'welfare_region')).toHaveLength(21);
    expect(regions.find((region) => region.code === '90')).toMatchObject({ kind: 'city', slug: 'helsinki' });
    expect(regions.find((region) => region.code === '91')).toMatchObject({ kind: 'autonomous', slug: 'ahvenanmaa' });
  });

  it('gives every region at least one municipality and the sum of their populations', () => {
    for (const region of regions) {
      const members = municipalities.filter((candidate) => candidate.regionCode === region.code);
      expect(members.length, region.code).toBeGreaterThan(0);
      expect(region.population).toBe(members.reduce((sum, member) => sum + member.population, 0));
    }
  });

  it('has brand colours that carry white text at 4.5:1 or more', () => {
    for (const region of regions) {
      expect(region.brandColour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(region.brandColour), region.code).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('municipality reference data', () => {
  const regionCodes = new Set(regions.map((region) => region.code));

  it('has every current municipality once, in a known region, with names and a population', () => {
    expect(municipalities).toHaveLength(309);
    expect(new Set(municipalities.map((candidate) => candidate.code)).size).toBe(309);
    for (const candidate of municipalities) {
      expect(candidate.code).toMatch(/^\d{3}$/);
      expect(regionCodes.has(candidate.regionCode), candidate.code).toBe(true);
      expect(candidate.name.fi, candidate.code).toBeTruthy();
      expect(candidate.name.sv, candidate.code).toBeTruthy();
      expect(candidate.population, candidate.code).toBeGreaterThan(0);
    }
  });

  it('places every municipality inside Finland', () => {
    for (const candidate of municipalities) {
      expect(candidate.latitude, candidate.code).toBeGreaterThanOrEqual(59.5);
      expect(candidate.latitude, candidate.code).toBeLessThanOrEqual(70.2);
      expect(candidate.longitude, candidate.code).toBeGreaterThanOrEqual(19);
      expect(candidate.longitude, candidate.code).toBeLessThanOrEqual(31.6);
    }
  });

  it.skipIf(sharedDataSkip !== undefined)(
    `has a total population within 1 % of Yle data${sharedDataSkip ? ` (${sharedDataSkip})` : ''}`,
    () => {
      const topology = JSON.parse(readFileSync(yleTopologyPath, 'utf-8')) as {
        objects: { munis: { geometries: { properties: { population: number } }[] } };
      };
      const expected = topology.objects.munis.geometries.reduce((sum, geometry) => sum + geometry.properties.population, 0);
      const total = municipalities.reduce((sum, candidate) => sum + candidate.population, 0);
      expect(Math.abs(total - expected) / expected).toBeLessThanOrEqual(0.01);
    },
  );

  it('knows Helsinki as bilingual and a region of its own', () => {
    expect(municipality('091')).toMatchObject({ regionCode: '90', officialLanguages: ['fi', 'sv'] });
  });

  it('knows Vaasa as bilingual with the Swedish name Vasa', () => {
    expect(municipality('905')).toMatchObject({ name: { fi: 'Vaasa', sv: 'Vasa' }, officialLanguages: ['fi', 'sv'] });
  });

  it('knows Närpes as Swedish-speaking by majority', () => {
    expect(municipality('545')?.officialLanguages[0]).toBe('sv');
  });

  it('knows the Åland municipalities as Swedish-speaking', () => {
    const aland = municipalities.filter((candidate) => candidate.regionCode === '91');
    expect(aland).toHaveLength(16);
    for (const candidate of aland) expect(candidate.officialLanguages, candidate.code).toEqual(['sv']);
  });
});

describe('postal code reference data', () => {
  const [header, ...lines] = readFileSync(postalCodesCsvPath, 'utf-8').trimEnd().split('\n');
  const rows = lines.map((line) => line.split(';'));

  it('has unique 5-digit codes whose municipalities all exist', () => {
    const municipalityCodes = new Set(municipalities.map((candidate) => candidate.code));
    expect(header).toBe('code;municipality_code');
    expect(rows.length).toBeGreaterThan(3000);
    expect(new Set(rows.map(([code]) => code)).size).toBe(rows.length);
    for (const [code, municipalityCode] of rows) {
      expect(code).toMatch(/^\d{5}$/);
      expect(municipalityCodes.has(municipalityCode ?? ''), code).toBe(true);
    }
  });

  it('maps 00100 to Helsinki', () => {
    expect(rows).toContainEqual(['00100', '091']);
  });
});
