import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EscalationReason, Outcome, ReportBucket } from '@peerdesk/domain';
import { positional } from '../database/named-parameters';

export interface ReportQuery {
  from: Date;
  to: Date;
  asOf: Date;
  categoryId: string | null;
  tag: string | null;
  bucket: ReportBucket;
}

export interface DurationRow {
  median: number | null;
  p90: number | null;
  count: number;
}

/** The figures the report statement returns as they are (superusers, endorsements, views). */
type OtherFigures = Pick<DeflectionRows['totals'], 'endorsedPeerSolutions' | 'viewsByOthers' | 'solvedQuestionViewsByOthers' | 'peerAnswers' | 'peerAnswerers'
  | 'peerAnswersByTopPercent' | 'peerAnswersByTopTen' | 'peerSolvedByTopPercent' | 'peerSolvedByTopTen' | 'answererBuckets'>;

/** What the database hands back: counts and seconds, every share still to be made (by the service, with `rate`). */
export interface DeflectionRows {
  totals: {
    cohortSize: number;
    outcomes: Partial<Record<Outcome, number>>;
    withPeerAnswer: number;
    staffTouched: number;
    escalated: number;
    escalatedByReason: Partial<Record<EscalationReason, number>>;
    escalations: number;
    breachedEscalations: number;
    firstResponse: DurationRow;
    firstPeerAnswer: DurationRow;
    firstStaffResponseAfterEscalation: DurationRow;
    timeToAcceptedAnswer: DurationRow;
    endorsedPeerSolutions: number;
    viewsByOthers: number;
    solvedQuestionViewsByOthers: number;
    peerAnswers: number;
    peerAnswerers: number;
    peerAnswersByTopPercent: number;
    peerAnswersByTopTen: number;
    peerSolvedByTopPercent: number;
    peerSolvedByTopTen: number;
    answererBuckets: Array<{ bucket: string; answerers: number; answers: number }>;
  };
  series: Array<{ bucketStart: string; cohortSize: number; outcomes: Partial<Record<Outcome, number>> }>;
  byCategory: Array<{ id: string; name: string; cohortSize: number; outcomes: Partial<Record<Outcome, number>> }>;
}

/**
 * The statements' parameters, by name: the cohort is the questions asked in [:from, :to), in category :categoryId and
 * with tag :tag when given (null: any), each judged as of :asOf; :bucket is the series' date_trunc unit; :raw computes
 * every question's facts from the raw tables (the per-question path only). The rollup path also takes the whole UTC
 * days [:daysFrom, :daysTo) and months [:monthsFrom, :monthsTo) in the period (wholePeriods).
 */
interface ReportParameters {
  from: Date;
  to: Date;
  asOf: Date;
  categoryId: string | null;
  tag: string | null;
  bucket: string;
  raw: boolean;
  daysFrom?: Date;
  daysTo?: Date;
  monthsFrom?: Date;
  monthsTo?: Date;
}

/** The cohort's conditions on a row of `questions` aliased `q`. */
const IN_COHORT = `q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' AND q.created_at >= :from AND q.created_at < :to
  AND (:categoryId::bigint IS NULL OR q.category_id = :categoryId::bigint) AND (:tag::text IS NULL OR q.tags @> ARRAY[:tag::text])`;

/**
 * Per-question source: each cohort question's facts as of asOf, from report_question_facts_as_of (the one
 * definition, sql/report-question-facts.sql): read from report_question_facts when nothing about the question
 * changed after asOf, computed from the raw tables otherwise (or for every question when :raw, the raw path, is
 * set). Then each question's contributions (sql/report-rollups.sql).
 */
const PER_QUESTION_SOURCES = `
stored AS (
  SELECT f FROM report_question_facts f
   WHERE NOT :raw::boolean AND NOT f.deleted AND f.created_at >= :from AND f.created_at < :to
     AND (:categoryId::bigint IS NULL OR f.category_id = :categoryId::bigint)
     AND (:tag::text IS NULL OR f.tags @> ARRAY[:tag::text])
),
recompute AS (
  SELECT (f).question_id AS id FROM stored WHERE (f).facts_changed_at > :asOf
  UNION ALL
  SELECT q.id FROM questions q WHERE :raw::boolean AND ${IN_COHORT}
),
facts AS (
  SELECT f AS facts FROM stored WHERE (f).facts_changed_at <= :asOf
  UNION ALL
  SELECT r FROM report_question_facts_as_of(ARRAY(SELECT id FROM recompute), :asOf) r WHERE EXISTS (SELECT 1 FROM recompute)
),
day_figures AS (
  SELECT (f.facts).category_id, ((f.facts).created_at AT TIME ZONE 'UTC')::date AS day, x.figure, x.n
    FROM facts f, report_question_figures(f.facts) x
),
durations AS (
  SELECT x.measure, x.seconds, 1 AS n FROM facts f, report_question_durations(f.facts) x
),
peer_answers AS (
  SELECT x.author_id, x.answers, x.peer_solved FROM facts f, report_question_peer_answers(f.facts) x
)`;

