/** Guidance pages (professional role) and the public client plan behind its QR code. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { currentActor, currentSession, requireRole, type Actor } from '../auth/index.ts';
import { guidanceOrganisations } from './guidance.policy.ts';
import {
  deleteSession,
  getGuidanceSession,
  instrumentsOf,
  listMyGuidanceSessions,
  municipalityOptions,
  recordCheck,
  recordContext,
  sessionFor,
  startGuidanceSession,
  type ContextInput,
  type GuidanceDeps,
} from './guidance.service.ts';
import { ContextPage, GuidanceHomePage, SessionPage, type FormErrors } from './guidance.views.tsx';
import { CheckPage, CheckResultPage } from './check.views.tsx';
import { addToPlan, getPlan, getPublicPlan, planUrl, removeFromPlan, sendPlan } from './plan.service.ts';
import { PlanPage, PublicPlanPage, SuggestionsPage } from './plan.views.tsx';
import { qrSvg } from '../../ui/qr.ts';
import { suggestActivities } from './suggestions.service.ts';

export interface GuidanceRouteDeps extends GuidanceDeps {
  pages: PageKit;
  /** Called after a message was queued (e.g. to send it at once instead of at the next tick). */
  onMessageQueued?: () => void;
}

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const SessionParams = Type.Object({ lang: Lang, id: Type.String({ format: 'uuid' }) });
const List = Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })]);
const ContextBody = Type.Object({
  clientLanguage: Type.String({ maxLength: 2, default: '' }),
  municipalityCode: Type.String({ maxLength: 3, default: '' }),
  postalCode: Type.String({ maxLength: 10, default: '' }),
  ageGroup: Type.String({ maxLength: 20, default: '' }),
  languages: Type.Optional(List),
  mobility: Type.Optional(List),
  budget: Type.String({ maxLength: 20, default: 'any' }),
  needAreas: Type.Optional(List),
});

const guard = requireRole('professional');
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function actorOf(request: FastifyRequest): Actor {
  return currentActor(request)!;
}

async function municipalities(deps: GuidanceRouteDeps) {
  return (await municipalityOptions(deps)).map((m) => ({ ...m, name: m.name as LocalisedText }));
}

