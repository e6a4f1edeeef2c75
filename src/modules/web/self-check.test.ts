import { describe, expect, it } from 'vitest';
import { parseSelfCheck, relaxations, selfCheckFilters } from './self-check.ts';

describe('the self-check', () => {
  it('turns interests, needs, who it is for, when and cost into search filters', () => {
    const { answers, answered } = parseSelfCheck({ interest: ['move', 'talk', 'bogus'], need: 'food', forWhom: 'carer', when: ['weekday_evening'], cost: 'free', postalCode: '33100' });
    expect(answered).toBe(true);
    expect(selfCheckFilters(answers)).toMatchObject({
      themes: ['exercise', 'mental_wellbeing', 'peer_support', 'nutrition'],
      targetGroups: ['carers'],
      weekdays: [1, 2, 3, 4, 5],
      times: ['evening'],
      free: true,
      postalCode: '33100',
      sort: 'distance',
    });
  });

  it('does not narrow weekends by time of day, and an empty form is not an answer', () => {
    const { answers } = parseSelfCheck({ when: ['weekday_daytime', 'weekend'] });
    expect(selfCheckFilters(answers)).toMatchObject({ weekdays: [1, 2, 3, 4, 5, 6, 7], times: [] });
    expect(parseSelfCheck({}).answered).toBe(false);
  });

  it('loosens the time first, then who it is for, then the cost', () => {
    const { answers } = parseSelfCheck({ forWhom: 'older', when: 'weekend', cost: 'kaikukortti' });
    expect(relaxations(selfCheckFilters(answers)).map((step) => step.key)).toEqual([
      'web.selfCheck.relaxed.when',
      'web.selfCheck.relaxed.forWhom',
      'web.selfCheck.relaxed.cost',
    ]);
  });
});
