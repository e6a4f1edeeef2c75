/**
 * Referral pages (professional, provider, coordinator) and the JSON API under /api/referrals
 * (signed-in session). Every page works without JavaScript; forms carry the CSRF token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { currentActor, requireRole, type Actor } from '../auth/index.ts';
import { getPlan, type Instrument } from '../guidance/index.ts';
import { referralKeysFor } from './referrals.crypto.ts';
import { registerReferralFhirRoutes } from './referrals.fhir.routes.ts';
import { listScope, canRecordFollowUp, canWithdrawConsent } from './referrals.policy.ts';
import { getReferral, listReferrals, referralForFollowUp, nextStatuses, recordFollowUp, referralOptions, sendReferral, transitionReferral, withdrawConsent, type ReferralDeps, type ReferralListView } from './referrals.service.ts';
import { accessLogCsv, exportPersonAccessLog, readAccessLog, referralStatisticsFor } from './referrals.access.service.ts';
import type { Navigation } from './referrals-layout.tsx';
import { NewReferralPage, ReferralListPage, ReferralPage } from './referrals.views.tsx';
import { AccessLogPage, FollowUpPage } from './follow-up.views.tsx';
import type { ReferralDetail } from './referrals.types.ts';

export interface ReferralRouteDeps extends ReferralDeps {
  pages: PageKit;
  instruments: readonly Instrument[];
  onMessageQueued?: () => void;
}

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const IdParams = Type.Object({ lang: Lang, id: Type.String({ maxLength: 64 }) });
const ApiIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const As = Type.Union([Type.Literal('referrer'), Type.Literal('provider'), Type.Literal('coordinator')]);
const View = Type.Union([Type.Literal('new'), Type.Literal('active'), Type.Literal('follow-up'), Type.Literal('closed'), Type.Literal('all')]);
const List = Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })]);
const NewBody = Type.Object({
  sessionId: Type.String({ maxLength: 64 }),
  serviceId: Type.String({ maxLength: 64, default: '' }),
  name: Type.String({ maxLength: 200, default: '' }),
  phone: Type.String({ maxLength: 40, default: '' }),
  email: Type.String({ maxLength: 200, default: '' }),
  clientLanguage: Type.String({ maxLength: 2, default: 'fi' }),
  needCodes: Type.Optional(List),
  note: Type.String({ maxLength: 4000, default: '' }),
  consent: Type.String({ maxLength: 3, default: '' }),
  consentGivenBy: Type.String({ maxLength: 20, default: '' }),
});
const StatusBody = Type.Object({ to: Type.String({ maxLength: 30 }), reason: Type.Optional(Type.String({ maxLength: 30 })), expectedStatus: Type.Optional(Type.String({ maxLength: 30 })) });

const anyReferralRole = requireRole('professional', 'provider', 'coordinator');
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const actorOf = (request: FastifyRequest): Actor => currentActor(request)!;

function navigationOf(actor: Actor): Navigation {
  const scope = listScope(actor);
  return { inbox: scope.providing.length > 0, sent: scope.referring.length > 0, region: scope.regions.length > 0, access: scope.regions.length > 0 };
}

function defaultAs(actor: Actor): 'referrer' | 'provider' | 'coordinator' {
  const nav = navigationOf(actor);
  return nav.inbox ? 'provider' : nav.sent ? 'referrer' : 'coordinator';
}

/** The detail as JSON (the person's data included: the read is logged like a page view). */
function referralJson(detail: ReferralDetail) {
  return { ...detail, createdAt: detail.createdAt.toISOString(), updatedAt: detail.updatedAt.toISOString() };
}

