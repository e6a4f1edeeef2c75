/**
 * Resident pages. Every tray page exists nationally (/fi/search) and per region
 * (/fi/pirkanmaa/search); a host name can also select a region (REGION_HOSTS).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import type { App } from '../../platform/http.ts';
import { isLanguage, textOf } from '../../platform/localised.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { requestLanguage } from '../../platform/page-context.ts';
import { ActivityPage } from './activity.views.tsx';
import { HomePage } from './home.views.tsx';
import { OrganisationPage } from './organisation.views.tsx';
import { ResultsPage } from './results.views.tsx';
import { parseSelfCheck } from './self-check.ts';
import { SelfCheckPage } from './self-check.views.tsx';
import { parseTrayFilters, trayQueryString, type RawQuery } from './tray-filters.ts';
import { mapContentSecurityPolicy } from './web.csp.ts';
import type { TrayProps } from './web.components.tsx';
import { getActivity, getOrganisationWithActivities, hasCalendar, openTray, searchTray, suggestActivities, type RegionScope } from './web.service.ts';

export interface WebDeps extends Deps {
  pages: PageKit;
}

export const TrayParams = Type.Object({
  lang: Type.String({ maxLength: 10 }),
  region: Type.Optional(Type.String({ maxLength: 60 })),
});

export const ActivityParams = Type.Object({
  lang: Type.String({ maxLength: 10 }),
  region: Type.Optional(Type.String({ maxLength: 60 })),
  id: Type.String({ maxLength: 60 }),
});

const many = Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 40 }));
const one = Type.Optional(Type.String({ maxLength: 100 }));

export const SearchQueryString = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  theme: many,
  group: many,
  region: one,
  municipality: one,
  postalCode: one,
  radius: one,
  free: one,
  kaikukortti: one,
  language: one,
  access: many,
  day: many,
  time: many,
  age: one,
  sort: one,
  page: one,
});

const SelfCheckQueryString = Type.Object({
  interest: many,
  need: many,
  forWhom: one,
  when: many,
  cost: one,
  postalCode: one,
});

/** Both the national and the regional path of a tray page. */
export const trayPaths = (path: string) => [`/:lang${path}`, `/:lang/:region${path}`];

export interface TrayRequest extends TrayProps {
  scope: RegionScope | undefined;
}

/** Language, region and reference data of a tray request, and its page context. */
export async function enterTray(deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<TrayRequest> {
  const params = request.params as { lang: string; region?: string };
  if (!isLanguage(params.lang)) throw new NotFoundError('page');
  const lang = params.lang;
  const { scope, reference } = await openTray(deps, { slug: params.region, host: request.host });
  const region = scope
    ? { code: scope.region.code, slug: scope.region.slug, name: textOf(scope.region.name, lang), colour: scope.region.colour }
    : undefined;
  const ctx: PageContext = await deps.pages.context(request, reply, region ? { region } : {});
  // A region served on its own host links (QR codes, share links) to that host. Set in place:
  // a copy would read the lazy CSRF token (page-kit) and set the cookie on every page.
  if (scope?.byHost) ctx.publicUrl = `${request.protocol}://${request.host}`;
  const base = scope && !scope.byHost ? `/${lang}/${scope.region.slug}` : `/${lang}`;
  return { ctx, base, reference, scope };
}

export function registerWebRoutes(app: App, deps: WebDeps): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => reply.redirect(`/${requestLanguage(request)}`));

  for (const url of trayPaths('')) {
    app.get(url, { schema: { hide: true, params: TrayParams } }, async (request, reply) => {
      const tray = await enterTray(deps, request, reply);
      return deps.pages.send(reply, HomePage(tray));
    });
  }

  for (const url of trayPaths('/search')) {
    app.get(url, { schema: { hide: true, params: TrayParams, querystring: SearchQueryString } }, async (request, reply) => {
      const tray = await enterTray(deps, request, reply);
      const { filters, errors } = parseTrayFilters(request.query as RawQuery);
      const search = await searchTray(deps, { filters, errors, lang: tray.ctx.lang, regionCode: tray.scope?.region.code });
      const tileUrl = deps.config.mapTileUrl;
      if (tileUrl) reply.header('content-security-policy', mapContentSecurityPolicy(tileUrl));
      return deps.pages.send(
        reply,
        ResultsPage({
          ...tray,
          filters,
          errors: search.errors,
          result: search.result,
          pageUrl: `${tray.ctx.publicUrl}${tray.base}/search${trayQueryString(filters)}`,
          map: tileUrl ? { tileUrl, attribution: deps.config.mapAttribution } : undefined,
        }),
      );
    });
  }

  for (const url of trayPaths('/activities/:id')) {
    app.get(
      url,
      { schema: { hide: true, params: ActivityParams, querystring: Type.Object({ reported: one }) } },
      async (request, reply) => {
        const tray = await enterTray(deps, request, reply);
        const activity = await getActivity(deps, request.params.id);
        const today = localDate(deps.clock());
        return deps.pages.send(
          reply,
          ActivityPage({
            ...tray,
            activity,
            today,
            pageUrl: `${tray.ctx.publicUrl}/${tray.ctx.lang}/activities/${activity.id}`,
            hasCalendar: hasCalendar(activity, today),
            directionsUrl: deps.config.directionsUrl,
            reported: request.query.reported === '1',
          }),
        );
      },
    );
  }

  for (const url of trayPaths('/organisations/:id')) {
    app.get(
      url,
      { schema: { hide: true, params: ActivityParams, querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }) } },
      async (request, reply) => {
        const tray = await enterTray(deps, request, reply);
        const data = await getOrganisationWithActivities(deps, request.params.id, request.query.page ?? 1);
        return deps.pages.send(reply, OrganisationPage({ ...tray, ...data }));
      },
    );
  }

  for (const url of trayPaths('/self-check')) {
    app.get(url, { schema: { hide: true, params: TrayParams, querystring: SelfCheckQueryString } }, async (request, reply) => {
      const tray = await enterTray(deps, request, reply);
      const { answers, errors, answered } = parseSelfCheck(request.query as RawQuery);
      const suggestions = answered
        ? await suggestActivities(deps, { answers, errors, lang: tray.ctx.lang, regionCode: tray.scope?.region.code })
        : undefined;
      return deps.pages.send(reply, SelfCheckPage({ ...tray, answers, errors: suggestions?.errors ?? errors, suggestions }));
    });
  }
}
