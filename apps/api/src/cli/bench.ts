import type { DataSource } from 'typeorm';
import { benchDeflectionReport } from '../bench/deflection-report.bench';
import { benchEscalationSweep } from '../bench/escalation-sweep.bench';
import { benchSearch } from '../bench/search.bench';
import type { AppConfig } from '../config/config';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

interface BenchOptions {
  /** Keep a scratch database that already holds the seeded data (only benchmarks that can check it). */
  reuse: boolean;
}

const BENCHMARKS: Record<string, {
  title: (n: number) => string;
  run: (db: DataSource, config: AppConfig, n: number, options: BenchOptions) => Promise<Record<string, string>>;
  reusable?: true;
}> = {
  'escalation-sweep': { title: (n) => `Escalation sweep benchmark: ${n.toLocaleString('en')} due questions`, run: benchEscalationSweep },
  'deflection-report': { title: (n) => `Deflection report benchmark: ${n.toLocaleString('en')} questions over a year`, run: benchDeflectionReport },
  search: { title: (n) => `Search benchmark: ${n.toLocaleString('en')} questions, search and similarQuestions over HTTP`, run: benchSearch, reusable: true },
};

/**
 * `npm run bench [-- --only escalation-sweep|deflection-report|search] [--questions N] [--database NAME] [--reuse]`:
 * speed targets are measured here, each benchmark on a fresh scratch database (`peerdesk_bench` unless
 * named, dropped and made afresh on the configured server), never in timed tests. `--reuse` keeps the
 * scratch database when the benchmark finds its data already seeded (search), to time again quickly.
 */
runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['questions', 'only', 'database'], flags: ['reuse'] });
  const questions = Number(args.questions ?? 100_000);
  if (!Number.isInteger(questions) || questions < 1) throw new Error('--questions must be a whole number above 0');
  const scratchDatabase = String(args.database ?? 'peerdesk_bench');
  if (!/^[a-z_][a-z0-9_]*$/.test(scratchDatabase)) throw new Error('--database is a lower-case PostgreSQL name');
  const only = args.only === undefined ? Object.keys(BENCHMARKS) : [String(args.only)];
  for (const name of only) if (!BENCHMARKS[name]) throw new Error(`--only is one of ${Object.keys(BENCHMARKS).join(', ')}`);
  const reuse = args.reuse === true;
  if (reuse && !only.every((name) => BENCHMARKS[name].reusable)) throw new Error('--reuse needs --only with a benchmark that checks its seeded data (search)');
  // Background timers stay off (as under test), so the benchmark times exactly the work it starts.
  const config = { ...configOrExit(), nodeEnv: 'test' as const };
  for (const name of only) {
    const database = await openDatabase(config, { scratchDatabase, keepScratch: reuse });
    try {
      log(BENCHMARKS[name].title(questions));
      const figures = await BENCHMARKS[name].run(database.dataSource, config, questions, { reuse });
      for (const [figure, value] of Object.entries(figures)) log(`${figure.padEnd(32)} ${value}`);
    } finally {
      await database.close();
    }
  }
});
