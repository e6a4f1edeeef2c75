/**
 * Every rule on real-shaped records: the recorded PTV records (../shared/data/ptv, v8 Vaasa
 * and Naantali) through the PTV readers and mappers, flattened as the audit sees them. For each
 * rule a real record that passes, and the same record changed the way real data goes wrong.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceBundle } from '../catalog/index.ts';
import { loadMunicipalities } from '../catalog/reference/reference-data.ts';
import { hasPtvCorpus, mapPtvCorpus } from '../../../test/support/ptv-stand-in.ts';
import { mapServiceLocationChannel, readServiceChannel } from '../ingest/ptv/index.ts';
import { loadPtv } from '../ingest/ptv/ptv.test-data.ts';
import { findProbableDuplicates } from './quality.engine.ts';
import { qualityMessages } from './quality.messages.ts';
import { findRule, fixWhere, rules } from './quality.rules.ts';
import type { AuditChannel, AuditLocation, AuditRecord, AuditService, RuleContext, RuleOutcome } from './quality.types.ts';

const now = new Date('2026-11-28T10:00:00Z');
const municipalities = loadMunicipalities();
const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
const bilingual = new Set(municipalities.filter((m) => (m.officialLanguages as readonly string[]).includes('sv') && (m.officialLanguages as readonly string[]).includes('fi')).map((m) => m.code));
const regionsOf = (codes: string[]) => [...new Set(codes.flatMap((code) => regionOf.get(code) ?? []))].sort();

function auditService(bundle: ServiceBundle): AuditService {
  const s = bundle.service;
  const municipalityCodes = [...new Set([...s.areaMunicipalities, ...bundle.locations.flatMap((l) => l.municipalityCode ?? [])])].sort();
  return {
    entity: 'service',
    id: s.id,
    organisationId: s.organisationId,
    organisationBusinessId: null,
    source: s.provenance.source,
    name: s.name,
    summary: s.summary,
    description: s.description,
    targetGroups: s.targetGroups,
    sourceTargetGroups: s.sourceTargetGroups,
    themes: s.themes,
    costType: s.costType,
    costInfo: s.costInfo,
    areaType: s.areaType,
    inTray: s.inTray,
    status: s.status,
    modifiedAt: s.provenance.sourceModified ?? now,
    municipalityCodes,
    regionCodes: regionsOf(municipalityCodes),
    locationCount: bundle.locations.length,
    channelCount: bundle.channels.length,
    schedules: bundle.schedules.map((schedule) => ({ kind: schedule.kind, validTo: schedule.validTo })),
  };
}

const corpus = hasPtvCorpus ? mapPtvCorpus('v8') : { bundles: [], orphanLocations: [], orphanChannels: [], organisations: [], rejected: 0 };
const services = corpus.bundles.map(auditService);
const serviceCountOf = new Map<string, number>();
for (const bundle of corpus.bundles) for (const item of [...bundle.locations, ...bundle.channels]) serviceCountOf.set(item.id, (serviceCountOf.get(item.id) ?? 0) + 1);
const locations: AuditLocation[] = [...new Map([...corpus.bundles.flatMap((b) => b.locations), ...corpus.orphanLocations].map((l) => [l.id, l])).values()].map((l) => ({
  entity: 'location',
  id: l.id,
  organisationId: l.organisationId,
  source: l.provenance.source,
  name: l.name,
  modifiedAt: l.provenance.sourceModified ?? now,
  municipalityCodes: l.municipalityCode ? [l.municipalityCode] : [],
  regionCodes: regionsOf(l.municipalityCode ? [l.municipalityCode] : []),
  streetAddress: l.streetAddress,
  latitude: l.latitude,
  longitude: l.longitude,
  coordinateState: l.coordinateState,
  accessibilityCount: l.accessibility.length,
  serviceCount: serviceCountOf.get(l.id) ?? 0,
}));
const channels: AuditChannel[] = [...new Map([...corpus.bundles.flatMap((b) => b.channels), ...corpus.orphanChannels].map((c) => [c.id, c])).values()].map((c) => ({
  entity: 'contact_channel',
  id: c.id,
  organisationId: c.organisationId,
  source: c.provenance.source,
  name: c.name,
  modifiedAt: c.provenance.sourceModified ?? now,
  municipalityCodes: [],
  regionCodes: [],
  kind: c.kind,
  value: c.value,
  serviceCount: serviceCountOf.get(c.id) ?? 0,
}));

function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return { now, bilingualMunicipalities: bilingual, threshold: 0, links: undefined, duplicates: new Map(), ...overrides };
}

/** Outcomes seen per rule, so that the last test can prove each rule both passed and failed. */
const seen = new Map<string, Set<'pass' | 'fail'>>();
const detailKeys = new Set<string>();

