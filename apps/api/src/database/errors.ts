import { QueryFailedError } from 'typeorm';

/** PostgreSQL said a unique index refused the row (SQLSTATE 23505): the caller turns it into CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
