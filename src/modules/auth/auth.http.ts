/**
 * The HTTP side of sign-in: resolves the session of each request once (onRequest), remembers
 * it for the request, and offers route guards. Other modules use `currentActor(request)` and
 * `requireRole(...)` from index.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/page-context.ts';
import type { PageUser } from '../../platform/page-context.ts';
import { textOf } from '../../platform/localised.ts';
import { hasAnyRole } from './auth.policy.ts';
import type { Actor, Role } from './auth.types.ts';
import { resolveSession, type ResolvedSession } from './session.service.ts';

interface RequestAuth {
  session: ResolvedSession | undefined;
  /** The browser sent a session cookie that had timed out. */
  expired: boolean;
}

const resolved = new WeakMap<FastifyRequest, RequestAuth>();

export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  // The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and path=/.
  return config.secureCookies ? '__Host-tarjotin_session' : 'tarjotin_session';
}

export function sessionCookieOptions(config: Pick<Config, 'secureCookies'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
}

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string): void {
  reply.setCookie(sessionCookieName(config), token, sessionCookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(sessionCookieName(config), sessionCookieOptions(config));
}

export function sessionTokenOf(request: FastifyRequest, config: Pick<Config, 'secureCookies'>): string | undefined {
  const value = request.cookies[sessionCookieName(config)];
  return value && value.length <= 100 ? value : undefined;
}

/** onRequest hook: resolves the session once per request (static assets skipped). */
export function sessionHook(deps: Pick<Deps, 'db' | 'config' | 'clock'>) {
  return async function resolveRequestSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.url.startsWith('/assets/')) return;
    const token = sessionTokenOf(request, deps.config);
    if (!token) {
      resolved.set(request, { session: undefined, expired: false });
      return;
    }
    const session = await resolveSession(deps, token);
    if (session === undefined || session === 'expired') clearSessionCookie(reply, deps.config);
    resolved.set(request, { session: typeof session === 'object' ? session : undefined, expired: session === 'expired' });
  };
}

/** The signed-in actor of this request, or undefined. */
export function currentActor(request: FastifyRequest): Actor | undefined {
  return resolved.get(request)?.session?.actor;
}

export function currentSession(request: FastifyRequest): ResolvedSession | undefined {
  return resolved.get(request)?.session;
}

/** The CSRF binding: tokens issued in one session are refused in another (or without one). */
export function csrfBinding(request: FastifyRequest): string {
  return resolved.get(request)?.session?.sessionId ?? '';
}

/** What the page frame shows of the signed-in user. */
export function pageUserOf(request: FastifyRequest): PageUser | undefined {
  const session = resolved.get(request)?.session;
  if (!session) return undefined;
  const lang = requestLanguage(request);
  const firstOrganisation = session.actor.roles.find((grant) => grant.organisationId)?.organisationId;
  const organisationName = firstOrganisation ? textOf(session.organisationNames[firstOrganisation], lang) : '';
  return {
    id: session.actor.userId,
    name: session.actor.name,
    roles: [...new Set(session.actor.roles.map((grant) => grant.role))],
    ...(organisationName ? { organisationName } : {}),
  };
}

function signInLocation(request: FastifyRequest, expired: boolean): string {
  const lang = requestLanguage(request);
  const params = new URLSearchParams();
  if (request.method === 'GET') params.set('returnTo', request.url);
  if (expired) params.set('notice', 'expired');
  const query = params.toString();
  return `/${lang}/sign-in${query ? `?${query}` : ''}`;
}

/**
 * Route guard (preHandler): without a session the browser is sent to sign in (and back);
 * a signed-in user without any of the roles gets the 403 page in their language.
 */
export function requireRole(...wanted: Role[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const state = resolved.get(request);
    const actor = state?.session?.actor;
    if (!actor) {
      if (request.url.startsWith('/api/')) {
        await reply.status(401).send({ error: 'unauthorized', message: 'sign in first' });
        return;
      }
      await reply.redirect(signInLocation(request, state?.expired ?? false), 303);
      return;
    }
    if (wanted.length > 0 && !hasAnyRole(actor, wanted)) throw new ForbiddenError(`this page needs the role ${wanted.join(' or ')}`);
  };
}

/** Route guard for pages of any signed-in user. */
export function requireSignedIn() {
  return requireRole();
}
