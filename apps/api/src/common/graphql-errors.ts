import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorCode } from '@peerdesk/domain';
import { busyDatabaseError } from '../database/errors';

/**
 * The HTTP status of each code, where a failure is answered over plain HTTP (a controller's route, a request refused
 * before GraphQL reads it). GraphQL answers carry the code in `extensions.code` instead.
 */
const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
  BAD_REQUEST: 400,
  FORBIDDEN_ORIGIN: 403,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * Apollo's own codes for a request that does not fit the schema (or names no operation of several), or is no
 * GraphQL request at all (BAD_REQUEST: no query, a malformed body); clients see them as VALIDATION_FAILED, with
 * Apollo's message.
 */
const SCHEMA_MISMATCH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one place where failures become GraphQL errors: a DomainError keeps its code, message and fields;
 * anything unexpected is logged and hidden behind a generic message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // A resolver's error arrives unwrapped; one raised while validating or planning (a limit) arrives inside a GraphQLError.
  const cause = original instanceof GraphQLError ? original.originalError : original;
  const busy = busyDatabaseError(cause);
  // A statement cancelled by STATEMENT_TIMEOUT_MS, a deadlock retried to the end: busy, not broken. One line, no stack.
  if (busy) log(`${busy.code}: ${cause instanceof Error ? cause.message : String(cause)}`);
  const domain = busy ?? cause;
  if (domain instanceof DomainError) {
    return {
      message: domain.message,
      path: formatted.path,
      extensions: { code: domain.code, ...(domain.fields ? { fields: domain.fields } : {}), ...domain.details },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'BAD_REQUEST') {
    // Apollo refused the HTTP request before any operation: no query, a GET of a mutation, or a body a browser
    // form could send from any site (Apollo's CSRF prevention: only JSON, or a preflighted header, gets in).
    // (Forms are refused before Apollo, by refuseFormPosts; what Apollo still calls CSRF is a GET without a JSON content type.)
    const csrf = /Cross-Site Request Forgery/i.test(formatted.message);
    const message = csrf
      ? 'Send GraphQL operations as JSON in a POST (content-type: application/json), or a GET with the header apollo-require-preflight; a query is required.'
      : formatted.message;
    log(`Refused request: ${message}`);
    return { message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (typeof code === 'string' && SCHEMA_MISMATCH_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'VALIDATION_FAILED' } };
  }
  log(original);
  return { message: 'Something went wrong on our side. Please try again.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * What Nest does with an error thrown inside a request. In a GraphQL operation: a DomainError is an answer
 * (wrong password, invalid input, not allowed), not a server failure, and goes straight to GraphQL (and
 * formatGraphQLError); a busy database (a statement past STATEMENT_TIMEOUT_MS, a deadlock retried to the end)
 * becomes SERVICE_UNAVAILABLE, logged in one line; anything else goes on to formatGraphQLError, which logs it
 * once. Without this, Nest logs every one at ERROR level with a stack trace. Over plain HTTP: a request
 * refused before GraphQL could read it (a body that is not JSON, or too large, refused by the body parser) is
 * answered on /graphql as GraphQL errors are, with code BAD_REQUEST, in one log line; other routes as Nest does.
 */
@Catch()
export class RequestErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Requests');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      if (exception instanceof DomainError) return exception;
      const busy = busyDatabaseError(exception);
      if (busy) this.logger.warn(`${busy.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
      return busy ?? exception;
    }
    if (host.getType() === 'http' && exception instanceof DomainError) {
      // A controller's route (the report's CSV): the code's HTTP status, and the error as GraphQL's extensions say it.
      const { code, message, fields, details } = exception;
      host.switchToHttp().getResponse<Response>().status(httpStatusOf(code)).json({ code, message, ...(fields ? { fields } : {}), ...details });
      return undefined;
    }
    if (host.getType() === 'http' && exception instanceof HttpException && exception.getStatus() < 500) {
      const http = host.switchToHttp();
      const [req, res] = [http.getRequest<Request>(), http.getResponse<Response>()];
      if (req.path.startsWith('/graphql')) {
        const status = exception.getStatus();
        const message = status === 413 ? 'The request is too large.' : status === 400 ? `The request body is not valid JSON: ${exception.message}` : exception.message;
        this.logger.warn(`Refused ${req.method} ${req.path}: ${exception.message}`);
        res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
        return undefined;
      }
    }
    return super.catch(exception, host);
  }
}

/**
 * Browser forms (url-encoded, multipart or plain text bodies) may post to any site without asking; the API
 * takes JSON only, and no page of ours posts a form to it, so such a post comes from another site: refused
 * with FORBIDDEN_ORIGIN before anything reads it (Apollo's CSRF prevention would refuse it too, as BAD_REQUEST).
 */
export function refuseFormPosts(req: Request, res: Response, next: () => void): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method !== 'POST' || !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type)) return next();
  res.status(httpStatusOf('FORBIDDEN_ORIGIN')).json({ errors: [{ message: 'This API only takes JSON requests; a form on another site may not post to it.', extensions: { code: 'FORBIDDEN_ORIGIN' } }] });
}
