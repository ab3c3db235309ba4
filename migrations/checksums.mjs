// Landed migrations are never edited. This records each migration file's checksum once, in checksums.json, with
// the checksums of the rule files (apps/api/src/**/sql/*.sql) it applies as they were then; tests/api/migrations.spec.ts
// runs it with --check.
//
//   node migrations/checksums.mjs          records the migrations not yet listed (npm run migrations:checksums)
//   node migrations/checksums.mjs --check  lists every difference and exits 1 when there is one
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS = path.dirname(fileURLToPath(import.meta.url));
const API_SRC = path.join(MIGRATIONS, '..', 'apps', 'api', 'src');
const LIST = path.join(MIGRATIONS, 'checksums.json');
const HOW_TO_CHANGE = 'To change the schema or a rule, add a NEW migration (migrations/<timestamp>-<Name>.ts, registered in migrations/index.ts; '
  + 'a rule is re-applied with applyRuleFiles(db, [file])), then run `npm run migrations:checksums`.';

// Line endings do not count: a checkout with CRLF holds the same migration.
const sha256 = (file) => createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
const migrationFiles = () => readdirSync(MIGRATIONS).filter((f) => /^\d{13}-\w+\.ts$/.test(f)).sort();
/** The rule files a migration applies: the `.sql` paths (under apps/api/src) its source names. */
const ruleFilesOf = (file) => [...readFileSync(path.join(MIGRATIONS, file), 'utf8').matchAll(/['"]([\w/.-]+\.sql)['"]/g)].map((m) => m[1]);
function allRuleFiles(dir = API_SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return allRuleFiles(full);
    return entry.name.endsWith('.sql') && path.basename(dir) === 'sql' ? [path.relative(API_SRC, full).split(path.sep).join('/')] : [];
  });
}

const recorded = existsSync(LIST) ? JSON.parse(readFileSync(LIST, 'utf8')) : {};

if (process.argv.includes('--check')) {
  const problems = [];
  for (const [file, entry] of Object.entries(recorded)) {
    if (!existsSync(path.join(MIGRATIONS, file))) problems.push(`migrations/${file} landed and is gone: landed migrations stay. ${HOW_TO_CHANGE}`);
    else if (sha256(path.join(MIGRATIONS, file)) !== entry.sha256) {
      problems.push(`migrations/${file} landed and was edited: undo the edit (databases that ran it will never run it again). ${HOW_TO_CHANGE}`);
    }
  }
  for (const file of migrationFiles().filter((f) => !(f in recorded))) {
    problems.push(`migrations/${file} is not in migrations/checksums.json: once it is final, run \`npm run migrations:checksums\`; after that it is never edited.`);
  }
  for (const rule of allRuleFiles()) {
    const newest = Object.keys(recorded).sort().reverse().find((file) => rule in (recorded[file].ruleFiles ?? {}));
    if (!newest) problems.push(`apps/api/src/${rule} is applied by no migration. ${HOW_TO_CHANGE}`);
    else if (recorded[newest].ruleFiles[rule] !== sha256(path.join(API_SRC, rule))) {
      problems.push(`apps/api/src/${rule} changed since migrations/${newest} applied it, and databases that ran that migration keep the old text. ${HOW_TO_CHANGE}`);
    }
  }
  process.stdout.write(problems.map((p) => `${p}\n`).join(''));
  process.exit(problems.length ? 1 : 0);
}

const added = migrationFiles().filter((f) => !(f in recorded));
for (const file of added) {
  const rules = ruleFilesOf(file);
  recorded[file] = {
    sha256: sha256(path.join(MIGRATIONS, file)),
    ...(rules.length ? { ruleFiles: Object.fromEntries(rules.map((rule) => [rule, sha256(path.join(API_SRC, rule))])) } : {}),
  };
}
writeFileSync(LIST, `${JSON.stringify(recorded, null, 2)}\n`);
process.stdout.write(added.length ? `Recorded ${added.join(', ')} in migrations/checksums.json\n` : 'Every migration is recorded already\n');
