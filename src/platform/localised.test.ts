import { describe, expect, it } from 'vitest';
import { cleanLocalised, fallbackOrder, pickText, textOf } from './localised.ts';

describe('localised text', () => {
  it('shows the requested language when present', () => {
    expect(pickText({ fi: 'Uinti', sv: 'Simning', en: 'Swimming' }, 'sv')).toEqual({ text: 'Simning', lang: 'sv', fallback: false });
  });

  it('falls back requested → fi → sv → en and marks the shown language', () => {
    expect(fallbackOrder('en')).toEqual(['en', 'fi', 'sv']);
    expect(fallbackOrder('sv')).toEqual(['sv', 'fi', 'en']);
    expect(pickText({ sv: 'Simning', en: 'Swimming' }, 'fi')).toEqual({ text: 'Simning', lang: 'sv', fallback: true });
    expect(pickText({ fi: 'Uinti', en: 'Swimming' }, 'sv')).toEqual({ text: 'Uinti', lang: 'fi', fallback: true });
    expect(pickText({ en: 'Swimming' }, 'sv')).toEqual({ text: 'Swimming', lang: 'en', fallback: true });
  });

  it('treats blank text as missing and never returns an empty string as a shown text', () => {
    expect(pickText({ fi: '   ', sv: 'Simning' }, 'fi')).toEqual({ text: 'Simning', lang: 'sv', fallback: true });
    expect(pickText({ fi: '' }, 'fi')).toBeUndefined();
    expect(pickText(null, 'fi')).toBeUndefined();
    expect(textOf({}, 'en')).toBe('');
  });

  it('cleans input to the three languages and trims', () => {
    expect(cleanLocalised({ fi: ' a ', sv: '', de: 'x', en: 3 })).toEqual({ fi: 'a' });
  });
});
