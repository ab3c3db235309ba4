import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@peerdesk/domain';

/**
 * Apollo's own codes for a request that does not fit the schema, or is no GraphQL request at all (BAD_REQUEST:
 * no query, a malformed body); clients see them as VALIDATION_FAILED, with Apollo's message.
 */
const SCHEMA_MISMATCH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * The one place where failures become GraphQL errors: a DomainError keeps its code, message and fields;
 * anything unexpected is logged and hidden behind a generic message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // A resolver's error arrives unwrapped; one raised while validating or planning (a limit) arrives inside a GraphQLError.
  const domain = original instanceof GraphQLError ? original.originalError : original;
  if (domain instanceof DomainError) {
    return {
      message: domain.message,
      path: formatted.path,
      extensions: { code: domain.code, ...(domain.fields ? { fields: domain.fields } : {}), ...domain.details },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && SCHEMA_MISMATCH_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'VALIDATION_FAILED' } };
  }
  log(original);
  return { message: 'Something went wrong on our side. Please try again.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * A DomainError is an answer (wrong password, invalid input, not allowed), not a server failure: hand it
 * straight to GraphQL (and formatGraphQLError). Without this, Nest logs every one at ERROR level with a stack trace.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
