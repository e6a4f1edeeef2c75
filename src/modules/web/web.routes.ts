/** Resident pages. */
import { Type } from 'typebox';
import { getTaxonomies } from '../catalog/index.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { requestLanguage } from '../../platform/page-context.ts';
import { HomePage } from './web.views.tsx';

export interface WebDeps extends Deps {
  pages: PageKit;
}

const LangParams = Type.Object({ lang: Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]) });

export function registerWebRoutes(app: App, deps: WebDeps): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => reply.redirect(`/${requestLanguage(request)}`));

  app.get('/:lang', { schema: { hide: true, params: LangParams } }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    const { themes } = await getTaxonomies(deps);
    return deps.pages.send(reply, HomePage({ ctx, themes }));
  });
}
