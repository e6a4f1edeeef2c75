/**
 * The whole recorded corpus through the readers and mappers: nothing throws, nothing is
 * printed, and the counts are the ones we expect (and can explain).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { mapContactChannel, mapServiceLocationChannel } from './ptv.channels.mapper.ts';
import { mapOrganisation, mapService } from './ptv.mapper.ts';
import { readOrganization, readService, readServiceChannel } from './ptv.records.ts';
import { hasPtvData, loadAll, withPtvData } from './ptv.test-data.ts';

function runCorpus(version: 'v8' | 'v9') {
  const counts = { services: 0, servicesRejected: 0, inTray: 0, channels: 0, channelsRejected: 0, locations: 0, withPoint: 0, pointsRejected: 0, contacts: 0, organisations: 0 };
  const themes: Record<string, number> = {};
  const rejections: string[] = [];
  for (const { file, raw } of loadAll(version, 'services')) {
    counts.services += 1;
    const read = readService(raw);
    const mapped = read.ok ? mapService(read.value, raw) : null;
    if (!read.ok || !mapped?.ok) {
      counts.servicesRejected += 1;
      rejections.push(`${file}: ${(read.ok ? (mapped && !mapped.ok ? mapped.reasons : []) : read.reasons).join('; ')}`);
      continue;
    }
    if (mapped.service.inTray) {
      counts.inTray += 1;
      for (const theme of mapped.service.themes) themes[theme] = (themes[theme] ?? 0) + 1;
    }
  }
  for (const { file, raw } of loadAll(version, 'servicechannels')) {
    counts.channels += 1;
    const read = readServiceChannel(raw);
    if (!read.ok) {
      counts.channelsRejected += 1;
      rejections.push(`${file}: ${read.reasons.join('; ')}`);
      continue;
    }
    if (read.value.type === 'ServiceLocation') {
      const mapped = mapServiceLocationChannel(read.value, raw);
      counts.locations += mapped.locations.length;
      counts.withPoint += mapped.locations.filter((location) => location.latitude !== null).length;
      counts.pointsRejected += mapped.rejectedCoordinates.length;
      counts.contacts += mapped.channels.length;
    } else {
      counts.contacts += mapContactChannel(read.value, raw).channels.length;
    }
  }
  for (const { file, raw } of loadAll(version, 'organizations')) {
    const read = readOrganization(raw);
    if (read.ok) counts.organisations += mapOrganisation(read.value, raw).organisation ? 1 : 0;
    else rejections.push(`${file}: ${read.reasons.join('; ')}`);
  }
  return { counts, themes, rejections };
}

describe.skipIf(!hasPtvData)(withPtvData('the recorded corpus'), () => {
  let output: MockInstance[] = [];
  beforeEach(() => {
    output = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
  });
  afterEach(() => {
    for (const spy of output) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('maps all 446 v8 services, 998 channels and 3 organisations, rejecting none and printing nothing', () => {
    const { counts, themes, rejections } = runCorpus('v8');
    // None rejected: these are published PTV records, validated by PTV itself. The only
    // irregularities are tolerated by design: 45 procured services name their producer with
    // `organization: null`, 24 label ontology terms also in de/et, 14 web pages have an empty
    // URL, 25 fax numbers and 3 undated exceptional hours are skipped with warnings, and 20
    // locations have no point ("0"/"0" NotReceived or no street address): none is a reason to
    // reject a record. No point lies outside Finland.
    expect(rejections).toEqual([]);
    expect(counts).toEqual({
      services: 446,
      servicesRejected: 0,
      inTray: 103,
      channels: 998,
      channelsRejected: 0,
      locations: 383,
      withPoint: 363,
      pointsRejected: 0,
      contacts: 1582,
      organisations: 3,
    });
    expect(themes).toEqual({
      exercise: 25,
      hobbies: 25,
      meeting_places: 25,
      everyday_support: 22,
      mental_wellbeing: 16,
      culture: 15,
      health_advice: 15,
      learning_work: 13,
      substance_use: 12,
      nature: 7,
      volunteering: 2,
      peer_support: 1,
      digital_support: 1,
      nutrition: 1,
    });
  });

  it('maps all 30 v9 services, 42 channels and 3 organisations, rejecting none', () => {
    const { counts, rejections } = runCorpus('v9');
    expect(rejections).toEqual([]);
    expect(counts).toMatchObject({ services: 30, servicesRejected: 0, channels: 42, channelsRejected: 0, locations: 12, withPoint: 11, pointsRejected: 0, organisations: 3 });
  });
});
