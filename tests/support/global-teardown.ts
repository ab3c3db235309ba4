import { Client } from 'pg';
import { testDatabasePrefix } from './test-database';

/** Drops the template and any test database a crashed test file left behind, then stops an embedded server. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__peerdeskTestServer;
  if (!state) return;
  const admin = new Client({ connectionString: state.server.adminUrl });
  await admin.connect();
  try {
    const leftovers = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `${testDatabasePrefix(state.template)}%`,
      state.template,
    ]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await state.server.stop();
}
