import { MODERATION_REPORT_STATEMENTS } from '../reports/moderation-report.repository';
import { REPORT_STATEMENTS } from '../reports/reports.repository';
import { POSTGRES_SEARCH_STATEMENTS } from '../search/postgres-search.repository';

/** Where each module's statements are checked in, from the repository root, and the repository that builds them. */
const SOURCES = [
  { dir: 'apps/api/src/reports/queries', source: 'apps/api/src/reports/reports.repository.ts', statements: REPORT_STATEMENTS },
  { dir: 'apps/api/src/reports/queries', source: 'apps/api/src/reports/moderation-report.repository.ts', statements: MODERATION_REPORT_STATEMENTS },
  { dir: 'apps/api/src/search/queries', source: 'apps/api/src/search/postgres-search.repository.ts', statements: POSTGRES_SEARCH_STATEMENTS },
];

/** The folders that hold nothing but snapshots (a snapshot whose statement is gone is stale). */
export const SQL_SNAPSHOT_DIRS = [...new Set(SOURCES.map(({ dir }) => dir))];

/**
 * The big statements the API assembles, as checked-in SQL files (path from the repository root → text), so a change
 * to the SQL shows in review as SQL. `npm run sql:snapshots` writes them; tests/api/sql-snapshots.spec.ts fails when
 * they differ from what the code builds. Parameters keep their names (`:from`), as the repositories write them.
 */
export function sqlSnapshots(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { dir, source, statements } of SOURCES) {
    for (const [name, text] of Object.entries(statements)) {
      const body = text.trim().split('\n').map((line) => line.trimEnd()).join('\n');
      files.set(`${dir}/${name}.sql`, `-- Written by \`npm run sql:snapshots\` from ${source}: do not edit by hand.\n\n${body}\n`);
    }
  }
  return files;
}
