import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { progress } from '../../common/progress';
import {
  categorySlug, generateCommunity, memberEmail, planCommunity, SCALE_PASSWORD, SCALE_TABLES, type ScaleTable, SIGN_IN_MEMBERS, staffEmail,
} from './community-shape';
import { CopyLoader, createIndexes, dropIndexes, secondaryIndexes } from './copy-loader';
import { advanceSequences, analyze, countRows, existingRows, rebuildCategoryCounts, rebuildReportFacts, rebuildReputation, rebuildSearch } from './derived-data';

export interface ScaleSeedOptions {
  questions: number;
  seed: number;
  /** A progress bar with rows per second on stderr. */
  progress?: boolean;
  /** Where the three years end (the default: today, 00:00 UTC); a test fixes it so two runs write the same rows. */
  endsAt?: Date;
}

export interface ScaleSeedSummary {
  questions: number;
  seed: number;
  startsAt: string;
  endsAt: string;
  /** Wall-clock seconds, in all and by phase. */
  seconds: number;
  phases: Record<string, number>;
  /** Rows per table once done, derived tables included. */
  rows: Record<string, number>;
  /** Rows per second of each table's COPY (all tables load at once, so they share the machine). */
  copyRowsPerSecond: Record<string, number>;
  busiestCategory: { id: string; slug: string; questions: number };
  /** A question with about twenty answers and some comments (the benchmark's question page). */
  showcaseQuestion: { id: string; answers: number; comments: number };
  /** Accounts that sign in with `password`: the busiest members and one staff member. */
  password: string;
  members: Array<{ id: string; email: string }>;
  staff: { id: string; email: string };
}

/** The tables the seeder's rebuild writes, beside those it loads. */
const DERIVED_TABLES = ['report_question_facts', 'report_day_figures', 'report_day_durations', 'report_month_durations', 'report_day_peer_answers', 'report_month_peer_answers', 'search_words', 'category_counts'];
/** Questions generated between two looks at backpressure and progress. */
const STEP = 500;

/**
 * Seeds a large, believable community (community-shape.ts) into an EMPTY database: COPY with triggers and
 * secondary indexes off, then the indexes rebuilt and the derived data (report facts and rollups, search vectors
 * and words, reputation, category counters) rebuilt set-based, as if every row had been written through the API. Deterministic for
 * a seed and `endsAt`. Opens a connection per loaded table of its own for COPY (as a superuser: triggers are off
 * while copying) and uses two of the data source's pool at once for the rebuilds.
 */
export async function seedScaleCommunity(dataSource: DataSource, options: ScaleSeedOptions): Promise<ScaleSeedSummary> {
  if (!Number.isInteger(options.questions) || options.questions < 1) throw new Error('The number of questions must be a whole number of at least 1.');
  if (!Number.isInteger(options.seed)) throw new Error('The seed must be a whole number.');
  const existing = await existingRows(dataSource);
  if (existing.users + existing.categories + existing.questions > 0) {
    throw new Error(
      `The database already holds ${existing.users} users, ${existing.categories} categories and ${existing.questions} questions: `
      + 'the scale seed only writes into an empty database (point DATABASE_URL at a new one).');
  }
  const startedAt = Date.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    const result = await work();
    phases[name] = (Date.now() - at) / 1000;
    if (options.progress) process.stderr.write(`[scale seed] ${name}: ${phases[name].toFixed(1)} s\n`);
    return result;
  };
  const show = (label: string, at: number) => (done: number, total: number, rows?: number) => {
    if (options.progress) progress(label, done, total, at, rows);
  };

  const endsAt = options.endsAt ?? new Date(new Date().setUTCHours(0, 0, 0, 0));
  const plan = planCommunity(options.questions, endsAt);
  const loaded = Object.keys(SCALE_TABLES) as ScaleTable[];
  const passwordHash = await hashPassword(SCALE_PASSWORD, 'recommended');

  const indexes = await secondaryIndexes(dataSource, loaded);
  await phase('drop secondary indexes', () => dropIndexes(dataSource, indexes));

  let copySeconds = 0;
  const { facts, copied } = await phase('generate and COPY', async () => {
    const loader = await CopyLoader.open(dataSource, SCALE_TABLES);
    const at = Date.now();
    const bar = show('questions', at);
    try {
      const facts = await generateCommunity(plan, options.seed, passwordHash, (table, line) => loader.write(table, line), async (done) => {
        if (done % STEP !== 0 && done !== options.questions) return;
        await loader.backpressure();
        bar(done, options.questions, loader.totalRows());
      });
      const copied = loader.rows();
      await loader.finish();
      copySeconds = (Date.now() - at) / 1000;
      return { facts, copied };
    } finally {
      await loader.close();
    }
  });

  // Indexes of everything but questions first: the rebuilds below look answers, comments and escalations up by
  // question; the questions' own (GIN over the vectors among them) are built once the vectors are written.
  const [questionIndexes, otherIndexes] = [indexes.filter((i) => i.table === 'questions'), indexes.filter((i) => i.table !== 'questions')];
  const indexBar = (list: typeof indexes) => {
    let done = 0;
    const at = Date.now();
    return () => show('indexes', at)(++done, list.length);
  };
  await phase('indexes (all but questions)', () => createIndexes(dataSource, otherIndexes, 2, indexBar(otherIndexes)));
  await phase('sequences and statistics', async () => {
    await advanceSequences(dataSource, loaded.filter((table) => (SCALE_TABLES[table] as readonly string[]).includes('id')));
    await analyze(dataSource, loaded, { vacuum: false });
  });
  await phase('search vectors and words', () => rebuildSearch(dataSource, show('search vectors', Date.now())));
  await phase('questions indexes', () => createIndexes(dataSource, questionIndexes, 2, indexBar(questionIndexes)));
  await phase('report facts and rollups', () => rebuildReportFacts(dataSource, show('report facts', Date.now())));
  await phase('reputation', () => rebuildReputation(dataSource));
  await phase('category counts', () => rebuildCategoryCounts(dataSource));
  await phase('vacuum and analyze', () => analyze(dataSource, [...loaded, ...DERIVED_TABLES], { vacuum: true }));

  const busiest = facts.questionsPerCategory.reduce((best, n, c) => (n > facts.questionsPerCategory[best] ? c : best), 0);
  const showcase = facts.showcaseQuestion!;
  return {
    questions: options.questions,
    seed: options.seed,
    startsAt: new Date(plan.startMs).toISOString(),
    endsAt: endsAt.toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    phases,
    rows: { ...copied, ...(await countRows(dataSource, DERIVED_TABLES)) },
    copyRowsPerSecond: Object.fromEntries(Object.entries(copied).map(([table, n]) => [table, Math.round(n / Math.max(copySeconds, 0.001))])),
    busiestCategory: { id: String(busiest + 1), slug: categorySlug(busiest), questions: facts.questionsPerCategory[busiest] },
    showcaseQuestion: { id: String(showcase.id), answers: showcase.answers, comments: showcase.comments },
    password: SCALE_PASSWORD,
    members: Array.from({ length: Math.min(SIGN_IN_MEMBERS, plan.size.members) }, (_, m) => ({ id: String(plan.memberId(m)), email: memberEmail(m) })),
    staff: { id: String(plan.staffId(0)), email: staffEmail(0) },
  };
}
