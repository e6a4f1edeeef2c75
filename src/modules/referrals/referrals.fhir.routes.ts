/**
 * FHIR R4 endpoints: ServiceRequest (create, read, search) and Task (read, search, update status).
 * Authentication: an organisation-scoped bearer token (`Authorization: Bearer trj_…`, see
 * api-tokens.service.ts), or a signed-in session. Errors are OperationOutcome resources.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App } from '../../platform/http.ts';
import { DomainError, ValidationError } from '../../platform/errors.ts';
import { currentActor, type Actor } from '../auth/index.ts';
import { actorForApiToken } from './api-tokens.service.ts';
import { operationOutcome, organisationSearch, parseServiceRequest, searchBundle, systems, taskStatusesOf, toServiceRequest, toTask } from './referrals.fhir.ts';
import { getReferral, getReferralState, organisationIdentities, searchReferrals, sendReferral, serviceIdOfPtvId, transitionReferral, type ReferralDeps } from './referrals.service.ts';
import { isReferralStatus, type ReferralStatus } from './referrals.workflow.ts';

const fhirJson = 'application/fhir+json; charset=utf-8';
const actors = new WeakMap<FastifyRequest, Actor>();
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** FHIR searches run over every referral the actor may see, a page at a time. */
const defaultPageSize = 50;
const maxPageSize = 200;

const Search = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 40 })),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  performer: Type.Optional(Type.String({ maxLength: 200 })),
  requester: Type.Optional(Type.String({ maxLength: 200 })),
  _count: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPageSize })),
  _offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
type SearchQuery = Static<typeof Search>;

/** The page of a search: `_count` (default 50, at most 200) from `_offset`, links keep the criteria. */
function searchPage(publicUrl: string, type: string, query: SearchQuery, total: number) {
  const criteria = new URLSearchParams();
  for (const key of ['status', 'owner', 'performer', 'requester'] as const) if (query[key]) criteria.set(key, query[key]!);
  const url = `${publicUrl}/fhir/${type}${criteria.size ? `?${criteria}` : ''}`;
  return { url, total, offset: query._offset ?? 0, count: query._count ?? defaultPageSize };
}

function issueCode(status: number): string {
  return status === 401 ? 'login' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 409 ? 'conflict' : status >= 500 ? 'exception' : 'invalid';
}

