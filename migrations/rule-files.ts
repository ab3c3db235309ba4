import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { QueryRunner } from 'typeorm';

/**
 * Rules that run inside PostgreSQL (report functions, trigger functions, search functions) live in `.sql` files in
 * their module, under apps/api/src (`reports/sql/`, `search/sql/`), each function as `CREATE OR REPLACE`: a
 * function's current text is readable in one place. Migrations apply those files; they never spell a function out.
 *
 * A landed migration is never edited (tests/api/migrations.spec.ts checks migrations/checksums.json), so a change
 * to a rule is: edit its `.sql` file, add a NEW migration whose `up` calls `applyRuleFiles(db, [that file])`, and
 * run `npm run migrations:checksums`, which records the new migration and the rule files as it applies them. The
 * test fails when a rule file differs from what the newest migration applying it recorded.
 *
 * The files are read when the migration runs, so a fresh database gets the current text from the first migration
 * that applies a file (and again from each later one): a rule's text must therefore work against the schema as
 * that first migration left it, or the change that needs a newer schema drops and recreates the function in its
 * own migration instead. Function bodies are not checked at creation (as pg_dump restores them), so a body naming
 * a column a later migration adds does not fail there.
 */
export async function applyRuleFiles(db: QueryRunner, files: readonly string[]): Promise<void> {
  // For the migration's transaction only.
  await db.query(`SET LOCAL check_function_bodies = off`);
  for (const file of files) await db.query(ruleFileText(file));
  await createRetiredNames(db, files);
}

/**
 * Functions a rule file no longer defines but a landed migration names (in CREATE TRIGGER) right after applying it:
 * the file, the old name, the function that replaced it, and the migration that re-pointed the triggers and dropped
 * the old name. Until that migration has run, applying the file also creates the old name as a copy of its
 * replacement, so the landed migration still runs on a fresh database.
 */
const RETIRED_NAMES = [
  // PrivateConversations1763901600000 attaches its triggers to this name; RollupDeltas1763901710000 re-attached them.
  { file: 'reports/sql/report-question-facts.sql', name: 'report_facts_after_private_conversations', replacement: 'report_facts_after_change', retiredBy: 'RollupDeltas1763901710000' },
];

async function createRetiredNames(db: QueryRunner, files: readonly string[]): Promise<void> {
  for (const { file, name, replacement, retiredBy } of RETIRED_NAMES.filter((retired) => files.includes(retired.file))) {
    const [ran] = await db.query(`SELECT 1 FROM schema_migrations WHERE name = $1`, [retiredBy]);
    if (ran) continue;
    const [{ definition }] = await db.query(`SELECT pg_get_functiondef(to_regprocedure($1)) AS definition`, [`${replacement}()`]);
    await db.query((definition as string).replace(`FUNCTION public.${replacement}(`, `FUNCTION public.${name}(`));
  }
}

/** A rule file's text, by its path under apps/api/src (`reports/sql/report-outcome.sql`). */
export function ruleFileText(file: string): string {
  const full = path.join(apiSources(), file);
  if (!existsSync(full)) throw new Error(`The rule file apps/api/src/${file} is missing: migrations read it from the source tree.`);
  return readFileSync(full, 'utf8');
}

/**
 * apps/api/src, found from this file when it runs compiled (migrations/dist/, the CLI and the embedded start), or
 * from the working directory up when it runs from its TypeScript source as an ES module (jest), where there is no
 * __dirname.
 */
function apiSources(): string {
  const candidates = typeof __dirname === 'string' ? [path.resolve(__dirname, '..', '..', 'apps', 'api', 'src')] : [];
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'apps', 'api', 'src'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'reports', 'sql')));
  if (!found) throw new Error(`Cannot find apps/api/src (the rule files) from ${typeof __dirname === 'string' ? __dirname : process.cwd()}.`);
  return found;
}
