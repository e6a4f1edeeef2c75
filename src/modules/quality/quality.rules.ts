/**
 * The audit rules: small pure functions over one record and the run's context. Each rule has
 * an id, a severity, the entity it applies to and where its findings are fixed; its fi/sv/en
 * title and fix hint are `quality.rule.<id>.title` / `.fix` in quality.messages.ts.
 */
import type { LocalisedText } from '../../platform/localised.ts';
import type { AuditChannel, AuditLocation, AuditRecord, AuditService, FixWhere, Rule, RuleOutcome } from './quality.types.ts';

const pass: RuleOutcome = { pass: true };
const fail = (details: Record<string, string | number | boolean | null> = {}): RuleOutcome => ({ pass: false, details });

/** The text a resident most likely sees: Finnish, else Swedish, else English; trimmed. */
export function primaryText(text: LocalisedText): string {
  return (text.fi ?? text.sv ?? text.en ?? '').trim();
}

const has = (text: LocalisedText, lang: 'fi' | 'sv' | 'en') => (text[lang] ?? '').trim() !== '';

/** Lower case letters and digits only, single spaces: for comparing names and texts. */
export function normaliseText(value: string): string {
  return value
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const months = (now: Date, count: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, now.getUTCDate()));
const helsinkiDateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });
const helsinkiDate = (now: Date) => helsinkiDateFormat.format(now);
const urlsOf = (channel: AuditChannel) => [...new Set(Object.values(channel.value).filter((v): v is string => typeof v === 'string' && v !== ''))];
const linkKinds = new Set(['web', 'eservice', 'printable_form']);

function minLength(field: 'summary' | 'description') {
  return (service: AuditService, context: { threshold: number }): RuleOutcome => {
    const length = primaryText(service[field]).length;
    return length >= context.threshold ? pass : fail({ length, minimum: context.threshold });
  };
}

const swedishMissing: Rule<AuditService> = {
  id: 'swedish_missing',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  check(service, context) {
    const bilingual = service.municipalityCodes.filter((code) => context.bilingualMunicipalities.has(code));
    if (bilingual.length === 0) return null;
    const missing = (['name', 'summary', 'description'] as const).filter((field) => has(service[field], 'fi') && !has(service[field], 'sv'));
    if (!has(service.name, 'sv') && !missing.includes('name')) missing.unshift('name');
    return missing.length === 0 ? pass : fail({ fields: missing.join(', '), municipalities: bilingual.join(', ') });
  },
};

const nameShort: Rule<AuditService> = {
  id: 'name_short',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  threshold: { default: 3, unit: 'characters' },
  check(service, context) {
    const length = primaryText(service.name).length;
    return length >= context.threshold ? pass : fail({ length, minimum: context.threshold });
  },
};

const summaryShort: Rule<AuditService> = {
  id: 'summary_short',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  threshold: { default: 20, unit: 'characters' },
  check: minLength('summary'),
};

const descriptionShort: Rule<AuditService> = {
  id: 'description_short',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  threshold: { default: 80, unit: 'characters' },
  check: minLength('description'),
};

/** The description says nothing beyond the name (equal, or the name plus a few characters). */
const descriptionRepeatsName: Rule<AuditService> = {
  id: 'description_repeats_name',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  threshold: { default: 15, unit: 'characters' },
  check(service, context) {
    const description = normaliseText(primaryText(service.description));
    const name = normaliseText(primaryText(service.name));
    if (description === '' || name === '') return null;
    const rest = description.startsWith(name) ? description.slice(name.length).trim() : description.endsWith(name) ? description.slice(0, -name.length).trim() : null;
    return rest !== null && rest.length < context.threshold ? fail({ extraCharacters: rest.length }) : pass;
  },
};

/**
 * A resident-facing target group resolves, or the source names a specific one (PTV KR1.2
 * "older people"); PTV's top level alone (KR1 citizens, KR2 businesses) says nothing.
 */
const targetGroupMissing: Rule<AuditService> = {
  id: 'target_group_missing',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  check: (service) =>
    service.targetGroups.length > 0 || service.sourceTargetGroups.some((code) => code.includes('.')) ? pass : fail({ sourceTargetGroups: service.sourceTargetGroups.join(', ') }),
};

/**
 * Theme and place matter to the resident tray: checked on tray activities only. A permit or a
 * school service kept out of the tray is not expected to have a well-being theme or a place.
 */
const themeMissing: Rule<AuditService> = {
  id: 'theme_missing',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  check: (service) => (!service.inTray ? null : service.themes.length > 0 ? pass : fail()),
};

const locationMissing: Rule<AuditService> = {
  id: 'location_missing',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  check: (service) => (!service.inTray || service.areaType === 'nationwide' ? null : service.locationCount > 0 ? pass : fail({ areaType: service.areaType })),
};

