/** The pure engine: region settings, severity-weighted scorecards per scope, duplicates, median. */
import { describe, expect, it } from 'vitest';
import { activeRules, evaluate, findProbableDuplicates, median, nameSimilarity } from './quality.engine.ts';
import { rules } from './quality.rules.ts';
import type { AuditService } from './quality.types.ts';

function service(overrides: Partial<AuditService>): AuditService {
  return {
    entity: 'service',
    id: 's1',
    organisationId: 'o1',
    organisationBusinessId: null,
    source: 'ptv',
    name: { fi: 'Senioreiden kuntosali' },
    summary: { fi: 'Ohjattua kuntosaliharjoittelua yli 65-vuotiaille.' },
    description: { fi: 'Ohjattu kuntosaliryhmä kokoontuu maanantaisin. Mukaan pääsee ilmoittautumalla palvelupisteessä; ryhmä on maksuton.' },
    targetGroups: ['older_people'],
    sourceTargetGroups: ['KR1.2'],
    themes: ['exercise'],
    costType: 'free',
    costInfo: {},
    areaType: 'municipalities',
    inTray: true,
    status: 'published',
    modifiedAt: new Date('2026-10-01T00:00:00Z'),
    municipalityCodes: ['837'],
    regionCodes: ['08'],
    locationCount: 1,
    channelCount: 1,
    schedules: [{ kind: 'weekly', validTo: null }],
    ...overrides,
  };
}

const context = { now: new Date('2026-11-28T10:00:00Z'), bilingualMunicipalities: new Set<string>(), links: undefined, duplicates: new Map<string, string[]>() };

describe('the audit engine', () => {
  it('applies region settings: a switched-off rule is left out, a threshold replaces the default', () => {
    const active = activeRules([{ ruleId: 'stale', enabled: false, threshold: null }, { ruleId: 'summary_short', enabled: true, threshold: 60 }]);
    expect(active.map((a) => a.rule.id)).not.toContain('stale');
    expect(active.find((a) => a.rule.id === 'summary_short')?.threshold).toBe(60);
    expect(active.find((a) => a.rule.id === 'description_short')?.threshold).toBe(80);
    expect(activeRules([])).toHaveLength(rules.length);
  });

  it('weights checks by severity in every scope the record belongs to', () => {
    const good = service({});
    // fails name_short (error, 3) and stale (info, 1)
    const bad = service({ id: 's2', organisationId: 'o2', name: { fi: 'X' }, modifiedAt: new Date('2020-01-01T00:00:00Z'), municipalityCodes: ['837', '536'] });
    const active = activeRules([]).filter((a) => ['name_short', 'stale'].includes(a.rule.id));
    const result = evaluate([good, bad], active, context);
    expect(result.findings.map((f) => [f.entityId, f.ruleId, f.severity])).toEqual([
      ['s2', 'name_short', 'error'],
      ['s2', 'stale', 'info'],
    ]);
    const card = (scope: string, code: string) => result.scorecards.find((c) => c.scope === scope && c.code === code);
    expect(card('run', '')).toMatchObject({ records: 2, checks: 4, passed: 2, score: 4 / 8, rules: { name_short: [1, 2], stale: [1, 2] } });
    expect(card('region', '08')).toMatchObject({ records: 2, score: 0.5 });
    expect(card('municipality', '536')).toMatchObject({ records: 1, checks: 2, passed: 0, score: 0 });
    expect(card('organisation', 'o1')).toMatchObject({ records: 1, score: 1 });
  });

  it('finds duplicates only across sources, by name and a shared business ID or municipality', () => {
    const ptv = service({ id: 'a', source: 'ptv', organisationBusinessId: '0209602-6' });
    const manual = service({ id: 'b', source: 'manual', name: { fi: 'SENIOREIDEN kuntosali!' }, organisationId: 'other', organisationBusinessId: '0209602-6', municipalityCodes: ['091'] });
    const sameSource = service({ id: 'c', source: 'ptv' });
    const elsewhere = service({ id: 'd', source: 'csv', organisationId: 'x', municipalityCodes: ['091'] });
    expect(findProbableDuplicates([ptv, manual, sameSource, elsewhere])).toEqual(
      new Map([
        ['a', ['b']],
        ['b', ['a', 'd']],
        ['d', ['b']],
      ]),
    );
  });

  it('also pairs records of the same organisation whose names share most words', () => {
    expect(nameSimilarity('kuntosali senioreille vaasa', 'kuntosali senioreille vaasa keskusta')).toBe(0.75);
    expect(nameSimilarity('senioreiden kuntosali', 'kuntosali senioreille')).toBeCloseTo(1 / 3);
    const ptv = service({ id: 'p', source: 'ptv', name: { fi: 'Kuntosali senioreille, Vaasa' }, organisationId: 'o1', municipalityCodes: ['905'] });
    const csv = service({ id: 'c', source: 'csv', name: { fi: 'Kuntosali senioreille Vaasa keskusta' }, organisationId: 'o1', municipalityCodes: ['905'] });
    const other = service({ id: 'x', source: 'csv', name: { fi: 'Kuntosali senioreille Vaasa keskusta' }, organisationId: 'o2', municipalityCodes: ['905'] });
    expect(findProbableDuplicates([ptv, csv, other])).toEqual(new Map([['p', ['c']], ['c', ['p']]]));
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
