import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EscalationReason, Outcome, ReportBucket } from '@peerdesk/domain';

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
 * The deflection report in one statement. Each cohort question's facts as of asOf come from
 * report_question_facts_as_of (the one SQL definition, in migrations/1763900900000-ReportFacts.ts): read
 * from the rollup table report_question_facts when nothing about the question changed after asOf,
 * computed from the raw tables otherwise (or for every question when $7, the raw path, is set). Then the
 * outcome of each (the SQL twin of classifyOutcome in @peerdesk/domain — keep the CASE in the same
 * order), then aggregates. Nothing but the aggregates leaves the database. Definitions: docs/metrics.md.
 */
const DEFLECTION_SQL = `
WITH stored AS (
  SELECT f.* FROM report_question_facts f
   WHERE NOT $7::boolean AND NOT f.deleted AND f.created_at >= $1 AND f.created_at < $2
     AND ($4::bigint IS NULL OR f.category_id = $4::bigint)
     AND ($5::text IS NULL OR f.tags @> ARRAY[$5::text])
),
recompute AS (
  SELECT question_id AS id FROM stored WHERE facts_changed_at > $3
  UNION ALL
  SELECT q.id FROM questions q
   WHERE $7::boolean AND q.deleted_at IS NULL AND q.created_at >= $1 AND q.created_at < $2
     AND ($4::bigint IS NULL OR q.category_id = $4::bigint)
     AND ($5::text IS NULL OR q.tags @> ARRAY[$5::text])
),
facts AS (
  SELECT * FROM stored WHERE facts_changed_at <= $3
  UNION ALL
  SELECT * FROM report_question_facts_as_of(ARRAY(SELECT id FROM recompute), $3)
),
cohort AS (
  SELECT question_id AS id FROM facts
),
-- Only what the per-outcome figures need: this CTE holds a row per cohort question.
classified AS (
  SELECT f.question_id, f.category_id, f.created_at, f.accepted_answer_id, f.answer_author_id,
         CASE
           WHEN f.accepted_at IS NOT NULL AND f.answer_author_id = f.author_id THEN 'SELF_SOLVED'
           WHEN f.accepted_kind = 'STAFF' THEN 'STAFF_SOLVED'
           WHEN f.accepted_kind = 'PEER' AND f.first_escalated_at < f.accepted_at THEN 'PEER_SOLVED_AFTER_ESCALATION'
           WHEN f.accepted_kind = 'PEER' THEN 'PEER_SOLVED'
           WHEN f.staff_answers > 0 THEN 'ANSWERED_UNSOLVED_STAFF'
           WHEN f.peer_answers > 0 THEN 'ANSWERED_UNSOLVED_PEER_ONLY'
           ELSE 'UNANSWERED'
         END AS outcome
    FROM facts f
),
-- Peer answers: PEER, live at asOf, by someone other than the asker, on a cohort question: one author per answer.
peer_answers AS (
  SELECT unnest(peer_answer_authors) AS author_id FROM facts
),
answerers AS (
  SELECT author_id, count(*)::int AS answers,
         row_number() OVER (ORDER BY count(*) DESC, author_id) AS rank,
         count(*) OVER () AS total
    FROM peer_answers GROUP BY author_id
),
top AS (
  SELECT author_id, answers, rank <= ceil(total / 100.0) AS in_top_percent, rank <= 10 AS in_top_ten FROM answerers
),
secs AS (
  SELECT extract(epoch FROM least(first_answer_by_other_at, first_comment_by_other_at) - created_at)::float8 AS first_response,
         extract(epoch FROM first_peer_answer_at - created_at)::float8 AS first_peer_answer,
         extract(epoch FROM accepted_at - created_at)::float8 AS to_accepted
    FROM facts
),
-- Every plain count over the cohort in one pass.
counts AS (
  SELECT count(*) FILTER (WHERE peer_answers_by_others > 0) AS with_peer_answer,
         count(*) FILTER (WHERE staff_answers > 0 OR staff_comments > 0) AS staff_touched,
         count(*) FILTER (WHERE first_escalated_at IS NOT NULL) AS escalated,
         coalesce(sum(escalations), 0) AS escalations,
         coalesce(sum(breached_escalations), 0) AS breached_escalations
    FROM facts
),
buckets AS (
  SELECT generate_series(date_trunc($6, $1::timestamptz AT TIME ZONE 'UTC'),
                         ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond',
                         ('1 ' || $6)::interval) AS bucket_start
)
SELECT
  json_build_object(
    'cohortSize', (SELECT count(*) FROM classified),
    'outcomes', (SELECT coalesce(json_object_agg(outcome, n), '{}') FROM (SELECT outcome, count(*) AS n FROM classified GROUP BY outcome) o),
    'withPeerAnswer', (SELECT with_peer_answer FROM counts),
    'staffTouched', (SELECT staff_touched FROM counts),
    'escalated', (SELECT escalated FROM counts),
    'escalatedByReason', (SELECT coalesce(json_object_agg(reason, n), '{}')
                            FROM (SELECT reason, count(*) AS n FROM facts, unnest(escalation_reasons) reason GROUP BY reason) r),
    'escalations', (SELECT escalations FROM counts),
    'breachedEscalations', (SELECT breached_escalations FROM counts),
    'firstResponse', (SELECT json_build_object('median', percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response),
                                               'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response),
                                               'count', count(first_response)) FROM secs),
    'firstPeerAnswer', (SELECT json_build_object('median', percentile_cont(0.5) WITHIN GROUP (ORDER BY first_peer_answer),
                                                 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY first_peer_answer),
                                                 'count', count(first_peer_answer)) FROM secs),
    'timeToAcceptedAnswer', (SELECT json_build_object('median', percentile_cont(0.5) WITHIN GROUP (ORDER BY to_accepted),
                                                      'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY to_accepted),
                                                      'count', count(to_accepted)) FROM secs),
    'firstStaffResponseAfterEscalation', (
      SELECT json_build_object('median', percentile_cont(0.5) WITHIN GROUP (ORDER BY s), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY s), 'count', count(s))
        FROM (SELECT unnest(staff_response_seconds) AS s FROM facts) r),
    'endorsedPeerSolutions', (SELECT count(*) FROM classified c JOIN answer_endorsements en ON en.answer_id = c.accepted_answer_id
                               WHERE c.outcome IN ('PEER_SOLVED', 'PEER_SOLVED_AFTER_ESCALATION') AND en.endorsed_at <= $3),
    'viewsByOthers', (SELECT count(*) FROM question_views v JOIN cohort c ON c.id = v.question_id WHERE NOT v.by_asker AND v.viewed_at <= $3),
    'solvedQuestionViewsByOthers', (
      SELECT count(*) FROM question_views v JOIN cohort c ON c.id = v.question_id
       WHERE NOT v.by_asker AND v.viewed_at <= $3
         AND EXISTS (SELECT 1 FROM answer_acceptances aa WHERE aa.question_id = v.question_id
                        AND aa.accepted_at <= v.viewed_at AND (aa.withdrawn_at IS NULL OR aa.withdrawn_at > v.viewed_at))),
    'peerAnswers', (SELECT count(*) FROM peer_answers),
    'peerAnswerers', (SELECT count(*) FROM answerers),
    'peerAnswersByTopPercent', (SELECT coalesce(sum(answers), 0) FROM top WHERE in_top_percent),
    'peerAnswersByTopTen', (SELECT coalesce(sum(answers), 0) FROM top WHERE in_top_ten),
    'peerSolvedByTopPercent', (SELECT count(*) FROM classified c JOIN top t ON t.author_id = c.answer_author_id
                                WHERE c.outcome = 'PEER_SOLVED' AND t.in_top_percent),
    'peerSolvedByTopTen', (SELECT count(*) FROM classified c JOIN top t ON t.author_id = c.answer_author_id
                            WHERE c.outcome = 'PEER_SOLVED' AND t.in_top_ten),
    'answererBuckets', (SELECT json_agg(json_build_object('bucket', b.label, 'answerers', coalesce(x.answerers, 0), 'answers', coalesce(x.answers, 0)) ORDER BY b.lo)
                          FROM (VALUES ('1', 1), ('2-5', 2), ('6-20', 6), ('21+', 21)) b(label, lo)
                          LEFT JOIN (SELECT CASE WHEN answers = 1 THEN '1' WHEN answers <= 5 THEN '2-5' WHEN answers <= 20 THEN '6-20' ELSE '21+' END AS label,
                                            count(*) AS answerers, sum(answers) AS answers
                                       FROM answerers GROUP BY 1) x ON x.label = b.label)
  ) AS totals,
  (SELECT json_agg(json_build_object('bucketStart', to_char(b.bucket_start, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                     'cohortSize', coalesce(s.cohort_size, 0), 'outcomes', coalesce(s.outcomes, '{}'::json)) ORDER BY b.bucket_start)
     FROM buckets b
     LEFT JOIN (SELECT bucket_start, sum(n) AS cohort_size, json_object_agg(outcome, n) AS outcomes
                  FROM (SELECT date_trunc($6, created_at AT TIME ZONE 'UTC') AS bucket_start, outcome, count(*) AS n
                          FROM classified GROUP BY 1, 2) per
                 GROUP BY bucket_start) s ON s.bucket_start = b.bucket_start
  ) AS series,
  (SELECT coalesce(json_agg(json_build_object('id', k.id::text, 'name', k.name, 'cohortSize', p.cohort_size, 'outcomes', p.outcomes)
                            ORDER BY k.name, k.id), '[]')
     FROM (SELECT category_id, sum(n) AS cohort_size, json_object_agg(outcome, n) AS outcomes
             FROM (SELECT category_id, outcome, count(*) AS n FROM classified GROUP BY 1, 2) per
            GROUP BY category_id) p
     JOIN categories k ON k.id = p.category_id
  ) AS by_category
`;

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * `source: 'raw'` computes every question's facts from the raw tables, ignoring the rollup: the
   * reference the rollup is tested against (tests/api/report-rollup.spec.ts).
   */
  async deflection(query: ReportQuery, source: 'rollup' | 'raw' = 'rollup'): Promise<DeflectionRows> {
    const rows: Array<{ totals: DeflectionRows['totals']; series: DeflectionRows['series']; by_category: DeflectionRows['byCategory'] }> =
      await this.db.transaction('REPEATABLE READ', async (em) => {
        // The plan's estimated cost trips JIT compilation, which costs seconds and saves nothing here.
        await em.query('SET LOCAL jit = off');
        // The percentiles sort up to a million values each: in memory, not on disk.
        await em.query(`SET LOCAL work_mem = '64MB'`);
        return em.query(DEFLECTION_SQL, [query.from, query.to, query.asOf, query.categoryId, query.tag, query.bucket.toLowerCase(), source === 'raw']);
      });
    const row = rows[0];
    return { totals: row.totals, series: row.series ?? [], byCategory: row.by_category };
  }

  async categoryExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM categories WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
