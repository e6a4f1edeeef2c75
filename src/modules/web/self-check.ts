/**
 * "What would do you good?": a light, non-diagnostic self-check. A few questions about
 * interests, needs, who it is for, when and cost become search filters. Nothing is stored: the
 * answers travel in the URL of the suggestions page only. Pure functions.
 */
import type { TimeOfDay } from '../search/index.ts';
import { emptyFilters, type FieldError, type RawQuery, type TrayFilters } from './tray-filters.ts';

/** Interests and their themes. */
export const interestOptions = {
  move: ['exercise'],
  nature: ['nature'],
  culture: ['culture'],
  hobbies: ['hobbies'],
  company: ['meeting_places'],
  talk: ['mental_wellbeing', 'peer_support'],
  learn: ['learning_work', 'digital_support'],
  help_others: ['volunteering'],
} as const satisfies Record<string, readonly string[]>;

/** Everyday needs and their themes. */
export const needOptions = {
  money_housing: ['everyday_support'],
  food: ['nutrition'],
  health_habits: ['health_advice'],
  digital: ['digital_support'],
  substances: ['substance_use'],
  peer: ['peer_support'],
} as const satisfies Record<string, readonly string[]>;

/** Who the activity is for, and the target group. */
export const forWhomOptions = {
  me: [],
  older: ['older_people'],
  young: ['young_people'],
  family: ['families'],
  carer: ['carers'],
  disability: ['people_with_disabilities'],
  new_in_finland: ['immigrants'],
} as const satisfies Record<string, readonly string[]>;

export const whenOptions = {
  weekday_daytime: { days: [1, 2, 3, 4, 5], times: ['morning', 'afternoon'] },
  weekday_evening: { days: [1, 2, 3, 4, 5], times: ['evening'] },
  weekend: { days: [6, 7], times: [] },
} as const satisfies Record<string, { days: readonly number[]; times: readonly TimeOfDay[] }>;

export const costOptions = ['any', 'free', 'kaikukortti'] as const;

export type Interest = keyof typeof interestOptions;
export type Need = keyof typeof needOptions;
export type ForWhom = keyof typeof forWhomOptions;
export type When = keyof typeof whenOptions;
export type Cost = (typeof costOptions)[number];

export interface SelfCheckAnswers {
  interests: Interest[];
  needs: Need[];
  forWhom: ForWhom;
  when: When[];
  cost: Cost;
  postalCode: string;
}

const values = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);

function pick<K extends string>(allowed: Record<K, unknown> | readonly K[], raw: string | string[] | undefined): K[] {
  const keys: readonly string[] = Array.isArray(allowed) ? allowed : Object.keys(allowed);
  return [...new Set(values(raw).filter((v) => keys.includes(v)))] as K[];
}

export function parseSelfCheck(query: RawQuery): { answers: SelfCheckAnswers; errors: FieldError[]; answered: boolean } {
  const errors: FieldError[] = [];
  const postalCode = (values(query.postalCode)[0] ?? '').replace(/\s/g, '');
  if (postalCode !== '' && !/^\d{5}$/.test(postalCode)) errors.push({ field: 'postalCode', key: 'web.search.error.postalCodeFormat' });
  const answers: SelfCheckAnswers = {
    interests: pick(interestOptions, query.interest),
    needs: pick(needOptions, query.need),
    forWhom: pick(forWhomOptions, query.forWhom)[0] ?? 'me',
    when: pick(whenOptions, query.when),
    cost: pick(costOptions, query.cost)[0] ?? 'any',
    postalCode,
  };
  const answered = ['interest', 'need', 'forWhom', 'when', 'cost', 'postalCode'].some((k) => values(query[k]).length > 0);
  return { answers, errors, answered };
}

/** The search filters the answers suggest. */
export function selfCheckFilters(answers: SelfCheckAnswers): TrayFilters {
  const filters = emptyFilters();
  const themes = [
    ...answers.interests.flatMap((i) => interestOptions[i]),
    ...answers.needs.flatMap((n) => needOptions[n]),
  ];
  filters.themes = [...new Set(themes)];
  filters.targetGroups = [...forWhomOptions[answers.forWhom]];
  filters.weekdays = [...new Set(answers.when.flatMap((w) => whenOptions[w].days))].sort();
  // Weekend mornings and evenings are both fine: time of day only narrows weekdays-only answers.
  filters.times = answers.when.includes('weekend') ? [] : [...new Set(answers.when.flatMap((w) => whenOptions[w].times))];
  filters.free = answers.cost === 'free';
  filters.kaikukortti = answers.cost === 'kaikukortti';
  if (/^\d{5}$/.test(answers.postalCode)) {
    filters.postalCode = answers.postalCode;
    filters.sort = 'distance';
  }
  return filters;
}

/**
 * Looser versions of the filters to try, in order, when the strict ones find nothing: first
 * without the time, then without the target group, then without the cost. Each comes with the
 * message key that tells the resident what was left out.
 */
export function relaxations(filters: TrayFilters): { filters: TrayFilters; key: string }[] {
  const steps: { filters: TrayFilters; key: string }[] = [];
  let current = filters;
  if (current.weekdays.length || current.times.length) {
    current = { ...current, weekdays: [], times: [] };
    steps.push({ filters: current, key: 'web.selfCheck.relaxed.when' });
  }
  if (current.targetGroups.length) {
    current = { ...current, targetGroups: [] };
    steps.push({ filters: current, key: 'web.selfCheck.relaxed.forWhom' });
  }
  if (current.free || current.kaikukortti) {
    current = { ...current, free: false, kaikukortti: false };
    steps.push({ filters: current, key: 'web.selfCheck.relaxed.cost' });
  }
  return steps;
}
