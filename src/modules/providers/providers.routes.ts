/** Provider self-service pages (provider role) and the spreadsheet import. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { App } from '../../platform/http.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { textOf } from '../../platform/localised.ts';
import { currentActor, currentSession, requireRole, type Actor } from '../auth/index.ts';
import type { FormValues } from './activity-form.ts';
import { activityHistory, confirmReviewed, listMyActivities, openEditor, saveDraft, setActivityStatus, startActivity, submitActivity } from './editor.service.ts';
import { commitCsvImport, exportActivities, previewCsvImport } from './csv-import.service.ts';
import { templateCsv } from './csv-template.ts';
import { myClaims, requestClaim, resolveClaimTarget } from './moderation.service.ts';
import { providerOrganisations } from './providers.policy.ts';
import { EditorPage } from './editor.views.tsx';
import { registerModerationRoutes } from './moderation.routes.ts';
import { ClaimNeededPage, CsvPreviewPage, CsvResultPage, CsvUploadPage, HistoryPage, ProviderHomePage, type OrganisationOption } from './providers.views.tsx';

export interface ProvidersRouteDeps extends Deps {
  pages: PageKit;
}

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const IdParams = Type.Object({ lang: Lang, id: Type.String({ format: 'uuid' }) });
const Notice = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 60 })) });
const FormBody = Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 8000 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 30 })]));

const provider = requireRole('provider');
const staff = requireRole('provider', 'coordinator');
const actorOf = (request: FastifyRequest): Actor => currentActor(request)!;

function organisationsOf(request: FastifyRequest, lang: 'fi' | 'sv' | 'en'): OrganisationOption[] {
  const names = currentSession(request)?.organisationNames ?? {};
  return providerOrganisations(actorOf(request)).map((id) => ({ id, name: textOf(names[id], lang) || id }));
}

/** Providers' pages and the coordinators' moderation pages. */
export function registerProvidersRoutes(app: App, deps: ProvidersRouteDeps): void {
  registerModerationRoutes(app, deps);
  const editorUrl = (lang: string, id: string) => `/${lang}/provider/activities/${id}`;

  async function renderHome(request: FastifyRequest, reply: FastifyReply, options: { notice?: string | undefined; claimError?: string } = {}, status = 200) {
    const ctx = await deps.pages.context(request, reply);
    const actor = actorOf(request);
    const [activities, claims] = await Promise.all([listMyActivities(deps, actor), myClaims(deps, actor)]);
    return deps.pages.send(reply, ProviderHomePage({ ctx, organisations: organisationsOf(request, ctx.lang), activities, claims, notice: options.notice, ...(options.claimError ? { claimError: options.claimError } : {}) }), status);
  }

  app.get('/:lang/provider', { schema: { hide: true, params: LangParams, querystring: Notice }, preHandler: provider }, async (request, reply) =>
    renderHome(request, reply, { notice: request.query.notice }),
  );

  app.post('/:lang/provider/activities', { schema: { hide: true, params: LangParams, body: Type.Object({ organisationId: Type.String({ format: 'uuid' }) }) }, preHandler: provider }, async (request, reply) => {
    const id = await startActivity(deps, actorOf(request), request.body.organisationId);
    return reply.redirect(editorUrl(request.params.lang, id), 303);
  });

  async function renderEditor(request: FastifyRequest, reply: FastifyReply, serviceId: string, form: { values?: FormValues; errors?: Record<string, string>; notice?: string | undefined } = {}, status = 200) {
    const ctx = await deps.pages.context(request, reply);
    const editor = await openEditor(deps, actorOf(request), serviceId).catch((error: unknown) => {
      if (error instanceof ForbiddenError) return undefined;
      throw error;
    });
    if (!editor) return deps.pages.send(reply, ClaimNeededPage({ ctx }), 403);
    return deps.pages.send(
      reply,
      EditorPage({ ctx, ...editor, values: form.values ?? editor.values, ...(form.errors ? { errors: form.errors } : {}), notice: form.notice }),
      status,
    );
  }

  app.get('/:lang/provider/activities/:id', { schema: { hide: true, params: IdParams, querystring: Notice }, preHandler: provider }, async (request, reply) =>
    renderEditor(request, reply, request.params.id, { notice: request.query.notice }),
  );

  app.post('/:lang/provider/activities/:id', { schema: { hide: true, params: IdParams, body: FormBody }, preHandler: provider }, async (request, reply) => {
    const { intent, _csrf: _token, ...values } = request.body;
    const url = editorUrl(request.params.lang, request.params.id);
    if (intent !== 'submit') {
      await saveDraft(deps, actorOf(request), request.params.id, values);
      return reply.redirect(`${url}?notice=editor.draftSaved`, 303);
    }
    try {
      const outcome = await submitActivity(deps, actorOf(request), request.params.id, values);
      return reply.redirect(`${url}?notice=${outcome === 'pending' ? 'editor.submittedPending' : 'editor.submittedPublished'}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderEditor(request, reply, request.params.id, { values, errors: error.fields }, 400);
      throw error;
    }
  });

  // Autosave from the editor's script: the same form, stored as the draft.
  app.post('/:lang/provider/activities/:id/draft', { schema: { hide: true, params: IdParams, body: FormBody }, preHandler: provider }, async (request, reply) => {
    const { intent: _intent, _csrf: _token, ...values } = request.body;
    await saveDraft(deps, actorOf(request), request.params.id, values);
    return reply.status(204).send();
  });

  app.post(
    '/:lang/provider/activities/:id/status',
    { schema: { hide: true, params: IdParams, body: Type.Object({ status: Type.Union([Type.Literal('paused'), Type.Literal('published'), Type.Literal('archived')]) }) }, preHandler: provider },
    async (request, reply) => {
      await setActivityStatus(deps, actorOf(request), request.params.id, request.body.status);
      return reply.redirect(`${editorUrl(request.params.lang, request.params.id)}?notice=action.done`, 303);
    },
  );

  app.post('/:lang/provider/activities/:id/reviewed', { schema: { hide: true, params: IdParams }, preHandler: provider }, async (request, reply) => {
    await confirmReviewed(deps, actorOf(request), request.params.id);
    return reply.redirect(`${editorUrl(request.params.lang, request.params.id)}?notice=action.done`, 303);
  });

  app.get('/:lang/provider/activities/:id/history', { schema: { hide: true, params: IdParams }, preHandler: staff }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    const history = await activityHistory(deps, actorOf(request), request.params.id);
    const backUrl = providerOrganisations(actorOf(request)).length > 0 ? `/${ctx.lang}/provider` : `/${ctx.lang}/moderation`;
    return deps.pages.send(reply, HistoryPage({ ctx, name: history.name, changes: history.changes, backUrl }));
  });

  app.post(
    '/:lang/provider/claims',
    { schema: { hide: true, params: LangParams, body: Type.Object({ target: Type.String({ maxLength: 500, default: '' }), organisationId: Type.String({ format: 'uuid' }), reason: Type.String({ maxLength: 2000, default: '' }) }) }, preHandler: provider },
    async (request, reply) => {
      const target = await resolveClaimTarget(deps, request.body.target);
      if (!target) return renderHome(request, reply, { claimError: 'providers.claim.target' }, 400);
      await requestClaim(deps, actorOf(request), { ...target, claimantOrganisationId: request.body.organisationId, reason: request.body.reason || null });
      return reply.redirect(`/${request.params.lang}/provider?notice=claim.sent`, 303);
    },
  );

  app.get('/:lang/provider/export.csv', { schema: { hide: true, params: LangParams, querystring: Type.Object({ organisation: Type.String({ format: 'uuid' }) }) }, preHandler: provider }, async (request, reply) => {
    const csv = await exportActivities(deps, actorOf(request), request.query.organisation);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tarjotin-toiminnot.csv"').send(csv);
  });

  app.get('/:lang/provider/import/template.csv', { schema: { hide: true, params: LangParams } }, async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tarjotin-mallipohja.csv"').send(templateCsv()),
  );

  app.get('/:lang/provider/import', { schema: { hide: true, params: LangParams }, preHandler: provider }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, CsvUploadPage({ ctx, organisations: organisationsOf(request, ctx.lang) }));
  });

  app.post('/:lang/provider/import/:id', { schema: { hide: true, params: IdParams, body: Type.Object({ mode: Type.Union([Type.Literal('all'), Type.Literal('valid')]) }) }, preHandler: provider }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    try {
      const result = await commitCsvImport(deps, actorOf(request), request.params.id, { validOnly: request.body.mode === 'valid' });
      return deps.pages.send(reply, CsvResultPage({ ctx, result }));
    } catch (error) {
      if (error instanceof ValidationError) return deps.pages.send(reply, CsvUploadPage({ ctx, organisations: organisationsOf(request, ctx.lang), error: 'providers.csv.hasErrors' }), 400);
      throw error;
    }
  });

  // The upload is multipart: registered in its own scope so that other routes keep their parsers.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 },
      // Keep the file's bytes as they are: the service checks the encoding itself.
      async onFile(part) {
        (part as unknown as { value: unknown }).value = { bytes: await part.toBuffer(), fileName: part.filename };
      },
    });
    scope.post('/:lang/provider/import', { schema: { hide: true, params: LangParams }, preHandler: provider }, async (request, reply) => {
      const ctx = await deps.pages.context(request, reply);
      const body = (request.body ?? {}) as { organisationId?: string; fromLatin1?: string; file?: { bytes: Buffer; fileName: string } };
      const organisations = organisationsOf(request, ctx.lang);
      const organisationId = body.organisationId ?? organisations[0]?.id;
      if (!body.file || body.file.bytes.length === 0 || !organisationId) {
        return deps.pages.send(reply, CsvUploadPage({ ctx, organisations, error: 'providers.csv.fileRequired' }), 400);
      }
      try {
        const preview = await previewCsvImport(deps, actorOf(request), organisationId, { bytes: body.file.bytes, fileName: body.file.fileName, fromLatin1: body.fromLatin1 === 'on' });
        if (preview.fatal) return deps.pages.send(reply, CsvUploadPage({ ctx, organisations, error: preview.fatal, errorParams: preview.fatalParams }), 400);
        return deps.pages.send(reply, CsvPreviewPage({ ctx, preview }));
      } catch (error) {
        if (error instanceof DomainError && error.status === 400) return deps.pages.send(reply, CsvUploadPage({ ctx, organisations, error: 'providers.csv.fileRequired' }), 400);
        throw error;
      }
    });
  });
}
