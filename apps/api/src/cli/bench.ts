import path from 'node:path';
import type { DataSource } from 'typeorm';
import { benchDeflectionReport } from '../bench/deflection-report.bench';
import { benchEscalationSweep } from '../bench/escalation-sweep.bench';
import { benchHttp } from '../bench/http/http.bench';
import { benchSearch } from '../bench/search.bench';
import type { AppConfig } from '../config/config';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, REPO_ROOT, runCli } from './runtime';

interface BenchOptions {
  /** Keep a scratch database that already holds the seeded data (only benchmarks that can check it). */
  reuse: boolean;
  /** The HTTP bench's rows: seconds each, at each concurrency, results under `out`, servers from `port`. */
  seconds: number;
  concurrency: number[];
  out: string;
  port: number;
  /** The HTTP bench's rows to run, by the start of their name (`--rows category,question`); all when absent. */
  rows?: string[];
}

const BENCHMARKS: Record<string, {
  title: (n: number) => string;
  run: (db: DataSource, config: AppConfig, n: number, options: BenchOptions) => Promise<Record<string, string>>;
  reusable?: true;
}> = {
  'escalation-sweep': { title: (n) => `Escalation sweep benchmark: ${n.toLocaleString('en')} due questions`, run: benchEscalationSweep },
  'deflection-report': { title: (n) => `Deflection report benchmark: ${n.toLocaleString('en')} questions over a year`, run: benchDeflectionReport },
  search: { title: (n) => `Search benchmark: ${n.toLocaleString('en')} questions, search and similarQuestions over HTTP`, run: benchSearch, reusable: true },
  http: {
    title: (n) => `HTTP benchmark: ${n.toLocaleString('en')} questions, pages and writes against npm start's API and web`,
    run: async (db, config, n, options) => {
      const result = await benchHttp(db, config, n, { ...options, outDir: options.out, deepPage: 50, log });
      return { 'rows with errors': String(result.rows.filter((row) => row.figures.errors + row.figures.non2xx > 0).length) };
    },
    reusable: true,
  },
};

function wholeNumber(value: string | true | undefined, name: string, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
  return n;
}

/**
 * `npm run bench [-- --only escalation-sweep|deflection-report|search|http] [--questions N] [--database NAME] [--reuse]
 * [--seconds S] [--concurrency 10,50] [--out DIR] [--port P] [--rows category,question]`:
 * speed targets are measured here, each benchmark on a fresh scratch database (`peerdesk_bench` unless
 * named, dropped and made afresh on the configured server), never in timed tests. `--reuse` keeps the
 * scratch database when the benchmark finds its data already seeded (search, http), to time again quickly.
 * The HTTP bench's rows last `--seconds` (10) at each `--concurrency` (10,50); it writes http-N.json and .md
 * under `--out` (docs/bench) and listens on 127.0.0.1 from `--port` (4340) to four above it; `--rows` runs only the
 * rows whose name starts with one of its comma-separated words (e.g. `category,question` for the read pages).
 */
runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['questions', 'only', 'database', 'seconds', 'concurrency', 'out', 'port', 'rows'], flags: ['reuse'] });
  const questions = wholeNumber(args.questions, 'questions', 100_000);
  const seconds = wholeNumber(args.seconds, 'seconds', 10);
  const concurrency = String(args.concurrency ?? '10,50').split(',').map((n) => wholeNumber(n.trim(), 'concurrency', 10));
  const port = wholeNumber(args.port, 'port', 4340);
  const rows = args.rows === undefined ? undefined : String(args.rows).split(',').map((name) => name.trim());
  const out = path.resolve(REPO_ROOT, String(args.out ?? 'docs/bench'));
  const scratchDatabase = String(args.database ?? 'peerdesk_bench');
  if (!/^[a-z_][a-z0-9_]*$/.test(scratchDatabase)) throw new Error('--database is a lower-case PostgreSQL name');
  const only = args.only === undefined ? Object.keys(BENCHMARKS) : [String(args.only)];
  for (const name of only) if (!BENCHMARKS[name]) throw new Error(`--only is one of ${Object.keys(BENCHMARKS).join(', ')}`);
  const reuse = args.reuse === true;
  if (reuse && !only.every((name) => BENCHMARKS[name].reusable)) throw new Error('--reuse needs --only with a benchmark that checks its seeded data (search, http)');
  // Background timers stay off (and the rest as under test), so the benchmark times exactly the work it starts.
  const config = { ...configOrExit(), nodeEnv: 'test' as const, backgroundTimers: false };
  for (const name of only) {
    const database = await openDatabase(config, { scratchDatabase, keepScratch: reuse });
    try {
      log(BENCHMARKS[name].title(questions));
      const figures = await BENCHMARKS[name].run(database.dataSource, config, questions, { reuse, seconds, concurrency, out, port, rows });
      for (const [figure, value] of Object.entries(figures)) log(`${figure.padEnd(32)} ${value}`);
    } finally {
      await database.close();
    }
  }
});
