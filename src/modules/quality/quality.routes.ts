/**
 * Quality pages for coordinators (their regions), admins and providers (their organisation):
 * overview, coverage, worklist (+ CSV), rule settings and run history. Work without JavaScript.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { formatPercent } from './quality-layout.tsx';
import { currentActor, requireRole, type Actor } from '../auth/index.ts';
import { canConfigureRules } from './quality.policy.ts';
import {
  getCoverage,
  getOverview,
  getRuleSettings,
  getWorklist,
  listRunHistory,
  regionMunicipalities,
  regionChoices,
  resolveScope,
  saveRuleSettings,
  startRegionAudit,
  worklistCsv,
  worklistLimit,
  csvLimit,
  type ResolvedScope,
} from './quality.report.service.ts';
import { rules } from './quality.rules.ts';
import { OverviewPage, RunsPage } from './quality.views.tsx';
import { CoveragePage, RuleSettingsPage, WorklistPage } from './worklist.views.tsx';

export interface QualityRouteDeps extends Deps {
  pages: PageKit;
}

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const Region = Type.String({ pattern: '^[0-9]{2}$' });
const ScopeQuery = Type.Object({
  region: Type.Optional(Region),
  organisation: Type.Optional(Type.String({ format: 'uuid' })),
});
const WorklistQuerySchema = Type.Object({
  region: Type.Optional(Region),
  organisation: Type.Optional(Type.String({ format: 'uuid' })),
  rule: Type.Optional(Type.String({ maxLength: 60 })),
  severity: Type.Optional(Type.String({ maxLength: 10 })),
  municipality: Type.Optional(Type.String({ maxLength: 3 })),
  separator: Type.Optional(Type.Union([Type.Literal('semicolon'), Type.Literal('comma')])),
});
const RulesBody = Type.Object({
  region: Region,
  enabled: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 })])),
  ...Object.fromEntries(rules.filter((rule) => rule.threshold).map((rule) => [`threshold-${rule.id}`, Type.Optional(Type.String({ maxLength: 10 }))])),
});

const guard = requireRole('coordinator', 'provider', 'admin');
const actorOf = (request: FastifyRequest): Actor => currentActor(request)!;
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function registerQualityRoutes(app: App, deps: QualityRouteDeps): void {
  async function frame(request: FastifyRequest, reply: Parameters<PageKit['context']>[1], query: { region?: string | undefined; organisation?: string | undefined }) {
    const actor = actorOf(request);
    const [ctx, scope, regions] = await Promise.all([deps.pages.context(request, reply), resolveScope(deps, actor, query), regionChoices(deps, actor)]);
    return { ctx, scope, regions, actor };
  }
  const regionOnly = (scope: ResolvedScope) => {
    if (scope.kind !== 'region') throw new NotFoundError('quality');
    return scope;
  };

  app.get('/:lang/quality', { schema: { hide: true, params: LangParams, querystring: ScopeQuery }, preHandler: guard }, async (request, reply) => {
    const f = await frame(request, reply, request.query);
    return deps.pages.send(reply, OverviewPage({ ...f, ...(await getOverview(deps, f.scope)) }));
  });

  app.get('/:lang/quality/coverage', { schema: { hide: true, params: LangParams, querystring: ScopeQuery }, preHandler: guard }, async (request, reply) => {
    const f = await frame(request, reply, request.query);
    return deps.pages.send(reply, CoveragePage({ ...f, coverage: await getCoverage(deps, regionOnly(f.scope).code) }));
  });

  app.get('/:lang/quality/worklist', { schema: { hide: true, params: LangParams, querystring: WorklistQuerySchema }, preHandler: guard }, async (request, reply) => {
    const f = await frame(request, reply, request.query);
    const { run, rows, total } = await getWorklist(deps, f.scope, request.query);
    const municipalities = f.scope.kind === 'region' ? await regionMunicipalities(deps, f.scope.code) : [];
    const editableOrganisations = actorOf(request).roles.flatMap((grant) => (grant.role === 'provider' && grant.organisationId ? [grant.organisationId] : []));
    return deps.pages.send(reply, WorklistPage({ ...f, rows, total, limit: worklistLimit, query: request.query, municipalities, hasRun: run !== undefined, editableOrganisations }));
  });

  app.get('/:lang/quality/worklist.csv', { schema: { hide: true, params: LangParams, querystring: WorklistQuerySchema }, preHandler: guard }, async (request, reply) => {
    const actor = actorOf(request);
    const scope = await resolveScope(deps, actor, request.query);
    const { rows } = await getWorklist(deps, scope, request.query, csvLimit);
    const lang = request.params.lang;
    const csv = worklistCsv(rows, deps.pages.i18n.translator(lang), lang, request.query.separator === 'comma' ? ',' : ';');
    const name = `tarjotin-worklist-${scope.kind === 'region' ? scope.code : 'organisation'}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
  });

  app.get(
    '/:lang/quality/rules',
    { schema: { hide: true, params: LangParams, querystring: Type.Object({ region: Type.Optional(Region), saved: Type.Optional(Type.String({ maxLength: 1 })) }) }, preHandler: guard },
    async (request, reply) => {
      const f = await frame(request, reply, request.query);
      const scope = regionOnly(f.scope);
      const settings = await getRuleSettings(deps, scope.code);
      return deps.pages.send(reply, RuleSettingsPage({ ...f, settings, canEdit: canConfigureRules(f.actor, scope.code), saved: request.query.saved === '1' }));
    },
  );

  app.post('/:lang/quality/rules', { schema: { hide: true, params: LangParams, body: RulesBody }, preHandler: guard }, async (request, reply) => {
    const body = request.body as Record<string, string | string[] | undefined> & { region: string };
    const thresholds = Object.fromEntries(rules.filter((r) => r.threshold).map((r) => [r.id, String(body[`threshold-${r.id}`] ?? '')]));
    try {
      await saveRuleSettings(deps, actorOf(request), body.region, { enabled: list(body.enabled), thresholds });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const f = await frame(request, reply, { region: body.region });
      const settings = (await getRuleSettings(deps, body.region)).map((s) => ({ ...s, enabled: list(body.enabled).includes(s.id) }));
      const values = Object.fromEntries(Object.entries(thresholds).map(([id, value]) => [`threshold-${id}`, value]));
      return deps.pages.send(reply, RuleSettingsPage({ ...f, settings, canEdit: true, errors: error.fields, values }), 400);
    }
    return reply.redirect(`/${request.params.lang}/quality/rules?region=${body.region}&saved=1`, 303);
  });

  app.get('/:lang/quality/runs', { schema: { hide: true, params: LangParams, querystring: Type.Object({ region: Type.Optional(Region), done: Type.Optional(Type.String({ format: 'uuid' })) }) }, preHandler: guard }, async (request, reply) => {
    const f = await frame(request, reply, request.query);
    const scope = regionOnly(f.scope);
    const runs = await listRunHistory(deps, scope.code);
    const done = runs.find((run) => run.id === request.query.done);
    const notice = done ? f.ctx.t('quality.runs.started', { records: done.records_audited, score: formatPercent(done.score, f.ctx.lang) }) : undefined;
    return deps.pages.send(reply, RunsPage({ ...f, runs, canRun: canConfigureRules(f.actor, scope.code), notice }));
  });

  app.post('/:lang/quality/runs', { schema: { hide: true, params: LangParams, body: Type.Object({ region: Region }) }, preHandler: guard }, async (request, reply) => {
    const { lang } = request.params;
    const result = await startRegionAudit(deps, actorOf(request), request.body.region);
    return reply.redirect(`/${lang}/quality/runs?region=${request.body.region}&done=${result.runId}`, 303);
  });
}
