/** Messages built from codes (rule ids, severities, …) exist in fi, sv and en. */
import { describe, expect, it } from 'vitest';
import { catalogueDifferences } from '../../platform/i18n.ts';
import { qualityMessages } from './quality.messages.ts';
import { rules } from './quality.rules.ts';
import { auditEntities, severities } from './quality.types.ts';

describe('quality messages', () => {
  it('has the same keys in fi, sv and en', () => {
    expect(catalogueDifferences(qualityMessages)).toEqual([]);
  });

  it('names every rule, severity, entity, place to fix, trigger, status and threshold unit', () => {
    const keys = [
      ...rules.flatMap((rule) => [`quality.rule.${rule.id}.title`, `quality.rule.${rule.id}.fix`]),
      ...severities.map((s) => `quality.severity.${s}`),
      ...auditEntities.map((e) => `quality.entity.${e}`),
      ...['ptv', 'tarjotin', 'source'].map((w) => `quality.where.${w}`),
      ...['cli', 'schedule', 'page'].map((t) => `quality.trigger.${t}`),
      ...['running', 'completed', 'failed'].map((s) => `quality.status.${s}`),
      ...[...new Set(rules.flatMap((rule) => (rule.threshold ? [rule.threshold.unit] : [])))].map((u) => `quality.rules.unit.${u}`),
    ];
    for (const lang of ['fi', 'sv', 'en'] as const) expect(keys.filter((key) => !qualityMessages[lang][key])).toEqual([]);
  });

});
