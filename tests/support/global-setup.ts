import { Client } from 'pg';
import { createDataSource, runMigrations } from '../../apps/api/src/database/data-source';
import { withDatabase } from '../../apps/api/src/database/embedded-postgres';
import { resolveTestServer, type TestServer } from './test-server';

declare global {
  // eslint-disable-next-line no-var
  var __peerdeskTestServer: { server: TestServer; template: string } | undefined;
}

/**
 * Once per `npm test`: find a PostgreSQL, migrate a template database, and tell the test files where it
 * is. Each test file then copies the template into a database of its own (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const server = await resolveTestServer();
  const template = `peerdesk_template_${process.pid}`;
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource(withDatabase(server.adminUrl, template), 1);
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  process.env.PEERDESK_TEST_ADMIN_URL = server.adminUrl;
  process.env.PEERDESK_TEST_TEMPLATE = template;
  globalThis.__peerdeskTestServer = { server, template };
  process.stdout.write(`\nIntegration tests use ${server.description}, template database ${template}\n`);
}
