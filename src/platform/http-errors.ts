/**
 * Central mapping of errors to responses: JSON under /api (and /fhir), pages elsewhere.
 * Validation errors name the offending parameter; unexpected errors never leak details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from './errors.ts';

export interface ErrorPageRenderer {
  (request: FastifyRequest, status: number, detail: { code: string; message: string } | undefined, reply: FastifyReply): string;
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** Builds a readable message naming the parameter from Fastify's validation errors. */
export function describeValidationError(error: FastifyError): { parameter?: string; message: string } {
  const first = (error.validation as AjvError[] | undefined)?.[0];
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'request';
  if (!first) return { message: error.message };
  let parameter = (first.instancePath ?? '').replace(/^\//, '').split('/')[0] ?? '';
  if (first.keyword === 'additionalProperties' && typeof first.params?.additionalProperty === 'string') {
    parameter = first.params.additionalProperty;
    return { parameter, message: `unknown ${context} parameter "${parameter}"` };
  }
  if (first.keyword === 'required' && typeof first.params?.missingProperty === 'string') {
    parameter = first.params.missingProperty;
    return { parameter, message: `${context} parameter "${parameter}" is required` };
  }
  const name = parameter || context;
  return { ...(parameter ? { parameter } : {}), message: `${context} parameter "${name}" ${first.message ?? 'is invalid'}` };
}

export function isJsonRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/api/') || path.startsWith('/fhir/') || path === '/healthz' || path === '/readyz';
}

export function createErrorHandler(renderPage: ErrorPageRenderer) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    let status = 500;
    let body: { error: string; message: string; parameter?: string; fields?: Record<string, string> };
    if (error.validation) {
      status = 400;
      body = { error: 'bad_request', ...describeValidationError(error) };
    } else if (error instanceof ValidationError) {
      status = 400;
      body = { error: error.code, message: error.message, fields: error.fields };
    } else if (error instanceof DomainError) {
      status = error.status;
      body = { error: error.code, message: error.message };
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: error.code ?? 'bad_request', message: error.message };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = { error: 'internal', message: 'Something went wrong. Please try again later.' };
    }
    reply.status(status);
    if (isJsonRequest(request)) return reply.type('application/json; charset=utf-8').send(body);
    return reply.type('text/html; charset=utf-8').send(renderPage(request, status, { code: body.error, message: body.message }, reply));
  };
}
