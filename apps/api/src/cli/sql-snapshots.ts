import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SQL_SNAPSHOT_DIRS, sqlSnapshots } from '../schema/sql-snapshots';
import { log, REPO_ROOT, runCli } from './runtime';

/** Writes the SQL snapshots (`npm run sql:snapshots`), removing those whose statement is gone. */
runCli(async () => {
  const files = sqlSnapshots();
  for (const dir of SQL_SNAPSHOT_DIRS) {
    mkdirSync(path.join(REPO_ROOT, dir), { recursive: true });
    for (const name of readdirSync(path.join(REPO_ROOT, dir))) {
      if (!files.has(`${dir}/${name}`)) rmSync(path.join(REPO_ROOT, dir, name));
    }
  }
  for (const [file, text] of files) writeFileSync(path.join(REPO_ROOT, file), text);
  log(`Wrote ${files.size} SQL snapshots to ${SQL_SNAPSHOT_DIRS.join(', ')}`);
});
