/** Every message the providers' code names or builds from codes exists in fi, sv and en. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueDifferences, createI18n } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { uiMessages } from '../../ui/ui.messages.ts';
import { formFieldNames } from './activity-form.ts';
import { fieldLabel } from './providers-layout.tsx';
import { providersMessages } from './providers.messages.ts';

const languages = ['fi', 'sv', 'en'] as const;

describe('providers messages', () => {
  it('has the same keys in fi, sv and en', () => {
    expect(catalogueDifferences(providersMessages)).toEqual([]);
  });

  it('has every key written in the module\'s code (audit action codes aside)', () => {
    const dir = new URL('.', import.meta.url);
    const keys = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts'))) {
      for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(/(?<!action: )'(providers\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(50);
    for (const lang of languages) expect([...keys].filter((key) => !providersMessages[lang][key])).toEqual([]);
  });

  it('names every status, state, history action, decision and form field', () => {
    const built = [
      ...['draft', 'published', 'paused', 'archived'].map((s) => `providers.status.${s}`),
      ...['draft', 'pending', 'returned', 'none'].map((s) => `providers.open.${s}`),
      ...['current', 'reminded', 'out_of_date', 'hidden'].map((s) => `providers.review.${s}`),
      ...['reminded', 'out_of_date', 'hidden'].flatMap((s) => [`providers.reminder.subject.${s}`, `providers.reminder.body.${s}`]),
      ...['created', 'updated', 'submitted', 'approved', 'returned', 'paused', 'published', 'archived', 'reviewed', 'claimed', 'conflict_resolved'].map((a) => `providers.history.action.${a}`),
      ...['pending', 'approved', 'declined'].map((s) => `providers.claim.status.${s}`),
      ...['all', 'new_only', 'none'].map((p) => `providers.moderation.policy.${p}`),
      ...['create', 'update'].map((k) => `providers.moderation.kind.${k}`),
      ...['free', 'fee', 'unknown'].map((c) => `providers.cost.${c}`),
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => `providers.weekday.${d}`),
    ];
    for (const lang of languages) expect(built.filter((key) => !providersMessages[lang][key])).toEqual([]);
    const i18n = createI18n([uiMessages, providersMessages]);
    for (const lang of languages) {
      const ctx = { lang, t: i18n.translator(lang) } as PageContext;
      expect(formFieldNames().filter((field) => fieldLabel(ctx, field).includes('providers.'))).toEqual([]);
    }
  });
});
