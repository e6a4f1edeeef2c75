/**
 * buildApp(deps): registers the platform plugins, then each module's routes, by hand.
 * Nothing is autoloaded: this file is the map of the application.
 */
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { renderToString } from '#jsx/jsx-runtime';
import type { Deps } from './platform/deps.ts';
import type { App } from './platform/http.ts';
import { createErrorHandler } from './platform/http-errors.ts';
import { createI18n, type Catalogue, type I18n } from './platform/i18n.ts';
import { createPageContext } from './platform/page-context.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { csrfProtection, issueCsrfToken, type CsrfOptions } from './platform/csrf.ts';
import { createPageKit } from './platform/page-kit.ts';
import { secretKeyFor } from './platform/secret-key.ts';
import { registerHealthRoutes } from './platform/health.routes.ts';
import { ErrorPage } from './ui/layout.tsx';
import { uiMessages } from './ui/ui.messages.ts';
import { registerCatalogApiRoutes } from './modules/catalog/index.ts';
import { registerWebMoreRoutes, registerWebRoutes, webMessages } from './modules/web/index.ts';
import { authMessages, csrfBinding, pageUserOf, registerAdminRoutes, registerAuthRoutes, sessionHook } from './modules/auth/index.ts';
import { outboxMessages } from './modules/outbox/index.ts';
import { guidanceMessages, loadInstruments, registerGuidanceRoutes } from './modules/guidance/index.ts';
import { registerSearchRoutes } from './modules/search/index.ts';
import { qualityMessages, registerQualityRoutes } from './modules/quality/index.ts';
import { providersMessages, registerProvidersRoutes } from './modules/providers/index.ts';
import { referralsMessages, registerReferralRoutes } from './modules/referrals/index.ts';

/** Every message catalogue of the application, combined once. */
export const catalogues: readonly Catalogue[] = [uiMessages, webMessages, authMessages, outboxMessages, guidanceMessages, qualityMessages, providersMessages, referralsMessages];

export interface BuildOptions {
  /** Pino logger options; false disables logging (tests). */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Called when a module queued an e-mail or text message (the server sends it at once). */
  onMessageQueued?: () => void;
}

/**
 * Logs requests without query strings (searches can carry sensitive needs) and without the
 * tokens of client plans' public addresses (they open a plan to whoever has them).
 */
const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: (request.url.split('?')[0] ?? '').replace(/\/plan\/[A-Za-z0-9_-]+/, '/plan/:token'),
});

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const loggerOption = options.logger ?? { level: deps.config.logLevel };
  const app = Fastify({
    logger:
      loggerOption === false
        ? false
        : {
            ...(loggerOption === true ? { level: 'info' } : loggerOption),
            serializers: { req: requestSerializer },
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], remove: true },
          },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const i18n: I18n = createI18n(catalogues);
  // Well-being instruments are configuration: a bad file stops the start with a clear message.
  const instruments = loadInstruments(deps.config.instrumentsDir);
  const csrf: CsrfOptions = { secret: secretKeyFor(deps.config), secureCookies: deps.config.secureCookies, binding: csrfBinding };
  const pages = createPageKit({ i18n, publicUrl: deps.config.publicUrl, csrf, user: async (request) => pageUserOf(request) });
  /** Error pages show the signed-in user too (with a working sign-out form). */
  const errorPageContext = (request: FastifyRequest, reply: FastifyReply) => {
    const user = pageUserOf(request);
    return createPageContext(request, i18n, deps.config.publicUrl, user ? { user, csrfToken: issueCsrfToken(request, reply, csrf) } : {});
  };

  await app.register(formbody);
  await app.register(cookie);
  app.addHook('onRequest', sessionHook(deps));
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('../public/assets/', import.meta.url)),
    prefix: '/assets/',
    maxAge: '7d',
    immutable: true,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tarjotin API',
        version: '1.0.0',
        description:
          'Open read API of the Tarjotin well-being service tray. Texts are objects with fi, sv and en keys. ' +
          'Data from the Finnish Service Catalogue (Suomi.fi-palvelutietovaranto / DVV, CC BY 4.0) and providers.',
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      servers: [{ url: deps.config.publicUrl }],
      tags: [
        { name: 'catalogue', description: 'Activities, organisations, taxonomies and areas' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onSend', securityHeaders);
  app.addHook('preHandler', csrfProtection(csrf));

  app.setErrorHandler(
    createErrorHandler((request, status, _detail, reply) => renderToString(ErrorPage({ ctx: errorPageContext(request, reply), status }))),
  );
  app.setNotFoundHandler((request, reply) => {
    reply.status(404);
    if (request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) {
      return reply.send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(renderToString(ErrorPage({ ctx: errorPageContext(request, reply), status: 404 })));
  });

  registerHealthRoutes(app, deps);
  registerCatalogApiRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerWebRoutes(app, { ...deps, pages });
  registerWebMoreRoutes(app, { ...deps, pages });
  registerAuthRoutes(app, { ...deps, pages });
  registerAdminRoutes(app, { ...deps, pages });
  registerGuidanceRoutes(app, { ...deps, pages, instruments, ...(options.onMessageQueued ? { onMessageQueued: options.onMessageQueued } : {}) });
  registerQualityRoutes(app, { ...deps, pages });
  registerProvidersRoutes(app, { ...deps, pages });
  registerReferralRoutes(app, { ...deps, pages, instruments, translatorFor: (lang) => i18n.translator(lang), ...(options.onMessageQueued ? { onMessageQueued: options.onMessageQueued } : {}) });

  return app;
}
