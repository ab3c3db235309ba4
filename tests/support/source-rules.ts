import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API's ownership rules, checked over its sources: SQL lives only in repositories (and migrations and
 * `.sql` files), each table has one writer, and `common/` imports no feature module.
 */
export const API_SRC = fileURLToPath(new URL('../../apps/api/src/', import.meta.url));

/**
 * Folders that are infrastructure and own no table: `database/` opens connections and clusters and runs
 * transactions; `bench/` builds synthetic databases of a million rows for measurement only; `seed/scale/` bulk-loads
 * a generated community with COPY into an empty database and rebuilds its derived tables set-based.
 */
const INFRASTRUCTURE = ['database/', 'bench/', 'seed/scale/'];

/** Folders under `src/` that are not feature modules: `common/` may import these and nothing else. */
const NOT_FEATURES = new Set(['common', 'config', 'database']);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

export function apiSourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) files.push(path.relative(API_SRC, full));
    }
  };
  walk(API_SRC);
  return files.sort();
}

/** The API's sources by path relative to `src/` (specs left out). */
export type Sources = ReadonlyMap<string, string>;

export function apiSources(): Sources {
  return new Map(apiSourceFiles().map((file) => [file, readFileSync(path.join(API_SRC, file), 'utf8')]));
}

const isRepository = (file: string) => file.endsWith('.repository.ts');

/** Ways to reach the database: raw SQL, TypeORM's query builder, repositories and entity manager calls. */
const DATA_ACCESS = [
  /\.query\s*(<[^>]*>)?\(/,
  /createQueryBuilder\(/,
  /getRepository\(/,
  /\bem\.(find\w*|save|insert|update|upsert|delete|softDelete|increment|decrement|count\w*|exists\w*|remove)\(/,
  /\.manager\.(find\w*|save|insert|update|upsert|delete|increment|decrement|count\w*|query)\(/,
  /['"`]\s*(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|WITH \w+ AS)\b/,
];

/** Every line outside repositories and infrastructure that reaches the database. */
export function sqlOutsideRepositories(sources: Sources = apiSources()): Finding[] {
  const findings: Finding[] = [];
  for (const [file, source] of sources) {
    if (isRepository(file) || INFRASTRUCTURE.some((dir) => file.startsWith(dir))) continue;
    source.split('\n').forEach((text, index) => {
      if (DATA_ACCESS.some((pattern) => pattern.test(text))) findings.push({ file, line: index + 1, text: text.trim() });
    });
  }
  return findings;
}

/** Entity class name → table, read from the `@Entity('table')` decorators. */
function entityTables(sources: Sources): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [file, source] of sources) {
    if (!file.endsWith('.entity.ts')) continue;
    for (const match of source.matchAll(/@Entity\(\s*['"](\w+)['"][^)]*\)\s*(?:@\w+\([^)]*\)\s*)*export class (\w+)/g)) {
      tables.set(match[2], match[1]);
    }
  }
  return tables;
}

const SQL_WRITE = /\b(?:INSERT INTO|UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?)\s+([a-z_]+)\b/g;
const ORM_WRITE = /\.(?:save|insert|update|upsert|delete|softDelete|increment|decrement|remove)\(\s*(\w+Entity)\b/g;
const ORM_REPOSITORY = /getRepository\(\s*(\w+Entity)\s*\)\s*\.\s*(?:save|insert|update|upsert|delete|softDelete|increment|decrement|remove)\(/g;

/** Every table the migrations create. */
export function migratedTables(): Set<string> {
  const dir = fileURLToPath(new URL('../../migrations/', import.meta.url));
  const tables = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g)) tables.add(match[1]);
  }
  return tables;
}

/** Table → the source files (outside migrations and `.sql` files) whose statements write it. */
export function tableWriters(sources: Sources = apiSources()): Map<string, Set<string>> {
  const tables = entityTables(sources);
  const known = migratedTables();
  const writers = new Map<string, Set<string>>();
  const add = (table: string, file: string) => {
    if (!known.has(table)) return;
    writers.set(table, (writers.get(table) ?? new Set()).add(file));
  };
  for (const [file, source] of sources) {
    if (INFRASTRUCTURE.some((dir) => file.startsWith(dir))) continue;
    for (const match of source.matchAll(SQL_WRITE)) add(match[1], file);
    for (const match of source.matchAll(ORM_WRITE)) if (tables.has(match[1])) add(tables.get(match[1])!, file);
    for (const match of source.matchAll(ORM_REPOSITORY)) if (tables.has(match[1])) add(tables.get(match[1])!, file);
  }
  return writers;
}

/** Imports in `common/` of a feature module (anything but `common`, `config` and `database`). */
export function commonImportsOfFeatures(sources: Sources = apiSources()): Finding[] {
  const findings: Finding[] = [];
  for (const [file, source] of sources) {
    if (!file.startsWith('common/')) continue;
    source.split('\n').forEach((text, index) => {
      const target = /from\s+['"](\.\.?\/[^'"]+)['"]/.exec(text)?.[1];
      if (!target) return;
      const folder = path.relative(API_SRC, path.resolve(API_SRC, path.dirname(file), target)).split(path.sep)[0];
      if (!NOT_FEATURES.has(folder)) findings.push({ file, line: index + 1, text: text.trim() });
    });
  }
  return findings;
}
