import { progress } from '../common/progress';
import { importStackExchange, type ImportReport } from '../importer/stackexchange-importer';
import { createSearchEngine } from '../search/search-engine.factory';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

const USAGE = 'npm run import:stackexchange -- --dir <folder> [--category <slug>] [--employees <id,id,…>] [--site <host>] [--dry-run]';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['dir', 'category', 'employees', 'site'], flags: ['dry-run'] });
  if (typeof args.dir !== 'string') throw new Error(`Say which dump to import: ${USAGE}`);
  const config = configOrExit();
  const database = await openDatabase(config);
  try {
    const report = await importStackExchange(database.dataSource, {
      dir: args.dir,
      category: typeof args.category === 'string' ? args.category : undefined,
      site: typeof args.site === 'string' ? args.site : undefined,
      employees: typeof args.employees === 'string' ? args.employees.split(',').map((id) => id.trim()).filter(Boolean) : [],
      dryRun: args['dry-run'] === true,
      onProgress: ({ file, done, total, startedAt }) => progress(file.padEnd(9), done, total, startedAt),
      searchIndex: createSearchEngine(config, database.dataSource),
      imageHosts: config.imageHosts,
    });
    printReport(report);
  } finally {
    await database.close();
  }
});

export function printReport(report: ImportReport): void {
  const line = (counts: Record<string, number>) => Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
  log(`${report.dryRun ? 'Dry run (nothing written)' : 'Imported'} from ${report.source}: ${line(report.imported)}`);
  log(`Already imported before (left alone): ${line(report.alreadyImported)}`);
  log(`Votes counted: ${report.votes.up} up, ${report.votes.down} down, ${report.votes.accepted} acceptance, ${report.votes.other} of other kinds`);
  const skipped = Object.entries(report.skipped);
  log(skipped.length ? `Not imported: ${skipped.map(([reason, n]) => `${n} × ${reason}`).join('; ')}` : 'Not imported: nothing');
  log(`${report.rows.toLocaleString('en')} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rows / Math.max(report.seconds, 0.001)).toLocaleString('en')} rows/s)`);
}
