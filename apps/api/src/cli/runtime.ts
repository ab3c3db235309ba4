import path from 'node:path';
import { DataSource } from 'typeorm';
import { type AppConfig, ConfigError, loadConfig } from '../config/config';
import { createDataSource, runMigrations } from '../database/data-source';
import { type EmbeddedServer, ensureDatabase, recreateDatabase, startEmbeddedPostgres, withDatabase } from '../database/embedded-postgres';

/** The repository root, from apps/api/dist/src/cli (where the built CLI runs). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

export function log(message: string): void {
  process.stdout.write(`[peerdesk] ${message}\n`);
}

/** Reads the environment, or prints every configuration mistake and exits non-zero. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration", for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
}

export interface Database {
  dataSource: DataSource;
  /** True when no DATABASE_URL was given and Peerdesk runs its own PostgreSQL. */
  embedded: boolean;
  /** A second pool on the same database for the API's requests, with STATEMENT_TIMEOUT_MS; closed by close(). */
  forRequests(statementTimeoutMs: number): Promise<DataSource>;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in `${DATA_DIR}/pg`, then migrates.
 * `scratchDatabase` names a throwaway database on the same server, made afresh (benchmarks), so the
 * community's own data is never touched; `keepScratch` keeps it when it exists already.
 */
export async function openDatabase(config: AppConfig, options: { scratchDatabase?: string; keepScratch?: boolean } = {}): Promise<Database> {
  let server: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const dir = path.join(config.dataDir, 'pg');
    log(`No DATABASE_URL set: starting the embedded PostgreSQL in ${dir} on port ${config.embeddedPostgresPort}`);
    server = await startEmbeddedPostgres(dir, config.embeddedPostgresPort, log);
    await ensureDatabase(server.adminUrl, 'peerdesk');
    url = withDatabase(server.adminUrl, 'peerdesk');
  }
  if (options.scratchDatabase) {
    if (options.keepScratch) await ensureDatabase(url, options.scratchDatabase);
    else await recreateDatabase(url, options.scratchDatabase);
    url = withDatabase(url, options.scratchDatabase);
  }
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
  } catch (error) {
    await server?.stop();
    throw new Error(`Could not connect to PostgreSQL (${redact(url)}): ${(error as Error).message}`);
  }
  const applied = await runMigrations(dataSource);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  let requests: DataSource | null = null;
  return {
    dataSource,
    embedded: server !== null,
    forRequests: async (statementTimeoutMs) => {
      requests ??= await createDataSource(url, 10, { statementTimeoutMs }).initialize();
      return requests;
    },
    close: async () => {
      if (requests?.isInitialized) await requests.destroy();
      await dataSource.destroy();
      await server?.stop();
    },
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Runs a CLI command: failures print a readable message and exit non-zero. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[peerdesk] ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
