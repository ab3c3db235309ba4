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

/** A fresh, migrated, empty database copied from the template: no test sees another's data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = adminUrlAndTemplate();
  const name = `${template.replace('template', 't')}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: withDatabase(adminUrl, name),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
