import { describe, expect, it } from 'vitest';
import { shownAgeRange } from './activity.views.tsx';

describe('age range on the activity page', () => {
  it('shows an upper age of 100 or more as no upper limit', () => {
    expect(shownAgeRange(63, 120)).toEqual({ min: 63, max: null });
    expect(shownAgeRange(null, 100)).toEqual({ min: null, max: null });
  });

  it('keeps real upper limits', () => {
    expect(shownAgeRange(7, 12)).toEqual({ min: 7, max: 12 });
    expect(shownAgeRange(null, 29)).toEqual({ min: null, max: 29 });
  });
});