const UTC_DAY = (parameter: string) => `(:${parameter}::timestamptz AT TIME ZONE 'UTC')::date`;
/** A rollup row's day lies in the whole days [:daysFrom, :daysTo) of the period; its month in the whole months [:monthsFrom, :monthsTo). */
const IN_WHOLE_DAYS = `day >= ${UTC_DAY('daysFrom')} AND day < ${UTC_DAY('daysTo')}`;
const IN_WHOLE_MONTHS = `month >= ${UTC_DAY('monthsFrom')} AND month < ${UTC_DAY('monthsTo')}`;
/**
 * A day rollup row's day lies in the whole days outside the whole months: before them, or after them (none when the
 * whole months are empty, [to, to)). Two ranges, so an index reads the part months' days only.
 */
const IN_PART_MONTH_DAYS = `(day >= ${UTC_DAY('daysFrom')} AND day < least(${UTC_DAY('monthsFrom')}, ${UTC_DAY('daysTo')})
          OR day >= ${UTC_DAY('monthsTo')} AND day < ${UTC_DAY('daysTo')})`;
/** A rollup row of the category asked for, or of any when none is. */
const IN_CATEGORY = `(:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)`;

/**
 * The period's rows of a figure kept per month and per day (durations, peer answers): the monthly rollup for the whole
 * months, the daily one for the other whole days, and the deltas not yet folded (per day) for all the whole days.
 */
function keptPerMonthAndDay(columns: string, tables: { month: string; day: string; dayDeltas: string }): string {
  return `SELECT ${columns} FROM ${tables.month}
   WHERE ${IN_WHOLE_MONTHS} AND ${IN_CATEGORY}
  UNION ALL
  SELECT ${columns} FROM ${tables.day}
   WHERE ${IN_PART_MONTH_DAYS} AND ${IN_CATEGORY}
  UNION ALL
  SELECT ${columns} FROM ${tables.dayDeltas}
   WHERE ${IN_WHOLE_DAYS} AND ${IN_CATEGORY}`;
}

/**
 * Rollup source: the sums in report_day_figures for the whole UTC days in [from, to) ([:daysFrom, :daysTo)); for
 * durations and authors, in report_month_durations / report_month_peer_answers for the whole UTC months
 * ([:monthsFrom, :monthsTo)) and report_day_durations / report_day_peer_answers for the other whole days; each with its
 * deltas not yet folded (report_day_*_deltas, per day: writers append, foldRollupDeltas moves them into the day and
 * month tables), corrected by `delta`, per-question contributions with a weight:
 * - a question outside the whole days counts with its facts as of asOf;
 * - a question inside them whose facts changed after asOf: the tables hold its stored contribution, so that
 *   is taken out (-1) and its contribution as of asOf (recomputed from the raw tables) added (+1).
 * Questions inside whole days that did not change after asOf are read from the tables only.
 */
const ROLLUP_SOURCES = `
candidates AS (
  SELECT f::report_question_facts AS facts, f.facts_changed_at > :asOf AS changed, f.created_at >= :daysFrom AND f.created_at < :daysTo AS in_days
    FROM (SELECT * FROM report_question_facts WHERE NOT deleted AND created_at >= :from AND created_at < :daysFrom
          UNION ALL
          SELECT * FROM report_question_facts WHERE NOT deleted AND created_at >= :daysTo AND created_at < :to
          UNION ALL
          SELECT * FROM report_question_facts WHERE facts_changed_at > :asOf AND NOT deleted AND created_at >= :daysFrom AND created_at < :daysTo) f
   WHERE NOT f.deleted AND (:categoryId::bigint IS NULL OR f.category_id = :categoryId::bigint)
),
delta AS (
  SELECT 1 AS w, facts FROM candidates WHERE NOT changed
  UNION ALL
  SELECT -1, facts FROM candidates WHERE changed AND in_days
  UNION ALL
  SELECT 1, r FROM report_question_facts_as_of(ARRAY(SELECT (facts).question_id FROM candidates WHERE changed), :asOf) r
   WHERE EXISTS (SELECT 1 FROM candidates WHERE changed)
),
day_figures AS (
  SELECT category_id, day, figure, n FROM (SELECT day, category_id, figure, n FROM report_day_figures UNION ALL SELECT day, category_id, figure, n FROM report_day_figure_deltas) r
   WHERE ${IN_WHOLE_DAYS} AND ${IN_CATEGORY}
  UNION ALL
  SELECT (d.facts).category_id, ((d.facts).created_at AT TIME ZONE 'UTC')::date, x.figure, d.w * x.n
    FROM delta d, report_question_figures(d.facts) x
),
durations AS (
  ${keptPerMonthAndDay('measure, seconds, n', { month: 'report_month_durations', day: 'report_day_durations', dayDeltas: 'report_day_duration_deltas' })}
  UNION ALL
  SELECT x.measure, x.seconds, d.w FROM delta d, report_question_durations(d.facts) x
),
peer_answers AS (
  ${keptPerMonthAndDay('author_id, answers, peer_solved', { month: 'report_month_peer_answers', day: 'report_day_peer_answers', dayDeltas: 'report_day_peer_answer_deltas' })}
  UNION ALL
  SELECT x.author_id, d.w * x.answers, d.w * x.peer_solved FROM delta d, report_question_peer_answers(d.facts) x
)`;

