/**
 * Resident pages beyond browsing: the accessibility statement and feedback, listing error
 * reports, calendar downloads, the embeddable widget, sitemap.xml, robots.txt and the map's
 * Leaflet files (served from the npm package, never from a CDN).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Type } from 'typebox';
import { ValidationError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { isLanguage, languages } from '../../platform/localised.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { AccessibilityPage, ReportPage, emptyForm } from './forms.views.tsx';
import { parseTrayFilters, trayQueryString, type RawQuery } from './tray-filters.ts';
import { widgetContentSecurityPolicy } from './web.csp.ts';
import { reportListingError, submitAccessibilityFeedback } from './web.forms.service.ts';
import { ActivityParams, SearchQueryString, TrayParams, enterTray, trayPaths, type WebDeps } from './web.routes.ts';
import { activityCalendar, getActivity, listTrayPages, searchTray } from './web.service.ts';
import { EmbedPage, WidgetPage } from './widget.views.tsx';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

const FeedbackBody = Type.Object({ message: text(20000), pagePath: text(2000), name: text(1000), email: text(1000) });
const ReportBody = Type.Object({ category: text(100), message: text(20000), email: text(1000) });

const leafletDir = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));

function xmlEscape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function registerWebMoreRoutes(app: App, deps: WebDeps): void {
  app.get('/:lang/accessibility', { schema: { hide: true, params: TrayParams, querystring: Type.Object({ sent: text(5) }) } }, async (request, reply) => {
    const tray = await enterTray(deps, request, reply);
    return deps.pages.send(reply, AccessibilityPage({ ...tray, form: emptyForm, sent: request.query.sent === '1' }));
  });

  app.post('/:lang/accessibility/feedback', { schema: { hide: true, params: TrayParams, body: FeedbackBody } }, async (request, reply) => {
    const tray = await enterTray(deps, request, reply);
    try {
      await submitAccessibilityFeedback(deps, tray.ctx.lang, request.body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = { message: request.body.message ?? '', pagePath: request.body.pagePath ?? '', name: request.body.name ?? '', email: request.body.email ?? '' };
      return deps.pages.send(reply, AccessibilityPage({ ...tray, form: { values, errors: error.fields }, sent: false }), 400);
    }
    return reply.redirect(`/${tray.ctx.lang}/accessibility?sent=1#feedback`, 303);
  });

  for (const url of trayPaths('/activities/:id/report')) {
    app.get(url, { schema: { hide: true, params: ActivityParams } }, async (request, reply) => {
      const tray = await enterTray(deps, request, reply);
      const activity = await getActivity(deps, request.params.id);
      return deps.pages.send(reply, ReportPage({ ...tray, activity, form: emptyForm }));
    });

    app.post(url, { schema: { hide: true, params: ActivityParams, body: ReportBody } }, async (request, reply) => {
      const tray = await enterTray(deps, request, reply);
      try {
        await reportListingError(deps, request.params.id, tray.ctx.lang, request.body);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const activity = await getActivity(deps, request.params.id);
        const values = { category: request.body.category ?? '', message: request.body.message ?? '', email: request.body.email ?? '' };
        return deps.pages.send(reply, ReportPage({ ...tray, activity, form: { values, errors: error.fields } }), 400);
      }
      return reply.redirect(`${tray.base}/activities/${request.params.id}?reported=1`, 303);
    });
  }

  app.get('/:lang/activities/:id/calendar.ics', { schema: { hide: true, params: ActivityParams } }, async (request, reply) => {
    if (!isLanguage(request.params.lang)) throw new NotFoundError('page');
    const calendar = await activityCalendar(deps, request.params.id, request.params.lang);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${calendar.filename}"`)
      .send(calendar.body);
  });

  for (const url of trayPaths('/widget')) {
    app.get(
      url,
      { schema: { hide: true, params: TrayParams, querystring: Type.Object({ ...SearchQueryString.properties, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })), title: text(120) }) } },
      async (request, reply) => {
        const tray = await enterTray(deps, request, reply);
        const { filters, errors } = parseTrayFilters(request.query as RawQuery);
        const search = await searchTray(deps, { filters, errors, lang: tray.ctx.lang, regionCode: tray.scope?.region.code, pageSize: request.query.limit ?? 5 });
        reply.header('content-security-policy', widgetContentSecurityPolicy);
        const title = request.query.title?.trim() || tray.ctx.t('web.widget.title');
        return deps.pages.send(
          reply,
          WidgetPage({ ...tray, result: search.result, title, moreUrl: `${tray.ctx.publicUrl}${tray.base}/search${trayQueryString(filters)}` }),
        );
      },
    );
  }

  for (const url of trayPaths('/embed')) {
    app.get(
      url,
      { schema: { hide: true, params: TrayParams, querystring: Type.Object({ municipality: text(3), theme: text(40), group: text(40), limit: text(2), title: text(120) }) } },
      async (request, reply) => {
        const tray = await enterTray(deps, request, reply);
        const q = request.query;
        const { filters } = parseTrayFilters({ municipality: q.municipality, theme: q.theme, group: q.group });
        const limit = ['3', '5', '10', '20'].includes(q.limit ?? '') ? q.limit! : '5';
        const title = (q.title ?? '').trim();
        const params = new URLSearchParams(trayQueryString(filters));
        params.set('limit', limit);
        if (title) params.set('title', title);
        const values = { municipality: filters.municipalityCode, theme: filters.themes[0] ?? '', group: filters.targetGroups[0] ?? '', limit, title };
        const widgetPath = `${tray.base}/widget?${params.toString()}`;
        return deps.pages.send(reply, EmbedPage({ ...tray, values, widgetPath, widgetUrl: `${tray.ctx.publicUrl}${widgetPath}` }));
      },
    );
  }

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const pages = await listTrayPages(deps);
    const base = deps.config.publicUrl;
    const urls: string[] = [];
    const entry = (path: string, lastmod?: string) =>
      `<url><loc>${xmlEscape(`${base}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
    for (const lang of languages) {
      urls.push(entry(`/${lang}`), entry(`/${lang}/self-check`), entry(`/${lang}/accessibility`));
      for (const service of pages.services) urls.push(entry(`/${lang}/activities/${service.id}`, service.updatedAt));
      for (const organisation of pages.organisations) urls.push(entry(`/${lang}/organisations/${organisation.id}`, organisation.updatedAt));
    }
    return reply
      .type('application/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) => {
    // Result pages are endless combinations of filters: crawlers find activities through the sitemap.
    const lines = [
      'User-agent: *',
      'Disallow: /api/',
      ...languages.flatMap((lang) => [`Disallow: /${lang}/search`, `Disallow: /${lang}/*/search`, `Disallow: /${lang}/widget`, `Disallow: /${lang}/*/widget`]),
      'Disallow: /*/report',
      '',
      `Sitemap: ${deps.config.publicUrl}/sitemap.xml`,
      '',
    ];
    return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
  });

  const leaflet = {
    'leaflet.js': { body: readFileSync(join(leafletDir, 'leaflet.js')), type: 'application/javascript; charset=utf-8' },
    'leaflet.css': { body: readFileSync(join(leafletDir, 'leaflet.css')), type: 'text/css; charset=utf-8' },
  };
  for (const [name, file] of Object.entries(leaflet)) {
    app.get(`/assets/vendor/leaflet/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(file.type).header('cache-control', 'public, max-age=604800, immutable').send(file.body),
    );
  }
}
