/**
 * CSRF protection for HTML forms: a signed double-submit token. The token lives in an
 * HttpOnly cookie and in a hidden `_csrf` field of every form; a state-changing form post
 * must carry both, equal, with a valid signature. When a session exists its id is bound into
 * the signature, so a token from before sign-in (or another session) is refused.
 * JSON APIs under /api and /fhir do not use cookies for authentication and are exempt.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from './errors.ts';

export const csrfCookieName = 'tarjotin_csrf';
export const csrfFieldName = '_csrf';

function sign(secret: string, nonce: string, binding: string): string {
  return createHmac('sha256', secret).update(`${nonce}.${binding}`).digest('base64url');
}

function valid(secret: string, token: string, binding: string): boolean {
  const [nonce, signature] = token.split('.');
  if (!nonce || !signature) return false;
  const expected = Buffer.from(sign(secret, nonce, binding));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface CsrfOptions {
  secret: string;
  secureCookies: boolean;
  /** The id of the current session, if any (binds tokens to it). */
  binding?: (request: FastifyRequest) => string;
}

/** Returns the token for this request's forms, setting the cookie when needed. */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, options: CsrfOptions): string {
  const binding = options.binding?.(request) ?? '';
  const existing = request.cookies[csrfCookieName];
  if (existing && valid(options.secret, existing, binding)) return existing;
  const nonce = randomBytes(18).toString('base64url');
  const token = `${nonce}.${sign(options.secret, nonce, binding)}`;
  reply.setCookie(csrfCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
  });
  return token;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isCsrfExempt(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return !unsafeMethods.has(request.method) || path.startsWith('/api/') || path.startsWith('/fhir/');
}

/** preHandler hook: refuses state-changing form posts without a matching, valid token. */
export function csrfProtection(options: CsrfOptions) {
  return async function checkCsrf(request: FastifyRequest): Promise<void> {
    if (isCsrfExempt(request)) return;
    const body = request.body as Record<string, unknown> | undefined;
    const field = typeof body?.[csrfFieldName] === 'string' ? (body[csrfFieldName] as string) : '';
    const cookie = request.cookies[csrfCookieName] ?? '';
    const binding = options.binding?.(request) ?? '';
    if (!field || field !== cookie || !valid(options.secret, field, binding)) {
      throw new ForbiddenError('the form expired or did not come from this site (CSRF check); reload the page and try again');
    }
  };
}
