/** The coordinators' moderation pages (coordinator role, their own region only). */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import { currentActor, requireRole, type Actor } from '../auth/index.ts';
import { changeForModeration, decideChange, decideClaimRequest, decideConflict, decideReport, moderationQueue, setModerationPolicy } from './moderation.service.ts';
import { ChangeDiffPage, ModerationQueuePage } from './moderation.views.tsx';
import type { ProvidersRouteDeps } from './providers.routes.ts';

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const IdParams = Type.Object({ lang: Lang, id: Type.String({ format: 'uuid' }) });
const Comment = Type.String({ maxLength: 4000, default: '' });
const guard = requireRole('coordinator');
const actorOf = (request: FastifyRequest): Actor => currentActor(request)!;

export function registerModerationRoutes(app: App, deps: ProvidersRouteDeps): void {
  const done = (lang: string) => `/${lang}/moderation?notice=moderation.decided`;

  app.get('/:lang/moderation', { schema: { hide: true, params: LangParams, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 60 })) }) }, preHandler: guard }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    const queue = await moderationQueue(deps, actorOf(request));
    return deps.pages.send(reply, ModerationQueuePage({ ctx, ...queue, notice: request.query.notice }));
  });

  app.get('/:lang/moderation/changes/:id', { schema: { hide: true, params: IdParams }, preHandler: guard }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, ChangeDiffPage({ ctx, request: await changeForModeration(deps, actorOf(request), request.params.id) }));
  });

  const decision = <T extends string>(...values: T[]) => Type.Object({ decision: Type.Union(values.map((v) => Type.Literal(v))), comment: Comment });

  app.post('/:lang/moderation/changes/:id', { schema: { hide: true, params: IdParams, body: decision('approved', 'returned') }, preHandler: guard }, async (request, reply) => {
    await decideChange(deps, actorOf(request), request.params.id, request.body.decision, request.body.comment || null);
    return reply.redirect(done(request.params.lang), 303);
  });

  app.post('/:lang/moderation/claims/:id', { schema: { hide: true, params: IdParams, body: decision('approved', 'declined') }, preHandler: guard }, async (request, reply) => {
    await decideClaimRequest(deps, actorOf(request), request.params.id, request.body.decision, request.body.comment || null);
    return reply.redirect(done(request.params.lang), 303);
  });

  app.post('/:lang/moderation/reports/:id', { schema: { hide: true, params: IdParams, body: decision('resolved', 'dismissed') }, preHandler: guard }, async (request, reply) => {
    await decideReport(deps, actorOf(request), request.params.id, request.body.decision, request.body.comment || null);
    return reply.redirect(done(request.params.lang), 303);
  });

  app.post('/:lang/moderation/conflicts/:id', { schema: { hide: true, params: IdParams, body: decision('accepted_incoming', 'kept_local') }, preHandler: guard }, async (request, reply) => {
    await decideConflict(deps, actorOf(request), request.params.id, request.body.decision);
    return reply.redirect(done(request.params.lang), 303);
  });

  app.post(
    '/:lang/moderation/policy',
    { schema: { hide: true, params: LangParams, body: Type.Object({ regionCode: Type.String({ pattern: '^[0-9]{2}$' }), policy: Type.Union([Type.Literal('all'), Type.Literal('new_only'), Type.Literal('none')]) }) }, preHandler: guard },
    async (request, reply) => {
      await setModerationPolicy(deps, actorOf(request), request.body.regionCode, request.body.policy);
      return reply.redirect(done(request.params.lang), 303);
    },
  );
}
