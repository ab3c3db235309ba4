import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';
import { ruleFileText } from '../../migrations/rule-files';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_SRC = path.join(ROOT, 'apps', 'api', 'src');

/** Every rule file: the `.sql` files in a `sql/` folder of a module, by path under apps/api/src. */
function ruleFiles(dir = API_SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ruleFiles(full);
    return entry.name.endsWith('.sql') && path.basename(dir) === 'sql' ? [path.relative(API_SRC, full)] : [];
  });
}

/** Every function of the schema that no extension brought, with its definition as PostgreSQL prints it. */
async function functionDefinitions(client: Client): Promise<Map<string, string>> {
  const { rows } = await client.query<{ signature: string; definition: string }>(
    `SELECT p.oid::regprocedure::text AS signature, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`);
  return new Map(rows.map((row) => [row.signature, row.definition]));
}

describe('migrations', () => {
  it('that landed are unchanged, each recorded in migrations/checksums.json with the rule files it applied', () => {
    const check = spawnSync(process.execPath, ['migrations/checksums.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`${check.stdout}${check.stderr}`);
  });
});

describe('rules that run inside PostgreSQL', () => {
  let database: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('are every function of the migrated database, each defined in one rule file', async () => {
    const defined = ruleFiles().flatMap((file) => [...ruleFileText(file).matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)].map((m) => m[1]));
    expect(new Set(defined).size).toBe(defined.length);
    const inDatabase = [...(await functionDefinitions(client)).keys()].map((signature) => signature.replace(/\(.*$/, ''));
    expect([...defined].sort()).toEqual([...inDatabase].sort());
  });

  it('have, in the migrated database, exactly the text of their rule files (re-applying them changes nothing)', async () => {
    const migrated = await functionDefinitions(client);
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL check_function_bodies = off');
      for (const file of ruleFiles()) await client.query(ruleFileText(file));
      expect(Object.fromEntries(await functionDefinitions(client))).toEqual(Object.fromEntries(migrated));
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