export function registerReferralRoutes(app: App, deps: ReferralRouteDeps): void {
  // Production without keys stops the start here, with the variable named.
  if (deps.config.env === 'production') referralKeysFor(deps.config);
  registerReferralFhirRoutes(app, deps);
  const ons4 = () => deps.instruments.find((i) => i.id === 'ons4') ?? deps.instruments[0];

  app.get('/:lang/referrals', { schema: { hide: true, params: LangParams, querystring: Type.Object({ as: Type.Optional(As), view: Type.Optional(View) }) }, preHandler: anyReferralRole }, async (request, reply) => {
    const actor = actorOf(request);
    const as = request.query.as ?? defaultAs(actor);
    const view: ReferralListView = request.query.view ?? (as === 'provider' ? 'new' : 'all');
    const ctx = await deps.pages.context(request, reply);
    const statistics = as === 'coordinator' && navigationOf(actor).region ? await referralStatisticsFor(deps, actor) : undefined;
    return deps.pages.send(reply, ReferralListPage({ ctx, nav: navigationOf(actor), as, view, referrals: await listReferrals(deps, actor, { as, view }), statistics }));
  });

  async function renderNew(request: FastifyRequest, reply: FastifyReply, sessionId: string, values: Record<string, string | string[]>, errors?: Record<string, string>) {
    const actor = actorOf(request);
    const plan = await getPlan(deps, actor, sessionId);
    const ctx = await deps.pages.context(request, reply);
    const options = await referralOptions(deps, plan.activities.map((a) => a.service.id));
    return deps.pages.send(
      reply,
      NewReferralPage({ ctx, nav: navigationOf(actor), sessionId, options, needCodes: plan.session.needAreas, values, ...(errors ? { errors } : {}) }),
      errors ? 400 : 200,
    );
  }

  app.get('/:lang/referrals/new', { schema: { hide: true, params: LangParams, querystring: Type.Object({ session: Type.String({ maxLength: 64 }), service: Type.Optional(Type.String({ maxLength: 64 })) }) }, preHandler: requireRole('professional') }, async (request, reply) =>
    renderNew(request, reply, request.query.session, request.query.service ? { serviceId: request.query.service } : {}),
  );

  app.post('/:lang/referrals', { schema: { hide: true, params: LangParams, body: NewBody }, preHandler: requireRole('professional') }, async (request, reply) => {
    const body = request.body;
    try {
      const id = await sendReferral(deps, actorOf(request), { ...body, needCodes: list(body.needCodes), consent: body.consent === 'yes' });
      deps.onMessageQueued?.();
      return reply.redirect(`/${request.params.lang}/referrals/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderNew(request, reply, body.sessionId, { ...body, needCodes: list(body.needCodes) }, error.fields);
      throw error;
    }
  });

  async function renderDetail(request: FastifyRequest, reply: FastifyReply, id: string, errors?: Record<string, string>) {
    const actor = actorOf(request);
    const referral = await getReferral(deps, actor, id);
    reply.header('cache-control', 'no-store');
    const ctx = await deps.pages.context(request, reply);
    const scope = { referringOrganisationId: referral.referringOrganisationId, providerOrganisationId: referral.providerOrganisationId, regionCode: referral.regionCode };
    return deps.pages.send(
      reply,
      ReferralPage({ ctx, nav: navigationOf(actor), referral, next: nextStatuses(actor, { ...scope, status: referral.status }), canWithdraw: canWithdrawConsent(actor, scope), canFollowUp: canRecordFollowUp(actor, scope), ...(errors ? { errors } : {}) }),
      errors ? 400 : 200,
    );
  }

  app.get('/:lang/referrals/:id', { schema: { hide: true, params: IdParams }, preHandler: anyReferralRole }, async (request, reply) => renderDetail(request, reply, request.params.id));

  app.post('/:lang/referrals/:id/status', { schema: { hide: true, params: IdParams, body: StatusBody }, preHandler: anyReferralRole }, async (request, reply) => {
    try {
      await transitionReferral(deps, actorOf(request), request.params.id, request.body);
      deps.onMessageQueued?.();
    } catch (error) {
      if (error instanceof ValidationError) return renderDetail(request, reply, request.params.id, error.fields.reason ? { [`reason-${request.body.to}`]: error.fields.reason } : error.fields);
      throw error;
    }
    return reply.redirect(`/${request.params.lang}/referrals/${request.params.id}`, 303);
  });

  app.post('/:lang/referrals/:id/consent/withdraw', { schema: { hide: true, params: IdParams }, preHandler: requireRole('professional', 'coordinator') }, async (request, reply) => {
    await withdrawConsent(deps, actorOf(request), request.params.id);
    return reply.redirect(`/${request.params.lang}/referrals/${request.params.id}`, 303);
  });

  async function renderFollowUp(request: FastifyRequest, reply: FastifyReply, id: string, values: Record<string, string>, errors?: Record<string, string>) {
    const actor = actorOf(request);
    const referral = await referralForFollowUp(deps, actor, id);
    reply.header('cache-control', 'no-store');
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, FollowUpPage({ ctx, nav: navigationOf(actor), referral, instrument: ons4(), values, ...(errors ? { errors } : {}) }), errors ? 400 : 200);
  }

  app.get('/:lang/referrals/:id/follow-up', { schema: { hide: true, params: IdParams }, preHandler: anyReferralRole }, async (request, reply) => renderFollowUp(request, reply, request.params.id, {}));

  app.post(
    '/:lang/referrals/:id/follow-up',
    { schema: { hide: true, params: IdParams, body: Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 })) }, preHandler: anyReferralRole },
    async (request, reply) => {
      const body = request.body;
      const answers = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('item-')).map(([k, v]) => [k.slice(5), v]));
      try {
        await recordFollowUp(deps, actorOf(request), request.params.id, { outcome: body.outcome ?? '', instrument: ons4(), answers });
      } catch (error) {
        if (error instanceof ValidationError) return renderFollowUp(request, reply, request.params.id, body, error.fields);
        throw error;
      }
      return reply.redirect(`/${request.params.lang}/referrals/${request.params.id}`, 303);
    },
  );

  app.get('/:lang/referrals/access-log', { schema: { hide: true, params: LangParams }, preHandler: requireRole('coordinator') }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, AccessLogPage({ ctx, nav: navigationOf(actor), entries: await readAccessLog(deps, actor) }));
  });

  app.post(
    '/:lang/referrals/access-log/export',
    { schema: { hide: true, params: LangParams, body: Type.Object({ email: Type.String({ maxLength: 200, default: '' }), phone: Type.String({ maxLength: 40, default: '' }), format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }) }) }, preHandler: requireRole('coordinator') },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        const result = await exportPersonAccessLog(deps, actor, request.body);
        reply.header('cache-control', 'no-store');
        if (request.body.format === 'csv') {
          return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="access-log.csv"').send(accessLogCsv(result.entries));
        }
        return reply.type('application/json; charset=utf-8').header('content-disposition', 'attachment; filename="access-log.json"').send(JSON.stringify(result, null, 2));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const ctx = await deps.pages.context(request, reply);
        return deps.pages.send(reply, AccessLogPage({ ctx, nav: navigationOf(actor), entries: await readAccessLog(deps, actor), errors: error.fields, values: request.body }), 400);
      }
    },
  );

  // JSON API for the same use cases (session sign-in; 401 without it).
  app.get('/api/referrals', { schema: { hide: true, querystring: Type.Object({ as: Type.Optional(As), view: Type.Optional(View) }) }, preHandler: anyReferralRole }, async (request) => {
    const actor = actorOf(request);
    return { referrals: await listReferrals(deps, actor, { as: request.query.as ?? defaultAs(actor), view: request.query.view ?? 'all' }) };
  });

  app.get('/api/referrals/:id', { schema: { hide: true, params: ApiIdParams }, preHandler: anyReferralRole }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return referralJson(await getReferral(deps, actorOf(request), request.params.id));
  });

  app.post('/api/referrals/:id/status', { schema: { hide: true, params: ApiIdParams, body: StatusBody }, preHandler: anyReferralRole }, async (request, reply) => {
    // /api is outside the CSRF check: only JSON (which a cross-site form cannot send) changes a referral here.
    if (!/^application\/json/.test(request.headers['content-type'] ?? '')) return reply.status(415).send({ error: 'unsupported_media_type', message: 'send application/json' });
    const status = await transitionReferral(deps, actorOf(request), request.params.id, request.body);
    deps.onMessageQueued?.();
    return { id: request.params.id, status };
  });
}