/**
 * The report from either source's three relations: day_figures (category_id, day, figure, n), durations
 * (measure, seconds, n) and peer_answers (author_id, answers, peer_solved), each a list of signed
 * contributions to be summed. Nothing but the aggregates leaves the database. Definitions: docs/metrics.md.
 * Every call of report_question_facts_as_of is guarded by EXISTS: planning its body costs milliseconds even
 * when there is nothing to recompute.
 */
const REPORT_SQL = (sources: string) => `
WITH ${sources},
figures AS (
  SELECT figure, sum(n) AS n FROM day_figures GROUP BY figure HAVING sum(n) <> 0
),
histograms AS (
  SELECT measure, seconds, sum(n)::bigint AS n FROM durations GROUP BY measure, seconds HAVING sum(n) <> 0
),
answerers AS (
  SELECT author_id, answers, peer_solved, row_number() OVER (ORDER BY answers DESC, author_id) AS rank, count(*) OVER () AS total
    FROM (SELECT author_id, sum(answers) AS answers, sum(peer_solved) AS peer_solved FROM peer_answers GROUP BY author_id) a
   WHERE answers > 0
),
top AS (
  SELECT answers, peer_solved, rank <= ceil(total / 100.0) AS in_top_percent, rank <= 10 AS in_top_ten FROM answerers
),
-- Cohort questions with an answer endorsed by asOf, and their facts as of asOf (few: read, or computed, one by one).
endorsed AS (
  SELECT DISTINCT a.question_id AS id
    FROM answer_endorsements en JOIN answers a ON a.id = en.answer_id JOIN questions q ON q.id = a.question_id
   WHERE en.endorsed_at <= :asOf AND ${IN_COHORT}
),
endorsed_facts AS (
  SELECT f AS facts FROM report_question_facts f JOIN endorsed e ON e.id = f.question_id WHERE NOT :raw::boolean AND f.facts_changed_at <= :asOf
  UNION ALL
  SELECT r FROM report_question_facts_as_of(ARRAY(
    SELECT e.id FROM endorsed e
     WHERE :raw::boolean OR NOT EXISTS (SELECT 1 FROM report_question_facts f WHERE f.question_id = e.id AND f.facts_changed_at <= :asOf)), :asOf) r
   WHERE EXISTS (SELECT 1 FROM endorsed)
),
buckets AS (
  SELECT generate_series(date_trunc(:bucket, :from::timestamptz AT TIME ZONE 'UTC'),
                         (:to::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond',
                         ('1 ' || :bucket)::interval) AS bucket_start
)
SELECT
  (SELECT coalesce(json_object_agg(figure, n), '{}') FROM figures) AS figures,
  (SELECT coalesce(json_object_agg(measure, stats), '{}')
     FROM (SELECT measure, json_build_object(
                    'median', report_histogram_percentile(array_agg(seconds ORDER BY seconds), array_agg(n ORDER BY seconds), 0.5),
                    'p90', report_histogram_percentile(array_agg(seconds ORDER BY seconds), array_agg(n ORDER BY seconds), 0.9),
                    'count', sum(n)) AS stats
             FROM histograms GROUP BY measure) d) AS durations,
  json_build_object(
    'peerAnswers', (SELECT coalesce(sum(answers), 0) FROM answerers),
    'peerAnswerers', (SELECT count(*) FROM answerers),
    'peerAnswersByTopPercent', (SELECT coalesce(sum(answers), 0) FROM top WHERE in_top_percent),
    'peerAnswersByTopTen', (SELECT coalesce(sum(answers), 0) FROM top WHERE in_top_ten),
    'peerSolvedByTopPercent', (SELECT coalesce(sum(peer_solved), 0) FROM top WHERE in_top_percent),
    'peerSolvedByTopTen', (SELECT coalesce(sum(peer_solved), 0) FROM top WHERE in_top_ten),
    'answererBuckets', (SELECT json_agg(json_build_object('bucket', b.label, 'answerers', coalesce(x.answerers, 0), 'answers', coalesce(x.answers, 0)) ORDER BY b.lo)
                          FROM (VALUES ('1', 1), ('2-5', 2), ('6-20', 6), ('21+', 21)) b(label, lo)
                          LEFT JOIN (SELECT CASE WHEN answers = 1 THEN '1' WHEN answers <= 5 THEN '2-5' WHEN answers <= 20 THEN '6-20' ELSE '21+' END AS label,
                                            count(*) AS answerers, sum(answers) AS answers
                                       FROM answerers GROUP BY 1) x ON x.label = b.label),
    'endorsedPeerSolutions', (SELECT count(*) FROM endorsed_facts ef
                               WHERE report_outcome(ef.facts) IN ('PEER_SOLVED', 'PEER_SOLVED_AFTER_ESCALATION')
                                 AND EXISTS (SELECT 1 FROM answer_endorsements en WHERE en.answer_id = (ef.facts).accepted_answer_id AND en.endorsed_at <= :asOf)),
    'viewsByOthers', (SELECT count(*) FROM question_views v JOIN questions q ON q.id = v.question_id
                       WHERE NOT v.by_asker AND v.viewed_at <= :asOf AND ${IN_COHORT}),
    'solvedQuestionViewsByOthers', (
      SELECT count(*) FROM question_views v JOIN questions q ON q.id = v.question_id
       WHERE NOT v.by_asker AND v.viewed_at <= :asOf AND ${IN_COHORT}
         AND EXISTS (SELECT 1 FROM answer_acceptances aa WHERE aa.question_id = v.question_id
                        AND aa.accepted_at <= v.viewed_at AND (aa.withdrawn_at IS NULL OR aa.withdrawn_at > v.viewed_at)))
  ) AS others,
  (SELECT json_agg(json_build_object('bucketStart', to_char(b.bucket_start, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                     'cohortSize', coalesce(s.cohort_size, 0), 'outcomes', coalesce(s.outcomes, '{}'::json)) ORDER BY b.bucket_start)
     FROM buckets b
     LEFT JOIN (SELECT bucket_start, sum(n) FILTER (WHERE figure = 'cohort') AS cohort_size,
                       json_object_agg(substr(figure, 9), n) FILTER (WHERE figure LIKE 'outcome:%') AS outcomes
                  FROM (SELECT date_trunc(:bucket, day::timestamp) AS bucket_start, figure, sum(n) AS n
                          FROM day_figures WHERE figure = 'cohort' OR figure LIKE 'outcome:%'
                         GROUP BY 1, 2 HAVING sum(n) <> 0) per
                 GROUP BY bucket_start) s ON s.bucket_start = b.bucket_start
  ) AS series,
  (SELECT coalesce(json_agg(json_build_object('id', k.id::text, 'name', k.name, 'cohortSize', p.cohort_size, 'outcomes', p.outcomes)
                            ORDER BY k.name, k.id), '[]')
     FROM (SELECT category_id, sum(n) FILTER (WHERE figure = 'cohort') AS cohort_size,
                  json_object_agg(substr(figure, 9), n) FILTER (WHERE figure LIKE 'outcome:%') AS outcomes
             FROM (SELECT category_id, figure, sum(n) AS n FROM day_figures WHERE figure = 'cohort' OR figure LIKE 'outcome:%'
                    GROUP BY 1, 2 HAVING sum(n) <> 0) per
            GROUP BY category_id) p
     JOIN categories k ON k.id = p.category_id
    WHERE p.cohort_size > 0
  ) AS by_category
`;

