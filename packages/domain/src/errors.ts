/** The one error vocabulary of Peerdesk; the API maps each code to a GraphQL error in one place. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  /** The HTTP request itself is unusable: a body that is not JSON, no query, an unknown content type. */
  | 'BAD_REQUEST'
  /** A browser form posted to the API from a page of another site (the API takes JSON only). */
  | 'FORBIDDEN_ORIGIN';

/** One problem with one input field, phrased so the person can fix it. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Figures a client can act on (a limit, a retry delay), sent as GraphQL error extensions. */
    readonly details?: Readonly<Record<string, number | string>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function unauthenticated(message: string): DomainError {
  return new DomainError('UNAUTHENTICATED', message);
}

export function forbidden(message: string): DomainError {
  return new DomainError('FORBIDDEN', message);
}

export function notFound(message: string): DomainError {
  return new DomainError('NOT_FOUND', message);
}

export function conflict(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}

export function rateLimited(message: string): DomainError {
  return new DomainError('RATE_LIMITED', message);
}

export function badRequest(message: string): DomainError {
  return new DomainError('BAD_REQUEST', message);
}

export function forbiddenOrigin(message: string): DomainError {
  return new DomainError('FORBIDDEN_ORIGIN', message);
}

/** A passing overload: nothing was done, and the same request may succeed after `retryAfterSeconds`. */
export function serviceUnavailable(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', message, undefined, { retryAfterSeconds });
}

/** The message names each offending field once, in order, e.g. "Please correct: title, body." */
export function validationFailed(fields: FieldError[]): DomainError {
  const names = [...new Set(fields.map((f) => f.field))];
  return new DomainError('VALIDATION_FAILED', `Please correct: ${names.join(', ')}.`, fields);
}

/** Throws VALIDATION_FAILED when a validator reported anything, so callers need no if. */
export function assertValid(fields: FieldError[]): void {
  if (fields.length > 0) throw validationFailed(fields);
}