const coordinatesMissing: Rule<AuditLocation> = {
  id: 'coordinates_missing',
  severity: 'warning',
  entity: 'location',
  fixIn: 'source',
  check(location) {
    const failed = location.coordinateState !== null && /^fail/i.test(location.coordinateState);
    return location.latitude !== null && location.longitude !== null && !failed ? pass : fail({ coordinateState: location.coordinateState });
  },
};

const hoursMissing: Rule<AuditService> = {
  id: 'hours_missing',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  check: (service) => (service.locationCount === 0 ? null : service.schedules.length > 0 ? pass : fail()),
};

/** Every schedule of the service ended before today (Helsinki time): residents see no hours. */
const validityExpired: Rule<AuditService> = {
  id: 'validity_expired',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  check(service, context) {
    if (service.schedules.length === 0) return null;
    const today = helsinkiDate(context.now);
    const ends = service.schedules.map((schedule) => schedule.validTo);
    if (ends.some((end) => end === null || end >= today)) return pass;
    return fail({ validTo: (ends as string[]).sort().at(-1) ?? null });
  },
};

const priceMissing: Rule<AuditService> = {
  id: 'price_missing',
  severity: 'warning',
  entity: 'service',
  fixIn: 'source',
  check: (service) => (service.costType !== 'fee' ? null : primaryText(service.costInfo) !== '' ? pass : fail()),
};

const accessibilityMissing: Rule<AuditLocation> = {
  id: 'accessibility_missing',
  severity: 'warning',
  entity: 'location',
  fixIn: 'source',
  check: (location) => (primaryText(location.streetAddress) === '' ? null : location.accessibilityCount > 0 ? pass : fail()),
};

function staleRule<R extends AuditRecord>(entity: R['entity'], id: string): Rule<R> {
  return {
    id,
    severity: 'info',
    entity,
    fixIn: 'source',
    threshold: { default: 12, unit: 'months' },
    check: (record, context) =>
      record.modifiedAt >= months(context.now, context.threshold) ? pass : fail({ modified: record.modifiedAt.toISOString().slice(0, 10) }),
  };
}

const serviceWithoutChannels: Rule<AuditService> = {
  id: 'service_without_channels',
  severity: 'error',
  entity: 'service',
  fixIn: 'source',
  check: (service) => (service.channelCount + service.locationCount > 0 ? pass : fail()),
};

function withoutServices<R extends AuditLocation | AuditChannel>(entity: R['entity'], id: string): Rule<R> {
  return { id, severity: 'info', entity, fixIn: 'source', check: (record) => (record.serviceCount > 0 ? pass : fail()) };
}

const linkInsecure: Rule<AuditChannel> = {
  id: 'link_insecure',
  severity: 'info',
  entity: 'contact_channel',
  fixIn: 'source',
  check(channel) {
    if (!linkKinds.has(channel.kind)) return null;
    const insecure = urlsOf(channel).filter((url) => !/^https:\/\//i.test(url));
    return insecure.length === 0 ? pass : fail({ url: insecure[0]! });
  },
};

const linkBroken: Rule<AuditChannel> = {
  id: 'link_broken',
  severity: 'error',
  entity: 'contact_channel',
  fixIn: 'source',
  check(channel, context) {
    if (!context.links || !linkKinds.has(channel.kind)) return null;
    for (const url of urlsOf(channel)) {
      const result = context.links.get(url);
      if (result && !result.ok) return fail({ url, status: result.status, error: result.error });
    }
    return pass;
  },
};

const duplicateProbable: Rule<AuditService> = {
  id: 'duplicate_probable',
  severity: 'warning',
  entity: 'service',
  fixIn: 'tarjotin',
  check(service, context) {
    const others = context.duplicates.get(service.id);
    return others && others.length > 0 ? fail({ duplicates: others.join(', ') }) : pass;
  },
};

/** Every rule, in the order pages list them. */
export const rules: readonly Rule[] = [
  swedishMissing,
  nameShort,
  summaryShort,
  descriptionShort,
  descriptionRepeatsName,
  targetGroupMissing,
  themeMissing,
  locationMissing,
  coordinatesMissing,
  hoursMissing,
  validityExpired,
  priceMissing,
  accessibilityMissing,
  staleRule<AuditService>('service', 'stale'),
  serviceWithoutChannels,
  withoutServices<AuditLocation>('location', 'location_without_services'),
  withoutServices<AuditChannel>('contact_channel', 'channel_without_services'),
  linkInsecure,
  linkBroken,
  duplicateProbable,
] as readonly Rule[];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}

/** Where a finding of this rule on a record from this source is fixed. */
export function fixWhere(rule: Pick<Rule, 'fixIn'>, source: string): FixWhere {
  if (rule.fixIn === 'tarjotin' || ['manual', 'csv', 'demo'].includes(source)) return 'tarjotin';
  return source === 'ptv' ? 'ptv' : 'source';
}
