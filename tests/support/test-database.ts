import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../apps/api/src/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrlAndTemplate(): { adminUrl: string; template: string } {
  const adminUrl = process.env.PEERDESK_TEST_ADMIN_URL;
  const template = process.env.PEERDESK_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('Integration tests run under jest with tests/support/global-setup.ts');
  return { adminUrl, template };
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Finished test databases are dropped this many at a time. PostgreSQL's DROP DATABASE waits for a checkpoint, 0.2 to
 * 4 s each on a busy machine, most of it the first drop's: the next ones find little left to write. Whatever a run
 * leaves is dropped by its global teardown.
 */
const DROP_BATCH = 8;

/** What the names of a run's test databases begin with, the run's template named in it. */
export function testDatabasePrefix(template: string): string {
  return `${template.replace('template', 't')}_`;
}

/** A fresh, migrated, empty database copied from the template: no test sees another's data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = adminUrlAndTemplate();
  const prefix = testDatabasePrefix(template);
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return { url: withDatabase(adminUrl, name), drop: () => withAdmin(adminUrl, (client) => finish(client, name, prefix)) };
}

/** Closes the database to connections (its end, for a test); drops the finished ones once DROP_BATCH wait. */
async function finish(client: Client, name: string, prefix: string): Promise<void> {
  await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  const finished = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND NOT datallowconn`, [`${prefix}%`]);
  if (finished.rows.length < DROP_BATCH) return;
  // Another jest worker may be dropping the same ones: whichever comes second finds them gone.
  for (const { datname } of finished.rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
}
