/** Sign-in pages: OpenID Connect, development sign-in (DEV_LOGIN=on only), sign-out. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import type { PageKit } from '../../platform/page-kit.ts';
import { requestLanguage } from '../../platform/page-context.ts';
import { isLanguage, type Language } from '../../platform/localised.ts';
import { hasRole } from './auth.policy.ts';
import { clearSessionCookie, currentActor, currentSession, sessionTokenOf, setSessionCookie } from './auth.http.ts';
import { SignedOutPage, SignInPage, type SignInNotice } from './auth.views.tsx';
import { beginOidcSignIn, completeOidcSignIn, oidcSignOutUrl, OidcUnavailableError } from './oidc.service.ts';
import { endSession } from './session.service.ts';
import { signInAsDevUser } from './sign-in.service.ts';
import { listDevUsers } from './users.queries.ts';

export interface AuthDeps extends Deps {
  pages: PageKit;
}

const LangParams = Type.Object({ lang: Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]) });
const notices = ['expired', 'cancelled', 'failed', 'no_roles', 'disabled', 'unavailable'] as const;
const oidcCookie = 'tarjotin_oidc';

/** A path of this site to return to after sign-in; anything else (other hosts, odd paths) is dropped. */
export function safeReturnTo(value: string | undefined): string | undefined {
  if (!value || value.length > 500) return undefined;
  return /^\/(fi|sv|en)(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\?[^\s#\\]*)?$/.test(value) && !value.startsWith('//') ? value : undefined;
}

function landing(lang: Language): string {
  return `/${lang}/sign-in/done`;
}

function oidcCookieOptions(deps: Deps) {
  return { path: '/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secureCookies, maxAge: 600 };
}

async function devUsersFor(deps: Deps) {
  if (!deps.config.devLogin) return undefined;
  return (await listDevUsers(deps.db)).map((user) => ({ id: user.id, name: user.display_name, roles: user.roles }));
}

export function registerAuthRoutes(app: App, deps: AuthDeps): void {
  app.get(
    '/:lang/sign-in',
    {
      schema: {
        hide: true,
        params: LangParams,
        querystring: Type.Object({
          returnTo: Type.Optional(Type.String({ maxLength: 500 })),
          notice: Type.Optional(Type.Union(notices.map((n) => Type.Literal(n)))),
        }),
      },
    },
    async (request, reply) => {
      if (currentActor(request) && !request.query.notice) return reply.redirect(safeReturnTo(request.query.returnTo) ?? landing(request.params.lang), 303);
      const ctx = await deps.pages.context(request, reply);
      return deps.pages.send(
        reply,
        SignInPage({
          ctx,
          returnTo: safeReturnTo(request.query.returnTo),
          notice: request.query.notice as SignInNotice | undefined,
          oidcEnabled: deps.config.oidc !== undefined,
          devUsers: await devUsersFor(deps),
        }),
      );
    },
  );

  // Where a fresh sign-in lands without a page to return to: the user's main page by role.
  app.get('/:lang/sign-in/done', { schema: { hide: true, params: LangParams } }, async (request, reply) => {
    const actor = currentActor(request);
    const lang = request.params.lang;
    if (!actor) return reply.redirect(`/${lang}/sign-in`, 303);
    if (hasRole(actor, 'professional')) return reply.redirect(`/${lang}/guidance`, 303);
    if (hasRole(actor, 'admin')) return reply.redirect(`/${lang}/admin`, 303);
    return reply.redirect(`/${lang}`, 303);
  });

  if (deps.config.devLogin) {
    app.post(
      '/:lang/sign-in/dev',
      {
        schema: {
          hide: true,
          params: LangParams,
          body: Type.Object({ userId: Type.Optional(Type.String({ maxLength: 100 })), returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
        },
      },
      async (request, reply) => {
        const { userId, returnTo } = request.body;
        if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) {
          const ctx = await deps.pages.context(request, reply);
          const devUsers = await devUsersFor(deps);
          return deps.pages.send(
            reply,
            SignInPage({
              ctx,
              returnTo: safeReturnTo(returnTo),
              notice: undefined,
              oidcEnabled: deps.config.oidc !== undefined,
              devUsers,
              errors: [{ field: devUsers && devUsers.length > 0 ? 'dev-user-0' : 'main', message: ctx.t('auth.signIn.dev.chooseUser') }],
            }),
            400,
          );
        }
        const session = await signInAsDevUser(deps, { userId, previousToken: sessionTokenOf(request, deps.config) });
        setSessionCookie(reply, deps.config, session.token);
        return reply.redirect(safeReturnTo(returnTo) ?? landing(request.params.lang), 303);
      },
    );
  }

  app.post(
    '/:lang/sign-in/oidc',
    { schema: { hide: true, params: LangParams, body: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }) } },
    async (request, reply) => {
      const lang = request.params.lang;
      try {
        const started = await beginOidcSignIn(deps, { lang, returnTo: safeReturnTo(request.body.returnTo) ?? landing(lang) });
        reply.setCookie(oidcCookie, started.browserToken, oidcCookieOptions(deps));
        return reply.redirect(started.authorizationUrl, 303);
      } catch (error) {
        if (error instanceof OidcUnavailableError) {
          request.log.warn({ reason: error.message }, 'OpenID Connect sign-in unavailable');
          return reply.redirect(`/${lang}/sign-in?notice=unavailable`, 303);
        }
        throw error;
      }
    },
  );

  app.get('/auth/oidc/callback', { schema: { hide: true } }, async (request, reply) => {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const result = await completeOidcSignIn(deps, {
      browserToken: request.cookies[oidcCookie],
      query,
      previousToken: sessionTokenOf(request, deps.config),
    });
    reply.clearCookie(oidcCookie, oidcCookieOptions(deps));
    const lang = result.lang ?? requestLanguage(request);
    if (result.kind === 'signed_in') {
      setSessionCookie(reply, deps.config, result.session.token);
      return reply.redirect(safeReturnTo(result.returnTo) ?? landing(lang), 303);
    }
    if (result.kind === 'cancelled' || result.kind === 'failed') request.log.info({ outcome: result.kind, reason: result.reason }, 'sign-in did not complete');
    return reply.redirect(`/${lang}/sign-in?notice=${result.kind}`, 303);
  });

  app.post('/:lang/sign-out', { schema: { hide: true, params: LangParams } }, async (request, reply) => signOut(deps, request, reply, request.params.lang));

  app.get('/auth/signed-out', { schema: { hide: true, querystring: Type.Object({ state: Type.Optional(Type.String({ maxLength: 10 })) }) } }, async (request, reply) => {
    const lang = isLanguage(request.query.state) ? request.query.state : requestLanguage(request);
    return reply.redirect(`/${lang}/signed-out`, 303);
  });

  app.get('/:lang/signed-out', { schema: { hide: true, params: LangParams } }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, SignedOutPage({ ctx }));
  });
}

async function signOut(deps: AuthDeps, request: FastifyRequest, reply: FastifyReply, lang: Language) {
  const token = sessionTokenOf(request, deps.config);
  const method = currentSession(request)?.method;
  if (token) await endSession(deps, token);
  clearSessionCookie(reply, deps.config);
  const providerUrl = method === 'oidc' ? await oidcSignOutUrl(deps, lang) : undefined;
  return reply.redirect(providerUrl ?? `/${lang}/signed-out`, 303);
}
