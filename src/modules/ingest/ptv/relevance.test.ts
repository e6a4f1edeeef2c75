import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTargetGroupCode, isThemeCode } from '../../catalog/reference/taxonomy.ts';
import { ontologyTermMappings } from './mappings/ontology-terms.ts';
import { findServiceClassMapping, serviceClassMappings } from './mappings/service-classes.ts';
import { ptvLifeEventMappings, ptvTargetGroupMappings } from './mappings/target-groups.ts';
import { matchTextStems, textStemRules } from './mappings/text-stems.ts';
import { relevanceInput } from './ptv.mapper.ts';
import { readService } from './ptv.records.ts';
import { classificationsDir, hasPtvData, loadJson, loadRecord, withPtvData } from './ptv.test-data.ts';
import { classifyRelevance, relevanceInputFromService, type RelevanceInput } from './relevance.ts';

const input = (overrides: Partial<RelevanceInput>): RelevanceInput => ({
  serviceType: 'Service',
  serviceClasses: [],
  ontologyTerms: [],
  targetGroups: ['KR1'],
  lifeEvents: [],
  names: [],
  keywords: [],
  summaries: [],
  ...overrides,
});

function classifyRecord(idPrefix: string) {
  const result = readService(loadRecord('v8', 'services', idPrefix));
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return classifyRelevance(relevanceInput(result.value));
}

describe('the relevance rule', () => {
  it('takes an exercise class in, with the theme and the reason', () => {
    const result = classifyRelevance(input({ serviceClasses: ['P27.1'], targetGroups: ['KR1', 'KR1.1'] }));
    expect(result).toMatchObject({ inTray: true, themes: ['exercise'], targetGroups: ['older_people'] });
    expect(result.decision).toBe('in: service class P27.1 Liikunta ja urheilu');
    expect(result.reasons).toContainEqual(expect.objectContaining({ signal: 'service_class', code: 'P27.1', effect: 'in', themes: ['exercise'] }));
  });

  it('keeps permits and obligations out whatever their classes say', () => {
    const result = classifyRelevance(input({ serviceType: 'PermitOrObligation', serviceClasses: ['P27.1'] }));
    expect(result.inTray).toBe(false);
    expect(result.decision).toBe('out: PTV service type PermitOrObligation: an obligation, not an activity');
  });

  it('keeps services only for businesses or authorities out', () => {
    expect(classifyRelevance(input({ serviceClasses: ['P25'], targetGroups: ['KR2', 'KR3'] })).decision).toBe(
      'out: only for businesses, organisations or authorities',
    );
  });

  it('lets an "out" class outweigh an "in" class, and a precise ontology term outweigh both', () => {
    expect(classifyRelevance(input({ serviceClasses: ['P6.2', 'P25.5'] })).inTray).toBe(false);
    const clubs = classifyRelevance(input({ serviceClasses: ['P6.2'], ontologyTerms: ['http://www.yso.fi/onto/koko/p12427'] }));
    expect(clubs).toMatchObject({ inTray: true, themes: ['hobbies'], decision: 'in: ontology term kerhotoiminta' });
    expect(classifyRelevance(input({ serviceClasses: ['P16.7'], ontologyTerms: ['https://www.yso.fi/onto/koko/p33392'] })).inTray).toBe(false);
  });

  it('vetoes grants by name even under an exercise class', () => {
    const result = classifyRelevance(input({ serviceClasses: ['P27.1'], names: ['Liikunnan kansalaistoiminnan tuki ja avustukset'] }));
    expect(result.inTray).toBe(false);
    expect(result.decision).toBe('out: "avustu" in name: grants and benefits (avustus, kuntalisä)');
  });

  it('uses name stems as a last resort and summaries only for themes', () => {
    expect(classifyRelevance(input({ names: ['Senioreiden vertaisryhmä'] }))).toMatchObject({
      inTray: true,
      themes: ['peer_support'],
      targetGroups: ['older_people'],
    });
    const summaryOnly = classifyRelevance(input({ summaries: ['Tarjoamme liikuntaa ja vertaistukea.'] }));
    expect(summaryOnly).toMatchObject({ inTray: false, themes: ['exercise', 'peer_support'] });
  });

  it('falls back to the parent of a service class added after 2021', () => {
    expect(findServiceClassMapping('P27.9')?.code).toBe('P27');
    expect(classifyRelevance(input({ serviceClasses: ['P27.9'] })).decision).toBe('in: service class P27.9 Liikunta ja ulkoilu (via P27)');
  });

  it('says so when nothing points to well-being', () => {
    expect(classifyRelevance(input({ serviceClasses: ['P5.1'], names: ['Lääkärin vastaanotto'] }))).toMatchObject({
      inTray: false,
      decision: 'out: no well-being signal in service classes, ontology terms or name',
    });
  });
});

describe('text stems match words, not accidents', () => {
  const effects = (text: string) => matchTextStems(text).map(({ rule, stem }) => `${rule.effect}:${stem}`);
  it.each([
    ['Rakennuslupa', ['veto:lupa']],
    ['Naantalin palvelupaikka', []],
    ['School transport', []],
    ['Gymnasieutbildning', []],
    ['Miljöns tillstånd', []],
    ['Parkeringsövervakning', []],
    ['Senioriliikunta', ['in:liikun', 'adds:senior']],
    ['Otava campus', []],
  ])('%s → %j', (text, expected) => {
    expect(effects(text)).toEqual(expected);
  });
});

