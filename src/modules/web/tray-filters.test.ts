import { describe, expect, it } from 'vitest';
import { parseTrayFilters, toSearchQuery, trayQueryString } from './tray-filters.ts';

describe('the results page filters', () => {
  it('reads a form, drops unknown values and round-trips to a stable query string', () => {
    const { filters, errors } = parseTrayFilters({
      q: '  jumppa   seniorit ',
      theme: ['exercise', 'bogus', 'exercise'],
      group: 'older_people',
      municipality: '837',
      free: '1',
      day: ['3', '1', '9'],
      time: ['evening', 'midnight'],
      access: 'step_free',
      sort: 'soonest',
      page: '2',
      utm_source: 'x',
    } as never);
    expect(errors).toEqual([]);
    expect(filters).toMatchObject({ text: 'jumppa seniorit', themes: ['exercise'], targetGroups: ['older_people'], weekdays: [1, 3], times: ['evening'], free: true, page: 2 });
    expect(trayQueryString(filters)).toBe('?q=jumppa+seniorit&theme=exercise&group=older_people&municipality=837&free=1&access=step_free&day=1&day=3&time=evening&sort=soonest&page=2');
    expect(parseTrayFilters(Object.fromEntries(new URLSearchParams(trayQueryString(filters)))).filters.text).toBe('jumppa seniorit');
  });

  it('names malformed postal codes, ages and over-long text as field errors', () => {
    const { errors } = parseTrayFilters({ postalCode: '331', age: 'old', q: 'x'.repeat(501) });
    expect(errors.map((e) => e.field).sort()).toEqual(['age', 'postalCode', 'q']);
  });

  it('searches within the region of a region page and measures distance only from a valid postal code', () => {
    const { filters } = parseTrayFilters({ region: '01', postalCode: '33100', radius: '10', sort: 'distance' });
    expect(toSearchQuery(filters, 'fi', { regionCode: '08' })).toMatchObject({ regionCode: '08', near: { postalCode: '33100', radiusKm: 10 }, sort: 'distance', pageSize: 20 });
    const invalid = parseTrayFilters({ postalCode: '3', sort: 'distance' }).filters;
    expect(toSearchQuery(invalid, 'fi')).toMatchObject({ sort: 'relevance' });
    expect(toSearchQuery(invalid, 'fi').near).toBeUndefined();
  });
});
