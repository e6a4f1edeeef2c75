/**
 * What the quality audit works on: every catalogue record (also those outside the resident
 * tray) flattened into the facts the rules need, the rules' shape, and their outcomes.
 */
import type { LocalisedText } from '../../platform/localised.ts';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Weight of a check in the scorecard: an error counts three times an info. */
export const severityWeight: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const auditEntities = ['service', 'location', 'contact_channel'] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** Where a finding is fixed: in PTV (the record comes from there), in Tarjotin, or in another source system. */
export type FixWhere = 'ptv' | 'tarjotin' | 'source';

interface AuditBase {
  id: string;
  organisationId: string | null;
  source: string;
  name: LocalisedText;
  /** source modification time, else the last change in Tarjotin */
  modifiedAt: Date;
  municipalityCodes: string[];
  regionCodes: string[];
}

export interface AuditService extends AuditBase {
  entity: 'service';
  organisationBusinessId: string | null;
  summary: LocalisedText;
  description: LocalisedText;
  targetGroups: string[];
  /** target group codes as the source gave them (PTV KR…) */
  sourceTargetGroups: string[];
  themes: string[];
  costType: 'free' | 'fee' | 'unknown';
  costInfo: LocalisedText;
  areaType: 'nationwide' | 'regions' | 'municipalities' | 'local';
  inTray: boolean;
  status: string;
  locationCount: number;
  channelCount: number;
  schedules: { kind: string; validTo: string | null }[];
}

export interface AuditLocation extends AuditBase {
  entity: 'location';
  streetAddress: LocalisedText;
  latitude: number | null;
  longitude: number | null;
  coordinateState: string | null;
  accessibilityCount: number;
  serviceCount: number;
}

export interface AuditChannel extends AuditBase {
  entity: 'contact_channel';
  kind: 'web' | 'phone' | 'email' | 'eservice' | 'printable_form';
  value: LocalisedText;
  serviceCount: number;
}

export type AuditRecord = AuditService | AuditLocation | AuditChannel;

export interface LinkResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** Everything a rule may look at besides the record; built once per run. */
export interface RuleContext {
  now: Date;
  /** municipality codes whose official languages are Finnish and Swedish */
  bilingualMunicipalities: ReadonlySet<string>;
  /** the rule's threshold (region setting or the rule's default) */
  threshold: number;
  /** results of the link check by URL; undefined when the link check is off */
  links: ReadonlyMap<string, LinkResult> | undefined;
  /** service id → ids of its probable duplicates in other sources */
  duplicates: ReadonlyMap<string, string[]>;
}

/** null: the rule does not apply to this record; otherwise passed, or failed with details. */
export type RuleOutcome = null | { pass: true } | { pass: false; details: Record<string, string | number | boolean | null> };

export interface Rule<R extends AuditRecord = AuditRecord> {
  id: string;
  severity: Severity;
  entity: R['entity'];
  /** 'source': fixed where the record comes from (PTV for PTV records); 'tarjotin': always here */
  fixIn: 'source' | 'tarjotin';
  /** a number a region may change, with its unit for the settings page */
  threshold?: { default: number; unit: 'characters' | 'months' };
  check(record: R, context: RuleContext): RuleOutcome;
}

export interface Finding {
  ruleId: string;
  entity: AuditEntity;
  entityId: string;
  organisationId: string | null;
  source: string;
  severity: Severity;
  municipalityCodes: string[];
  regionCodes: string[];
  details: Record<string, string | number | boolean | null>;
}

/** A region's choice for one rule (no setting: enabled, default threshold). */
export interface RuleSetting {
  ruleId: string;
  enabled: boolean;
  threshold: number | null;
}