describe('mapping tables are valid data', () => {
  it('use only our theme and target group codes', () => {
    const rows = [...serviceClassMappings, ...ontologyTermMappings, ...textStemRules, ...ptvTargetGroupMappings, ...ptvLifeEventMappings];
    for (const row of rows) {
      for (const theme of 'themes' in row ? (row.themes ?? []) : []) expect(isThemeCode(theme), theme).toBe(true);
      for (const group of row.targetGroups ?? []) expect(isTargetGroupCode(group), group).toBe(true);
    }
  });

  it('list each code and URI once, every row with a Finnish label', () => {
    const codes = serviceClassMappings.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    const uris = ontologyTermMappings.map((row) => row.uri);
    expect(new Set(uris).size).toBe(uris.length);
    for (const row of [...serviceClassMappings, ...ontologyTermMappings]) expect(row.label.fi).toBeTruthy();
    for (const row of serviceClassMappings) expect(row.verdict !== 'in' || (row.themes ?? []).length > 0, row.code).toBe(true);
  });
});

describe.skipIf(!hasPtvData)(withPtvData('mapping tables against the PTV code lists'), () => {
  it('cover every service class of ptvserclass2 with its fi/sv/en label', () => {
    const codes = (loadJson(join(classificationsDir, 'koodistot-suomi-fi', 'ptv_classes_2023.json')) as {
      results: { codeValue: string; prefLabel: { fi: string; sv: string; en: string } }[];
    }).results;
    expect(codes.length).toBe(228);
    for (const code of codes) {
      const row = serviceClassMappings.find((mapping) => mapping.code === code.codeValue);
      expect(row, code.codeValue).toBeDefined();
      expect(row?.label).toEqual({ fi: code.prefLabel.fi.trim(), sv: code.prefLabel.sv.trim(), en: code.prefLabel.en.trim() });
    }
  });

  it('cover every PTV target group and life event with the code list labels', () => {
    for (const [file, rows] of [
      ['TargetGroups.json', ptvTargetGroupMappings],
      ['LifeEvents.json', ptvLifeEventMappings],
    ] as const) {
      const list = loadJson(join(classificationsDir, file)) as { Notation: string; Label: { Fi: string } }[];
      for (const item of list) expect(rows.find((row) => row.code === item.Notation)?.label.fi, item.Notation).toBe(item.Label.Fi);
    }
  });
});

describe.skipIf(!hasPtvData)(withPtvData('real Vaasa and Naantali services'), () => {
  it.each([
    ['6ccb671f', 'Uimahalli', true, 'exercise'],
    ['bcdde8e9', 'Senioriliikunta', true, 'exercise'],
    ['435f2ae4', 'Kirjastopalvelut', true, 'culture'],
    ['4f328176', 'Kansalaisopisto (Naantali)', true, 'learning_work'],
    ['d14f70fd', 'Lastenneuvolapalvelut', true, 'health_advice'],
    ['307cd174', 'Koulujen kerhotoiminta', true, 'hobbies'],
    ['43c7b15a', 'Talous- ja velkaneuvonta', true, 'everyday_support'],
    ['592ba6cd', 'Rakennuslupa (Naantali)', false, null],
    ['b540c695', 'Rakennuslupa (Vaasa)', false, null],
    ['0d38d2ee', 'Tontit rakentamiseen', false, null],
    ['fb17ba7c', 'Kulttuuriavustukset ja -palkinnot', false, 'culture'],
    ['dc032066', 'Lääkärin ja hoitajan vastaanotto', false, null],
    ['0f97c621', 'Katujen ja yleisten alueiden kunnossapito', false, null],
    ['a683d5eb', 'VTJ-rajapinta (for authorities)', false, null],
  ] as const)('%s %s: in tray %s, theme %s', (idPrefix, _name, inTray, theme) => {
    const result = classifyRecord(idPrefix);
    expect(result.inTray, result.decision).toBe(inTray);
    if (theme) expect(result.themes).toContain(theme);
  });

  it('gives the same answer from a stored record as from the PTV record', () => {
    const raw = loadRecord('v8', 'services', 'bcdde8e9');
    const read = readService(raw);
    if (!read.ok) throw new Error(read.reasons.join('; '));
    const fromPtv = classifyRelevance(relevanceInput(read.value));
    const stored = {
      serviceClasses: read.value.serviceClasses.map((item) => item.code!),
      ontologyTerms: read.value.ontologyTerms.map((item) => item.uri!),
      sourceTargetGroups: read.value.targetGroups.map((item) => item.code!),
      lifeEvents: [],
      name: read.value.names,
      alternativeNames: read.value.alternativeNames,
      keywords: read.value.keywords,
      summary: read.value.summary,
    } as unknown as Parameters<typeof relevanceInputFromService>[0];
    expect(classifyRelevance(relevanceInputFromService(stored, 'Service'))).toEqual(fromPtv);
  });
});