function check(ruleId: string, record: AuditRecord, overrides: Partial<RuleContext> = {}): RuleOutcome {
  const rule = findRule(ruleId)!;
  const outcome = rule.check(record, context({ threshold: rule.threshold?.default ?? 0, ...overrides }));
  if (outcome) seen.set(ruleId, (seen.get(ruleId) ?? new Set()).add(outcome.pass ? 'pass' : 'fail'));
  if (outcome && !outcome.pass) for (const key of Object.keys(outcome.details)) detailKeys.add(key);
  return outcome;
}

function pick<T>(items: T[], predicate: (item: T) => boolean, what: string): T {
  const found = items.find(predicate);
  if (!found) throw new Error(`no real record: ${what}`);
  return structuredClone(found);
}

const vaasa = (s: AuditService) => s.municipalityCodes.includes('905');
const long = (text: string | undefined, n: number) => (text ?? '').length >= n;
const complete = (s: AuditService) => long(s.name.fi, 3) && long(s.summary.fi, 20) && long(s.description.fi, 200);

describe.skipIf(!hasPtvCorpus)(`the audit rules on real PTV records${hasPtvCorpus ? '' : ' (skipped: recorded PTV data not found)'}`, () => {
  it('has twenty rules, each with a severity and a place to fix', () => {
    expect(rules.map((rule) => rule.id)).toHaveLength(20);
    expect(fixWhere(findRule('stale')!, 'ptv')).toBe('ptv');
    expect(fixWhere(findRule('stale')!, 'manual')).toBe('tarjotin');
    expect(fixWhere(findRule('stale')!, 'linked_events')).toBe('source');
    expect(fixWhere(findRule('duplicate_probable')!, 'ptv')).toBe('tarjotin');
  });

  it('swedish_missing: a Vaasa (bilingual) service in both languages passes; without Swedish texts it fails', () => {
    const service = pick(services, (s) => vaasa(s) && Boolean(s.name.sv && s.summary.sv && s.description.sv), 'bilingual Vaasa service');
    expect(check('swedish_missing', service)).toEqual({ pass: true });
    delete service.summary.sv;
    delete service.description.sv;
    expect(check('swedish_missing', service)).toMatchObject({ pass: false, details: { fields: 'summary, description' } });
    const naantali = pick(services, (s) => s.municipalityCodes.length > 0 && !s.municipalityCodes.some((c) => bilingual.has(c)), 'a Finnish-only municipality');
    expect(check('swedish_missing', naantali)).toBeNull();
  });

  it('name_short, summary_short, description_short: a fully described service passes; cut texts fail', () => {
    const service = pick(services, complete, 'a fully described service');
    for (const id of ['name_short', 'summary_short', 'description_short']) expect(check(id, service)).toEqual({ pass: true });
    service.name = { fi: 'X' };
    service.summary = {};
    service.description = { fi: 'Katso verkkosivut.' };
    expect(check('name_short', service)).toEqual({ pass: false, details: { length: 1, minimum: 3 } });
    expect(check('summary_short', service)).toEqual({ pass: false, details: { length: 0, minimum: 20 } });
    expect(check('description_short', service)).toEqual({ pass: false, details: { length: 18, minimum: 80 } });
    expect(check('description_short', service, { threshold: 10 })).toEqual({ pass: true });
  });

  it('description_repeats_name: a real description passes; one that only repeats the name fails', () => {
    const service = pick(services, complete, 'a fully described service');
    expect(check('description_repeats_name', service)).toEqual({ pass: true });
    service.description = { fi: `${service.name.fi}.` };
    expect(check('description_repeats_name', service)).toEqual({ pass: false, details: { extraCharacters: 0 } });
  });

  it('target_group_missing and theme_missing: a tray activity passes; without codes it fails', () => {
    const service = pick(services, (s) => s.inTray && s.targetGroups.length > 0, 'a tray activity with target groups');
    expect(check('target_group_missing', service)).toEqual({ pass: true });
    expect(check('theme_missing', service)).toEqual({ pass: true });
    service.targetGroups = [];
    service.themes = [];
    expect(check('target_group_missing', { ...service, sourceTargetGroups: ['KR1', 'KR1.2'] })).toEqual({ pass: true });
    service.sourceTargetGroups = ['KR1'];
    expect(check('target_group_missing', service)).toEqual({ pass: false, details: { sourceTargetGroups: 'KR1' } });
    expect(check('theme_missing', service)).toEqual({ pass: false, details: {} });
    expect(check('theme_missing', pick(services, (s) => !s.inTray, 'a service outside the tray'))).toBeNull();
  });

  it('location_missing and hours_missing: a service at a visiting address with hours passes; without them it fails', () => {
    const service = pick(services, (s) => s.inTray && s.locationCount > 0 && s.schedules.length > 0, 'a tray activity with a location and hours');
    expect(check('location_missing', service)).toEqual({ pass: true });
    expect(check('hours_missing', service)).toEqual({ pass: true });
    service.schedules = [];
    expect(check('hours_missing', service)).toEqual({ pass: false, details: {} });
    service.locationCount = 0;
    expect(check('location_missing', service)).toMatchObject({ pass: false });
    expect(check('hours_missing', service)).toBeNull();
    expect(check('location_missing', { ...service, inTray: false })).toBeNull();
  });

  it('coordinates_missing: a location with a converted point passes; a NotReceived one fails', () => {
    const located = pick(locations, (l) => l.latitude !== null, 'a location with a point');
    expect(check('coordinates_missing', located)).toEqual({ pass: true });
    const missing = pick(locations, (l) => l.latitude === null, 'a real location without a point');
    expect(check('coordinates_missing', missing)).toMatchObject({ pass: false });
    expect(check('coordinates_missing', { ...located, coordinateState: 'Failed' })).toEqual({ pass: false, details: { coordinateState: 'Failed' } });
  });

  it('validity_expired: open-ended hours pass; hours that ended yesterday fail', () => {
    const service = pick(services, (s) => s.schedules.length > 0 && s.schedules.every((x) => x.validTo === null), 'open-ended hours');
    expect(check('validity_expired', service)).toEqual({ pass: true });
    service.schedules = service.schedules.map((s) => ({ ...s, validTo: '2026-11-27' }));
    expect(check('validity_expired', service)).toEqual({ pass: false, details: { validTo: '2026-11-27' } });
  });

  it('price_missing: a chargeable service with price information passes; without it fails; free services are not checked', () => {
    const service = pick(services, (s) => s.costType === 'fee' && Boolean(s.costInfo.fi), 'chargeable with price info');
    expect(check('price_missing', service)).toEqual({ pass: true });
    service.costInfo = {};
    expect(check('price_missing', service)).toEqual({ pass: false, details: {} });
    expect(check('price_missing', pick(services, (s) => s.costType === 'free', 'a free service'))).toBeNull();
  });

  it('accessibility_missing: a visiting address with accessibility sentences passes; one without fails', () => {
    // v8 has no accessibility sentences; the v11 Otava campus channel has them (fi/sv/en)
    const raw = loadPtv('auroraai-core-components-v11/otava_service_channel.json');
    const read = readServiceChannel(raw);
    if (!read.ok || read.value.type !== 'ServiceLocation') throw new Error('the Otava channel does not read');
    const otava = mapServiceLocationChannel(read.value, raw).locations[0]!;
    const described: AuditLocation = { ...pick(locations, () => true, 'a location'), streetAddress: otava.streetAddress, accessibilityCount: otava.accessibility.length };
    expect(described.accessibilityCount).toBeGreaterThan(0);
    expect(check('accessibility_missing', described)).toEqual({ pass: true });
    const bare = pick(locations, (l) => l.accessibilityCount === 0 && Boolean(l.streetAddress.fi), 'an address without accessibility (v8 has none)');
    expect(check('accessibility_missing', bare)).toEqual({ pass: false, details: {} });
  });

  it('stale: a record modified within 12 months passes; the 2018 records fail', () => {
    const service = pick(services, () => true, 'any service');
    expect(check('stale', service)).toMatchObject({ pass: false, details: { modified: expect.stringMatching(/^201[78]-/) } });
    expect(check('stale', { ...service, modifiedAt: new Date('2026-06-01T00:00:00Z') })).toEqual({ pass: true });
  });

  it('service_without_channels: a service with channels passes; one without any fails', () => {
    const service = pick(services, (s) => s.channelCount > 0, 'a service with channels');
    expect(check('service_without_channels', service)).toEqual({ pass: true });
    expect(check('service_without_channels', { ...service, channelCount: 0, locationCount: 0 })).toEqual({ pass: false, details: {} });
  });

  it('channel_without_services and location_without_services: linked channels pass; unlinked ones fail', () => {
    expect(check('channel_without_services', pick(channels, (c) => c.serviceCount > 0, 'a linked channel'))).toEqual({ pass: true });
    // every v8 channel serves a service: the failing case is a linked one whose services were removed
    expect(channels.filter((c) => c.serviceCount === 0)).toEqual([]);
    expect(check('channel_without_services', { ...pick(channels, () => true, 'a channel'), serviceCount: 0 })).toEqual({ pass: false, details: {} });
    expect(check('location_without_services', pick(locations, (l) => l.serviceCount > 0, 'a linked location'))).toEqual({ pass: true });
    expect(check('location_without_services', { ...pick(locations, () => true, 'a location'), serviceCount: 0 })).toEqual({ pass: false, details: {} });
  });

  it('link_insecure: an https page passes; a real http page fails; phone numbers are not checked', () => {
    const secure = pick(channels, (c) => c.kind === 'web' && Object.values(c.value).every((v) => v?.startsWith('https://')), 'an https page');
    expect(check('link_insecure', secure)).toEqual({ pass: true });
    const insecure = pick(channels, (c) => c.kind === 'web' && Object.values(c.value).some((v) => v?.startsWith('http://')), 'an http page (2018)');
    expect(check('link_insecure', insecure)).toMatchObject({ pass: false, details: { url: expect.stringMatching(/^http:\/\//) } });
    expect(check('link_insecure', pick(channels, (c) => c.kind === 'phone', 'a phone number'))).toBeNull();
  });

  it('link_broken: not checked without a link check; a page answering 200 passes, 404 fails', () => {
    const page = pick(channels, (c) => c.kind === 'web', 'a web page');
    const url = Object.values(page.value)[0]!;
    expect(check('link_broken', page)).toBeNull();
    expect(check('link_broken', page, { links: new Map([[url, { ok: true, status: 200, error: null }]]) })).toEqual({ pass: true });
    expect(check('link_broken', page, { links: new Map([[url, { ok: false, status: 404, error: null }]]) })).toEqual({ pass: false, details: { url, status: 404, error: null } });
  });

  it('duplicate_probable: a PTV service alone passes; the same activity entered by hand in the same municipality fails', () => {
    const service = pick(services, (s) => s.inTray && s.municipalityCodes.length > 0, 'a tray activity');
    const manual: AuditService = { ...structuredClone(service), id: '00000000-0000-4000-8000-000000000001', source: 'manual', name: { fi: ` ${service.name.fi!.toUpperCase()}! ` } };
    expect(check('duplicate_probable', service, { duplicates: findProbableDuplicates(services) })).toEqual({ pass: true });
    const duplicates = findProbableDuplicates([...services, manual]);
    expect(check('duplicate_probable', service, { duplicates })).toEqual({ pass: false, details: { duplicates: manual.id } });
    expect(check('duplicate_probable', manual, { duplicates })).toEqual({ pass: false, details: { duplicates: service.id } });
  });

  it('saw every rule pass and fail on a real-shaped record', () => {
    for (const rule of rules) expect([rule.id, [...(seen.get(rule.id) ?? [])].sort()]).toEqual([rule.id, ['fail', 'pass']]);
  });

  it('has fi, sv and en words for every detail a failing rule reported', () => {
    expect(detailKeys.size).toBeGreaterThan(8);
    for (const lang of ['fi', 'sv', 'en'] as const) expect([...detailKeys].filter((key) => !qualityMessages[lang][`quality.detail.${key}`])).toEqual([]);
  });
});
