import { DataSource } from 'typeorm';
import { migrations } from '@peerdesk/migrations';
import { ENTITIES } from '../entities';
import { PreparingClient } from './prepared-statements';
import { StatementCounter } from './statement-counter';

/**
 * The one way to reach PostgreSQL: the app, the CLI and the tests all use it. `statementTimeoutMs` (the API's
 * request connections only, STATEMENT_TIMEOUT_MS) makes PostgreSQL cancel any statement running or waiting for
 * a lock longer than that (SQLSTATE 57014, answered SERVICE_UNAVAILABLE); migrations, the importer, the seed,
 * reindex and the bench connect without one. `countStatements` (COUNT_SQL_STATEMENTS, tests only) makes its
 * logger a StatementCounter. Its connections send the hot statements as named prepared statements (prepared-statements.ts).
 */
export function createDataSource(
  databaseUrl: string,
  poolSize = 10,
  { statementTimeoutMs, countStatements }: { statementTimeoutMs?: number; countStatements?: boolean } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations,
    migrationsTableName: 'schema_migrations',
    // One migration at a time, each in its own transaction, so a failed one leaves nothing half-done.
    migrationsTransactionMode: 'each',
    synchronize: false,
    ...(countStatements ? { logger: new StatementCounter() } : {}),
    extra: { Client: PreparingClient, max: poolSize, connectionTimeoutMillis: 5000, ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}) },
  });
}

/** Applies pending migrations; returns the names it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations();
  return applied.map((m) => m.name);
}
