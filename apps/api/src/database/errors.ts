import { type EntityManager, type EntityTarget, type ObjectLiteral, QueryFailedError } from 'typeorm';
import { type DomainError, notFound, serviceUnavailable } from '@peerdesk/domain';

/** The SQLSTATE of a PostgreSQL error, as TypeORM or node-postgres raised it; undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? error.driverError : error;
  const code = (driverError as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL said a unique index refused the row (SQLSTATE 23505): the caller turns it into CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * Database failures that mean "busy", not "broken": the statement ran past STATEMENT_TIMEOUT_MS (57014),
 * waited too long for a lock (55P03), lost a deadlock or serialization conflict on every attempt (40P01,
 * 40001), or the server refused another connection (53300). The request did nothing; the same request
 * may succeed shortly. Anything else stays an internal error.
 */
const BUSY: Record<string, string> = {
  '57014': 'The server took too long to answer this request',
  '55P03': 'The server took too long to answer this request',
  '40P01': 'Too many people are changing this at the same time',
  '40001': 'Too many people are changing this at the same time',
  '53300': 'The server is busy',
};

/**
 * The database cannot be reached: the connection was refused, reset or cut (a restart, a fail-over, a
 * network fault), the server is shutting down or starting (57P01–57P03), a connection exception (class 08),
 * or the database takes no connections. The request did nothing; it may succeed once the database is back.
 */
function isUnreachableDatabase(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (state.startsWith('08') || ['57P01', '57P02', '57P03'].includes(state))) return true;
  const driverError = error instanceof QueryFailedError ? error.driverError : error;
  const code = (driverError as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|not currently accepting connections|connection is not yet established/i.test(message);
}

/** SERVICE_UNAVAILABLE (with a retry hint) for a database error that means the server is busy or out of reach; null for others. */
export function busyDatabaseError(error: unknown): DomainError | null {
  const state = sqlState(error);
  const reason = state ? BUSY[state] : undefined;
  if (reason) return serviceUnavailable(`${reason}; nothing was changed. Please try again in a moment.`, 2);
  if (isUnreachableDatabase(error)) {
    return serviceUnavailable('The community database is not reachable right now; nothing was changed. Please try again in a minute.', 10);
  }
  // node-postgres' pool, when every connection stayed busy for connectionTimeoutMillis.
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
    return serviceUnavailable('The server is busy; nothing was changed. Please try again in a moment.', 2);
  }
  return null;
}

/**
 * NOT_FOUND for an id whose live (not soft-deleted) row was not found. Only a row that still exists
 * was deleted; an id that never named one gets "there is no such …", not a guess that it was deleted.
 */
export async function missing(em: EntityManager, entity: EntityTarget<ObjectLiteral>, what: string, id: string): Promise<DomainError> {
  return (await em.existsBy(entity, { id })) ? notFound(`That ${what} has been deleted.`) : notFound(`There is no ${what} ${id}.`);
}
