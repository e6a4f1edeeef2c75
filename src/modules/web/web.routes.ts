/** Resident pages. */
import { Type } from 'typebox';
import { getTaxonomies } from '../catalog/index.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import type { I18n } from '../../platform/i18n.ts';
import { createPageContext, requestLanguage } from '../../platform/page-context.ts';
import { HomePage } from './web.views.tsx';

export interface WebDeps extends Deps {
  i18n: I18n;
}

const LangParams = Type.Object({ lang: Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]) });

export function registerWebRoutes(app: App, deps: WebDeps): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => reply.redirect(`/${requestLanguage(request)}`));

  app.get('/:lang', { schema: { hide: true, params: LangParams } }, async (request, reply) => {
    const ctx = createPageContext(request, deps.i18n, deps.config.publicUrl);
    const { themes } = await getTaxonomies(deps);
    return reply.type('text/html; charset=utf-8').send(HomePage({ ctx, themes }).value);
  });
}
