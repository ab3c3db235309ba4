import type { DataSource } from 'typeorm';
import { benchDeflectionReport } from '../bench/deflection-report.bench';
import { benchEscalationSweep } from '../bench/escalation-sweep.bench';
import type { AppConfig } from '../config/config';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

const BENCHMARKS: Record<string, { title: (n: number) => string; run: (db: DataSource, config: AppConfig, n: number) => Promise<Record<string, string>> }> = {
  'escalation-sweep': { title: (n) => `Escalation sweep benchmark: ${n.toLocaleString('en')} due questions`, run: benchEscalationSweep },
  'deflection-report': { title: (n) => `Deflection report benchmark: ${n.toLocaleString('en')} questions over a year`, run: benchDeflectionReport },
};

/**
 * `npm run bench [-- --only escalation-sweep|deflection-report] [--questions N]`: speed targets are measured
 * here, each benchmark on a fresh scratch database (`peerdesk_bench`, dropped and made afresh on the
 * configured server), never in timed tests.
 */
runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['questions', 'only'], flags: [] });
  const questions = Number(args.questions ?? 100_000);
  if (!Number.isInteger(questions) || questions < 1) throw new Error('--questions must be a whole number above 0');
  const only = args.only === undefined ? Object.keys(BENCHMARKS) : [String(args.only)];
  for (const name of only) if (!BENCHMARKS[name]) throw new Error(`--only is one of ${Object.keys(BENCHMARKS).join(', ')}`);
  // Background timers stay off (as under test), so the benchmark times exactly the work it starts.
  const config = { ...configOrExit(), nodeEnv: 'test' as const };
  for (const name of only) {
    const database = await openDatabase(config, { scratchDatabase: 'peerdesk_bench' });
    try {
      log(BENCHMARKS[name].title(questions));
      const figures = await BENCHMARKS[name].run(database.dataSource, config, questions);
      for (const [figure, value] of Object.entries(figures)) log(`${figure.padEnd(32)} ${value}`);
    } finally {
      await database.close();
    }
  }
});