export function registerGuidanceRoutes(app: App, deps: GuidanceRouteDeps): void {
  const base = (lang: string, id: string) => `/${lang}/guidance/sessions/${id}`;

  app.get('/:lang/guidance', { schema: { hide: true, params: LangParams }, preHandler: guard }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    const names = currentSession(request)?.organisationNames ?? {};
    const organisations = guidanceOrganisations(actor).map((o) => ({ organisationId: o.organisationId, name: textOf(names[o.organisationId], ctx.lang) || o.organisationId }));
    return deps.pages.send(reply, GuidanceHomePage({ ctx, sessions: await listMyGuidanceSessions(deps, actor), organisations }));
  });

  app.post(
    '/:lang/guidance/sessions',
    { schema: { hide: true, params: LangParams, body: Type.Object({ organisationId: Type.Optional(Type.String({ maxLength: 36 })), clientLanguage: Type.String({ maxLength: 2, default: 'fi' }) }) }, preHandler: guard },
    async (request, reply) => {
      const id = await startGuidanceSession(deps, actorOf(request), { clientLanguage: request.body.clientLanguage, ...(request.body.organisationId ? { organisationId: request.body.organisationId } : {}) });
      return reply.redirect(`${base(request.params.lang, id)}/context`, 303);
    },
  );

  app.get('/:lang/guidance/sessions/:id', { schema: { hide: true, params: SessionParams }, preHandler: guard }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    const { session, checks, plan } = await getGuidanceSession(deps, actorOf(request), request.params.id);
    const municipality = session.municipalityCode ? (await municipalities(deps)).find((m) => m.code === session.municipalityCode) : undefined;
    const planItems = plan ? (await getPlan(deps, actorOf(request), session.id)).activities.length : 0;
    return deps.pages.send(reply, SessionPage({ ctx, session, checks, planItems, municipalityName: municipality ? textOf(municipality.name, ctx.lang) : undefined }));
  });

  async function renderContext(request: FastifyRequest, reply: FastifyReply, sessionId: string, form: { values?: ContextInput; errors?: FormErrors } = {}, status = 200) {
    const ctx = await deps.pages.context(request, reply);
    const session = await sessionFor(deps, actorOf(request), sessionId);
    const values = form.values ?? {
      clientLanguage: session.clientLanguage,
      municipalityCode: session.municipalityCode ?? '',
      postalCode: session.postalCode ?? '',
      ageGroup: session.ageGroup ?? '',
      languages: session.languages,
      mobility: session.mobility,
      budget: session.budget,
      needAreas: session.needAreas,
    };
    return deps.pages.send(reply, ContextPage({ ctx, session, municipalities: await municipalities(deps), values, ...(form.errors ? { errors: form.errors } : {}) }), status);
  }

  app.get('/:lang/guidance/sessions/:id/context', { schema: { hide: true, params: SessionParams }, preHandler: guard }, async (request, reply) => renderContext(request, reply, request.params.id));

  app.post('/:lang/guidance/sessions/:id/context', { schema: { hide: true, params: SessionParams, body: ContextBody }, preHandler: guard }, async (request, reply) => {
    const body = request.body;
    const input: ContextInput = { ...body, languages: list(body.languages), mobility: list(body.mobility), needAreas: list(body.needAreas) };
    try {
      await recordContext(deps, actorOf(request), request.params.id, input);
    } catch (error) {
      if (error instanceof ValidationError) return renderContext(request, reply, request.params.id, { values: input, errors: error.fields }, 400);
      throw error;
    }
    return reply.redirect(`${base(request.params.lang, request.params.id)}/suggestions`, 303);
  });

  app.get(
    '/:lang/guidance/sessions/:id/check',
    { schema: { hide: true, params: SessionParams, querystring: Type.Object({ instrument: Type.Optional(Type.String({ maxLength: 40 })) }) }, preHandler: guard },
    async (request, reply) => {
      const ctx = await deps.pages.context(request, reply);
      const session = await sessionFor(deps, actorOf(request), request.params.id);
      const instruments = instrumentsOf(deps, session);
      const instrument = instruments.find((i) => i.id === request.query.instrument) ?? instruments[0];
      if (!instrument) return deps.pages.send(reply, SessionPage({ ctx, session, checks: [], planItems: 0, municipalityName: undefined }));
      return deps.pages.send(reply, CheckPage({ ctx, session, instruments, instrument, values: {}, keep: false }));
    },
  );

  app.post(
    '/:lang/guidance/sessions/:id/check',
    { schema: { hide: true, params: SessionParams, body: Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 })) }, preHandler: guard },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const answers: Record<string, string> = {};
      for (const [key, value] of Object.entries(body)) if (key.startsWith('item-')) answers[key.slice(5)] = value;
      const keep = body.keep === 'yes';
      try {
        const outcome = await recordCheck(deps, actor, request.params.id, { instrumentId: body.instrumentId ?? '', answers, keep });
        if (outcome.stored) return reply.redirect(base(request.params.lang, request.params.id), 303);
        // Answers that are not stored are shown once, in the response to the form, and kept nowhere.
        const ctx = await deps.pages.context(request, reply);
        const session = await sessionFor(deps, actor, request.params.id);
        reply.header('cache-control', 'no-store');
        return deps.pages.send(reply, CheckResultPage({ ctx, session, instrument: outcome.instrument, results: outcome.results, stored: false }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const ctx = await deps.pages.context(request, reply);
        const session = await sessionFor(deps, actor, request.params.id);
        const instruments = instrumentsOf(deps, session);
        const instrument = instruments.find((i) => i.id === body.instrumentId) ?? instruments[0]!;
        return deps.pages.send(reply, CheckPage({ ctx, session, instruments, instrument, values: answers, keep, errors: error.fields }), 400);
      }
    },
  );

  async function renderSuggestions(request: FastifyRequest, reply: FastifyReply, sessionId: string, errors?: FormErrors, status = 200) {
    const ctx = await deps.pages.context(request, reply);
    const actor = actorOf(request);
    const session = await sessionFor(deps, actor, sessionId);
    const [result, plan, areas] = await Promise.all([
      session.needAreas.length > 0 ? suggestActivities(deps, actor, session.id, ctx.lang) : Promise.resolve(undefined),
      getPlan(deps, actor, session.id),
      municipalities(deps),
    ]);
    return deps.pages.send(
      reply,
      SuggestionsPage({
        ctx,
        session,
        suggestions: result?.suggestions ?? [],
        inPlan: new Set(plan.activities.map((a) => a.service.id)),
        municipalityNames: new Map(areas.map((m) => [m.code, m.name])),
        ...(errors ? { errors } : {}),
      }),
      status,
    );
  }

  app.get('/:lang/guidance/sessions/:id/suggestions', { schema: { hide: true, params: SessionParams }, preHandler: guard }, async (request, reply) => renderSuggestions(request, reply, request.params.id));

  app.post(
    '/:lang/guidance/sessions/:id/plan/items',
    { schema: { hide: true, params: SessionParams, body: Type.Object({ services: Type.Optional(Type.Union([Type.String({ maxLength: 36 }), Type.Array(Type.String({ maxLength: 36 }), { maxItems: 50 })])) }) }, preHandler: guard },
    async (request, reply) => {
      try {
        await addToPlan(deps, actorOf(request), request.params.id, list(request.body.services));
      } catch (error) {
        if (error instanceof ValidationError) return renderSuggestions(request, reply, request.params.id, error.fields, 400);
        throw error;
      }
      return reply.redirect(`${base(request.params.lang, request.params.id)}/plan`, 303);
    },
  );

  app.post(
    '/:lang/guidance/sessions/:id/plan/items/:serviceId/remove',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Type.String({ format: 'uuid' }), serviceId: Type.String({ format: 'uuid' }) }) }, preHandler: guard },
    async (request, reply) => {
      await removeFromPlan(deps, actorOf(request), request.params.id, request.params.serviceId);
      return reply.redirect(`${base(request.params.lang, request.params.id)}/plan`, 303);
    },
  );

  async function renderPlan(request: FastifyRequest, reply: FastifyReply, sessionId: string, form: { values?: { channel: string; recipient: string }; errors?: FormErrors; sent?: boolean } = {}, status = 200) {
    const ctx = await deps.pages.context(request, reply);
    const view = await getPlan(deps, actorOf(request), sessionId);
    return deps.pages.send(
      reply,
      PlanPage({
        ctx,
        session: view.session,
        activities: view.activities,
        planUrl: view.plan ? planUrl('', view.plan, view.session.clientLanguage) : undefined,
        channels: view.channels,
        messages: view.messages,
        ...form,
      }),
      status,
    );
  }

  app.get(
    '/:lang/guidance/sessions/:id/plan',
    { schema: { hide: true, params: SessionParams, querystring: Type.Object({ sent: Type.Optional(Type.Literal('1')) }) }, preHandler: guard },
    async (request, reply) => renderPlan(request, reply, request.params.id, { sent: request.query.sent === '1' }),
  );

  app.post(
    '/:lang/guidance/sessions/:id/plan/send',
    { schema: { hide: true, params: SessionParams, body: Type.Object({ channel: Type.String({ maxLength: 10, default: '' }), recipient: Type.String({ maxLength: 300, default: '' }) }) }, preHandler: guard },
    async (request, reply) => {
      try {
        await sendPlan(deps, actorOf(request), request.params.id, request.body, (lang) => deps.pages.i18n.translator(lang));
      } catch (error) {
        // The address is shown back only in this response, to be corrected; it is stored nowhere.
        if (error instanceof ValidationError) return renderPlan(request, reply, request.params.id, { values: request.body, errors: error.fields }, 400);
        throw error;
      }
      deps.onMessageQueued?.();
      return reply.redirect(`${base(request.params.lang, request.params.id)}/plan?sent=1`, 303);
    },
  );

  app.post('/:lang/guidance/sessions/:id/delete', { schema: { hide: true, params: SessionParams }, preHandler: guard }, async (request, reply) => {
    await deleteSession(deps, actorOf(request), request.params.id);
    return reply.redirect(`/${request.params.lang}/guidance`, 303);
  });

  // The client's plan: public (no personal data), unguessable address, not indexed, not cached by others.
  app.get(
    '/:lang/plan/:token',
    { schema: { hide: true, params: Type.Object({ lang: Lang, token: Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$' }) }) } },
    async (request, reply) => {
      const ctx = await deps.pages.context(request, reply);
      const { plan, activities } = await getPublicPlan(deps, request.params.token);
      const url = planUrl(deps.config.publicUrl, plan, ctx.lang);
      reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'private, no-cache');
      return deps.pages.send(reply, PublicPlanPage({ ctx, activities, updatedAt: plan.updated_at, planUrl: url, qrSvg: qrSvg(url, ctx.t('guidance.public.qrLabel')) }));
    },
  );
}
