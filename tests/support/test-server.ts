import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

export interface TestServer {
  adminUrl: string;
  description: string;
  stop(): Promise<void>;
}

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL when set, else the machine's PostgreSQL on 127.0.0.1:5432, else an embedded one. */
export async function resolveTestServer(): Promise<TestServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { adminUrl: fromEnv, description: 'DATABASE_URL', stop: async () => undefined };
  if (await reachable(MACHINE_POSTGRES)) {
    return { adminUrl: MACHINE_POSTGRES, description: 'PostgreSQL on 127.0.0.1:5432', stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'peerdesk-test-pg-'));
  const port = 15432 + (process.pid % 1000);
  const server = await startEmbeddedPostgres(dir, port, (line) => process.stderr.write(`${line}\n`));
  return {
    adminUrl: server.adminUrl,
    description: `embedded PostgreSQL on port ${port}`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