export function registerReferralFhirRoutes(app: App, deps: ReferralDeps): void {
  void app.register(async (fhir: App) => {
    fhir.addContentTypeParser(['application/fhir+json', 'application/json'], { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined);
      }
    });
    fhir.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error instanceof DomainError ? error.status : error.validation ? 400 : typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'unhandled FHIR error');
      const message = status >= 500 ? 'internal error' : error instanceof ValidationError ? `${error.message}: ${Object.keys(error.fields).join(', ')}` : error.message;
      return reply.status(status).type(fhirJson).send(operationOutcome(issueCode(status), message));
    });
    fhir.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization ?? '';
      const bearer = header.startsWith('Bearer ');
      // A session may read; changes need a bearer token (no cookie-borne writes without CSRF tokens).
      const actor = bearer ? await actorForApiToken(deps, header.slice(7).trim()) : request.method === 'GET' ? currentActor(request) : undefined;
      if (!actor) {
        return reply.status(401).header('www-authenticate', 'Bearer').type(fhirJson).send(operationOutcome('login', request.method === 'GET' ? 'a valid bearer token or session is required' : 'a valid bearer token is required'));
      }
      if (request.method !== 'GET' && !/json/.test(request.headers['content-type'] ?? '')) {
        return reply.status(415).type(fhirJson).send(operationOutcome('not-supported', 'send application/fhir+json'));
      }
      actors.set(request, actor);
      reply.header('cache-control', 'no-store');
    });
    const actorOf = (request: FastifyRequest) => actors.get(request)!;

    const serviceRequestOf = async (actor: Actor, id: string) => {
      const detail = await getReferral(deps, actor, id, { channel: 'fhir' });
      return toServiceRequest(detail, await organisationIdentities(deps, [detail.referringOrganisationId, detail.providerOrganisationId, ...detail.consents.map((c) => c.givenToOrganisationId)]));
    };
    const taskOf = async (actor: Actor, id: string) => {
      const state = await getReferralState(deps, actor, id);
      return toTask(state, await organisationIdentities(deps, [state.referringOrganisationId, state.providerOrganisationId]));
    };

    /** The page of referrals a search names: status, requester, and the provider (performer / owner). */
    const search = (actor: Actor, q: SearchQuery, statuses: ReferralStatus[] | undefined, provider: string | undefined) =>
      searchReferrals(
        deps,
        actor,
        {
          ...(statuses ? { statuses } : {}),
          ...(q.requester ? { requester: organisationSearch(q.requester) } : {}),
          ...(provider ? { provider: organisationSearch(provider) } : {}),
          limit: q._count ?? defaultPageSize,
          offset: q._offset ?? 0,
        },
        systems,
      );

    fhir.get('/fhir/metadata', async (_request, reply) =>
      reply.type(fhirJson).send({
        resourceType: 'CapabilityStatement',
        status: 'active',
        date: '2026-11-29',
        kind: 'instance',
        fhirVersion: '4.0.1',
        format: ['application/fhir+json'],
        rest: [
          {
            mode: 'server',
            resource: [
              { type: 'ServiceRequest', interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }], searchParam: ['status', 'requester', 'performer'].map((name) => ({ name, type: 'token' })) },
              { type: 'Task', interaction: [{ code: 'read' }, { code: 'update' }, { code: 'search-type' }], searchParam: ['status', 'owner', 'requester'].map((name) => ({ name, type: 'token' })) },
            ],
          },
        ],
      }),
    );

    fhir.post('/fhir/ServiceRequest', { schema: { hide: true, body: Type.Record(Type.String(), Type.Unknown()) } }, async (request, reply) => {
      const parsed = parseServiceRequest(request.body);
      if ('problem' in parsed) throw new ValidationError(parsed.problem);
      const serviceId = parsed.serviceId ?? (parsed.ptvServiceId ? await serviceIdOfPtvId(deps, parsed.ptvServiceId) : undefined) ?? '';
      const actor = actorOf(request);
      const id = await sendReferral(deps, actor, { ...parsed, serviceId }, 'fhir');
      return reply.status(201).header('location', `/fhir/ServiceRequest/${id}`).type(fhirJson).send(await serviceRequestOf(actor, id));
    });

    fhir.get('/fhir/ServiceRequest/:id', { schema: { hide: true, params: IdParams } }, async (request, reply) => reply.type(fhirJson).send(await serviceRequestOf(actorOf(request), request.params.id)));

    fhir.get('/fhir/ServiceRequest', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const { summaries, total } = await search(actor, q, q.status ? q.status.split(',').flatMap(taskStatusesOf) : undefined, q.performer);
      // Only the page's referrals are opened (each opening decrypts and is logged).
      const resources = [];
      for (const s of summaries) resources.push(await serviceRequestOf(actor, s.id));
      return reply.type(fhirJson).send(searchBundle(deps.config.publicUrl, resources, searchPage(deps.config.publicUrl, 'ServiceRequest', q, total)));
    });

    fhir.get('/fhir/Task/:id', { schema: { hide: true, params: IdParams } }, async (request, reply) => reply.type(fhirJson).send(await taskOf(actorOf(request), request.params.id)));

    fhir.get('/fhir/Task', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
      const q = request.query;
      const { summaries, total } = await search(actorOf(request), q, q.status?.split(',').filter(isReferralStatus), q.owner);
      const organisations = await organisationIdentities(deps, summaries.flatMap((s) => [s.referringOrganisationId, s.providerOrganisationId]));
      const tasks = summaries.map((s) => toTask(s, organisations));
      return reply.type(fhirJson).send(searchBundle(deps.config.publicUrl, tasks, searchPage(deps.config.publicUrl, 'Task', q, total)));
    });

    /** Update = a status change: the Task's `status` (and `statusReason`) are read; the rest is ours. */
    fhir.put('/fhir/Task/:id', { schema: { hide: true, params: IdParams, body: Type.Record(Type.String(), Type.Unknown()) } }, async (request, reply) => {
      const body = request.body;
      if (body.resourceType !== 'Task' || (body.id !== undefined && body.id !== request.params.id)) throw new ValidationError('the body must be the Task with this id');
      if (!isReferralStatus(body.status)) throw new ValidationError('unknown Task status');
      const reasonCode = (((body.statusReason as { coding?: { code?: unknown }[] } | undefined)?.coding ?? [])[0]?.code as string | undefined) ?? undefined;
      const actor = actorOf(request);
      const current = await taskOf(actor, request.params.id);
      if (current.status !== body.status) await transitionReferral(deps, actor, request.params.id, { to: body.status, ...(reasonCode ? { reason: reasonCode } : {}) }, 'fhir');
      return reply.type(fhirJson).send(await taskOf(actor, request.params.id));
    });
  });
}
