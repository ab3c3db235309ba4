import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_SNAPSHOT_DIRS, sqlSnapshots } from '../../apps/api/src/schema/sql-snapshots';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The lines that differ, marked - (checked in) and + (built now), with a line of context either side. */
function lineDiff(committed: string, built: string): string {
  const [a, b] = [committed.split('\n'), built.split('\n')];
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (i > 0 && a[i - 1] === b[i - 1] && lines.at(-1) !== `  ${a[i - 1]}`) lines.push(`  ${a[i - 1]}`);
    if (i < a.length) lines.push(`- ${a[i]}`);
    if (i < b.length) lines.push(`+ ${b[i]}`);
  }
  return lines.join('\n');
}

describe('SQL snapshots (the big statements, checked in as SQL)', () => {
  it('are exactly the statements the repositories build', () => {
    const built = sqlSnapshots();
    const problems: string[] = [];
    for (const [file, text] of built) {
      const full = path.join(ROOT, file);
      if (!existsSync(full)) problems.push(`${file} is missing.`);
      else if (readFileSync(full, 'utf8') !== text) problems.push(`${file} differs from the statement the code builds:\n${lineDiff(readFileSync(full, 'utf8'), text)}`);
    }
    for (const dir of SQL_SNAPSHOT_DIRS) {
      for (const name of existsSync(path.join(ROOT, dir)) ? readdirSync(path.join(ROOT, dir)) : []) {
        if (!built.has(`${dir}/${name}`)) problems.push(`${dir}/${name} is the snapshot of no statement.`);
      }
    }
    if (problems.length) throw new Error(`${problems.join('\n\n')}\n\nRun \`npm run sql:snapshots\` and commit the snapshots with the change.`);
    expect(built.size).toBeGreaterThan(0);
  });
});
