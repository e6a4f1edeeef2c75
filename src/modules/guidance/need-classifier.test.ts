import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataSkip, sharedPath } from '../../../test/support/shared-data.ts';
import { needAreasOfService, needAreasOfText, textWords } from './need-classifier.ts';
import { needAreaCodes, needAreas } from './need-areas.ts';
import { evaluateNeedClassification } from './need-evaluation.ts';

describe('service → need area classification', () => {
  it('finds need areas in Finnish compounds, Swedish and English', () => {
    expect(needAreasOfText('Velkaneuvonta ja talousneuvonta')).toContain('money');
    expect(needAreasOfText('Ruoka-apu ja yhteinen lounas')).toContain('food');
    expect(needAreasOfText('Omaishoitajien vertaisryhmä')).toEqual(expect.arrayContaining(['caring', 'loneliness']));
    expect(needAreasOfText('Gruppmotion för seniorer')).toContain('exercise');
    expect(needAreasOfText('Debt advice and budgeting help')).toContain('money');
    expect(needAreasOfText('Mielenkiintoinen luento')).not.toContain('mental_wellbeing');
    expect(textWords('Ruoka-apu')).toEqual(['ruoka', 'apu', 'ruokaapu']);
  });

  it('tells whether a service meets a need by its theme, its target group or its words', () => {
    expect(needAreasOfService({ themes: ['exercise'], targetGroups: ['families'], text: 'Perheliikunta' })).toEqual([
      { code: 'exercise', by: ['theme', 'text'] },
      { code: 'family', by: ['target_group', 'text'] },
    ]);
  });

  it('has labels in three languages and a way to be met for every need area', () => {
    expect(needAreas.map((a) => a.code)).toEqual([...needAreaCodes]);
    for (const area of needAreas) {
      expect(area.label.fi && area.label.sv && area.label.en).toBeTruthy();
      expect(area.themes.length + area.targetGroups.length).toBeGreaterThan(0);
      expect(area.words.fi.length).toBeGreaterThan(0);
    }
  });

  it('counts precision and recall per need area', () => {
    const result = evaluateNeedClassification([
      { id: '1', source: 't', name: 'Velkaneuvonta', summary: '', dimensions: ['raha-asiat'] },
      { id: '2', source: 't', name: 'Talousneuvonta', summary: '', dimensions: [] },
      { id: '3', source: 't', name: 'Kela', summary: 'Toimeentulotuki', dimensions: ['raha-asiat'] },
      { id: '4', source: 't', name: 'Kirjasto', summary: '', dimensions: ['raha-asiat'] },
    ]);
    expect(result.areas.find((a) => a.needArea === 'money')).toMatchObject({ support: 3, predicted: 3, truePositives: 2 });
  });
});

describe.skipIf(sharedDataSkip !== undefined)(`need classification on AuroraAI-labelled PTV services${sharedDataSkip ? ` (${sharedDataSkip})` : ''}`, () => {
  it('keeps its measured precision and recall on the well-being services (regression guard for the word lists)', async () => {
    const dir = sharedPath('data/ptv/auroraai-wellbeing-labelled-services');
    expect(existsSync(dir)).toBe(true);
    const { readLabelledServices } = await import('../../../scripts/eval-needs.ts');
    const { services } = readLabelledServices(dir);
    expect(services.length).toBeGreaterThan(1400);
    const wellBeing = evaluateNeedClassification(services.filter((s) => s.dimensions.length > 0));
    expect(wellBeing.micro.precision).toBeGreaterThan(0.6);
    expect(wellBeing.micro.recall).toBeGreaterThan(0.38);
  });
});
