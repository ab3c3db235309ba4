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
