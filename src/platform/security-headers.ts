import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Strict defaults for every response. A route may set its own Content-Security-Policy first
 * (the embeddable widget allows framing; the map allows its tile host), and this hook keeps it.
 */
export const defaultContentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
  // region colours are set as a CSS custom property in a style attribute
  "style-src-attr 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function securityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const isDocs = request.url.startsWith('/api/docs');
  if (!reply.hasHeader('content-security-policy') && !isDocs) {
    reply.header('content-security-policy', defaultContentSecurityPolicy);
  }
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('permissions-policy', 'geolocation=(self), camera=(), microphone=()');
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  // Pages that may be framed (the widget) say so in their own CSP; everything else is DENY.
  if (!csp.includes('frame-ancestors') || csp.includes("frame-ancestors 'none'")) {
    reply.header('x-frame-options', 'DENY');
  }
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return payload;
}
