/**
 * Domain errors. Services throw them; the HTTP layer maps them centrally to 400/403/404/409
 * pages and JSON errors. Messages are i18n keys (with params) so pages can translate them.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super(404, 'not_found', `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'forbidden') {
    super(403, 'forbidden', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(409, 'conflict', message, details);
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    /** field name → i18n key of the problem */
    readonly fields: Record<string, string> = {},
  ) {
    super(400, 'invalid', message, { fields });
  }
}