const PER_QUESTION_SQL = REPORT_SQL(PER_QUESTION_SOURCES);
const ROLLUP_SQL = REPORT_SQL(ROLLUP_SOURCES);

/** The statements as written, with their named parameters: checked in under queries/ (npm run sql:snapshots). */
export const REPORT_STATEMENTS = { 'deflection-per-question': PER_QUESTION_SQL, 'deflection-rollup': ROLLUP_SQL };

const NO_DURATION: DurationRow = { median: null, p90: null, count: 0 };

/** The UTC days or months wholly inside [from, to), as [start, end); an empty period is [to, to). */
export function wholePeriods(from: Date, to: Date, unit: 'day' | 'month'): [Date, Date] {
  const floor = (d: Date) => (unit === 'day'
    ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
  const next = (d: Date) => (unit === 'day'
    ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
  const start = floor(from).getTime() === from.getTime() ? from : next(floor(from));
  const end = floor(to);
  return start < end ? [start, end] : [to, to];
}

/** Outbox rows one refresh takes: a second's worth of hot writes at the target rate; small enough that the refresh is brief. */
const NOTED_FACTS_BATCH = 300;

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The report from the rollup tables (the day and month ones, corrected per question where they cannot
   * answer: part days, facts changed after asOf), or per question when a tag is asked
   * for (the tables are not kept per tag). `source: 'raw'` computes every question's facts from the raw tables,
   * ignoring every rollup: the reference the rollups are tested against (tests/api/report-rollup.spec.ts).
   */
  async deflection(query: ReportQuery, source: 'rollup' | 'raw' = 'rollup'): Promise<DeflectionRows> {
    const fromRollups = source === 'rollup' && query.tag === null;
    const parameters: ReportParameters = {
      from: query.from, to: query.to, asOf: query.asOf, categoryId: query.categoryId, tag: query.tag, bucket: query.bucket.toLowerCase(), raw: source === 'raw',
    };
    // The facts the report reads are as current as the raw tables it reads beside them.
    if (source === 'rollup') await this.refreshNotedFacts(true);
    const rows: Array<{ figures: Record<string, number>; durations: Record<string, DurationRow>; others: OtherFigures; series: DeflectionRows['series']; by_category: DeflectionRows['byCategory'] }> =
      await this.db.transaction('REPEATABLE READ', async (em) => {
        // The plan's estimated cost trips JIT compilation, which costs seconds and saves nothing here.
        await em.query('SET LOCAL jit = off');
        // The per-question path groups up to a million rows: in memory, not on disk.
        await em.query(`SET LOCAL work_mem = '64MB'`);
        if (!fromRollups) return em.query(...positional(PER_QUESTION_SQL, { ...parameters }));
        const [daysFrom, daysTo] = wholePeriods(query.from, query.to, 'day');
        const [monthsFrom, monthsTo] = wholePeriods(query.from, query.to, 'month');
        return em.query(...positional(ROLLUP_SQL, { ...parameters, daysFrom, daysTo, monthsFrom, monthsTo }));
      });
    const { figures, durations, others, series, by_category: byCategory } = rows[0];
    const figure = (name: string) => Number(figures[name] ?? 0);
    const withPrefix = (prefix: string) => Object.fromEntries(
      Object.entries(figures).filter(([name]) => name.startsWith(prefix)).map(([name, n]) => [name.slice(prefix.length), Number(n)]));
    return {
      totals: {
        cohortSize: figure('cohort'),
        outcomes: withPrefix('outcome:'),
        withPeerAnswer: figure('with_peer_answer'),
        staffTouched: figure('staff_touched'),
        escalated: figure('escalated'),
        escalatedByReason: withPrefix('escalated:'),
        escalations: figure('escalations'),
        breachedEscalations: figure('breached_escalations'),
        firstResponse: durations.firstResponse ?? NO_DURATION,
        firstPeerAnswer: durations.firstPeerAnswer ?? NO_DURATION,
        firstStaffResponseAfterEscalation: durations.firstStaffResponseAfterEscalation ?? NO_DURATION,
        timeToAcceptedAnswer: durations.timeToAcceptedAnswer ?? NO_DURATION,
        ...others,
      },
      series: series ?? [],
      byCategory,
    };
  }

  /**
   * Refreshes the report facts of the questions committed hot writes noted (report_facts_outbox), a batch of its
   * rows at a time; returns how many rows. `wait` false: skips the ones another process is refreshing; true (before
   * a report): every one, once those have committed.
   */
  async refreshNotedFacts(wait: boolean): Promise<number> {
    let refreshed = 0;
    for (;;) {
      const [{ n }]: Array<{ n: number }> = await this.db.query(`SELECT refresh_noted_report_question_facts($1, $2) AS n`, [NOTED_FACTS_BATCH, wait]);
      refreshed += n;
      if (n < NOTED_FACTS_BATCH || wait) return refreshed;
    }
  }

  /** Moves the committed rollup deltas into the rollup tables (reports/sql/report-rollups.sql); 0 when another process is folding. */
  async foldRollupDeltas(): Promise<number> {
    const [{ folded }]: Array<{ folded: string }> = await this.db.query(`SELECT report_fold_rollup_deltas() AS folded`);
    return Number(folded);
  }

  async categoryExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM categories WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
