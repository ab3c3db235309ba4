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
 * The deflection report in one statement: a CTE with each cohort question's facts as of asOf, the
 * outcome of each (the SQL twin of classifyOutcome in @peerdesk/domain — keep the CASE in the same
 * order), then aggregates. Nothing but the aggregates leaves the database. Definitions: docs/metrics.md.
 */
const DEFLECTION_SQL = `
WITH cohort AS (
  SELECT q.id, q.author_id, q.category_id, q.created_at
    FROM questions q
   WHERE q.deleted_at IS NULL AND q.created_at >= $1 AND q.created_at < $2
     AND ($4::bigint IS NULL OR q.category_id = $4::bigint)
     AND ($5::text IS NULL OR q.tags @> ARRAY[$5::text])
),
-- Each fact is aggregated per question in one set-based pass over its table (hash joins, not a lookup per question).
accepted AS (
  SELECT DISTINCT ON (aa.question_id) aa.question_id, a.id AS accepted_answer_id, a.author_id AS answer_author_id,
         a.author_kind AS accepted_kind, aa.accepted_at
    FROM answer_acceptances aa JOIN cohort c ON c.id = aa.question_id JOIN answers a ON a.id = aa.answer_id
   WHERE aa.accepted_at <= $3 AND (aa.withdrawn_at IS NULL OR aa.withdrawn_at > $3)
   ORDER BY aa.question_id, aa.accepted_at DESC, aa.id DESC
),
escalated AS (
  SELECT e.question_id, min(e.escalated_at) AS first_escalated_at
    FROM escalations e JOIN cohort c ON c.id = e.question_id
   WHERE e.escalated_at <= $3
   GROUP BY e.question_id
),
answered AS (
  SELECT a.question_id,
         count(*) FILTER (WHERE a.author_kind = 'PEER') AS peer_answers,
         count(*) FILTER (WHERE a.author_kind = 'STAFF') AS staff_answers,
         count(*) FILTER (WHERE a.author_kind = 'PEER' AND a.author_id <> c.author_id) AS peer_answers_by_others,
         min(a.created_at) FILTER (WHERE a.author_kind = 'PEER' AND a.author_id <> c.author_id) AS first_peer_answer_at,
         min(a.created_at) FILTER (WHERE a.author_id <> c.author_id) AS first_answer_by_other_at
    FROM answers a JOIN cohort c ON c.id = a.question_id
   WHERE a.created_at <= $3 AND (a.deleted_at IS NULL OR a.deleted_at > $3)
   GROUP BY a.question_id
),
commented AS (
  SELECT m.question_id,
         count(*) FILTER (WHERE m.author_kind = 'STAFF') AS staff_comments,
         min(m.created_at) FILTER (WHERE m.author_id <> c.author_id) AS first_comment_by_other_at
    FROM comments m JOIN cohort c ON c.id = m.question_id
   WHERE m.created_at <= $3 AND (m.deleted_at IS NULL OR m.deleted_at > $3)
   GROUP BY m.question_id
),
facts AS (
  SELECT c.id, c.author_id, c.category_id, c.created_at,
         acc.accepted_answer_id, acc.answer_author_id, acc.accepted_kind, acc.accepted_at,
         esc.first_escalated_at,
         coalesce(ans.peer_answers, 0) AS peer_answers, coalesce(ans.staff_answers, 0) AS staff_answers,
         coalesce(ans.peer_answers_by_others, 0) AS peer_answers_by_others,
         ans.first_peer_answer_at, ans.first_answer_by_other_at,
         coalesce(com.staff_comments, 0) AS staff_comments, com.first_comment_by_other_at
    FROM cohort c
    LEFT JOIN accepted acc ON acc.question_id = c.id
    LEFT JOIN escalated esc ON esc.question_id = c.id
    LEFT JOIN answered ans ON ans.question_id = c.id
    LEFT JOIN commented com ON com.question_id = c.id
),
classified AS (
  SELECT f.*,
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
cohort_escalations AS (
  SELECT e.question_id, e.reason, e.escalated_at, e.first_staff_response_at, e.breached_at
    FROM escalations e JOIN cohort c ON c.id = e.question_id
   WHERE e.escalated_at <= $3
),
-- Peer answers: PEER, live at asOf, by someone other than the asker, on a cohort question.
peer_answers AS (
  SELECT a.id, a.author_id, a.question_id
    FROM answers a JOIN cohort c ON c.id = a.question_id
   WHERE a.author_kind = 'PEER' AND a.author_id <> c.author_id
     AND a.created_at <= $3 AND (a.deleted_at IS NULL OR a.deleted_at > $3)
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
    FROM classified
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
    'withPeerAnswer', (SELECT count(*) FROM classified WHERE peer_answers_by_others > 0),
    'staffTouched', (SELECT count(*) FROM classified WHERE staff_answers > 0 OR staff_comments > 0),
    'escalated', (SELECT count(*) FROM classified WHERE first_escalated_at IS NOT NULL),
    'escalatedByReason', (SELECT coalesce(json_object_agg(reason, n), '{}')
                            FROM (SELECT reason, count(DISTINCT question_id) AS n FROM cohort_escalations GROUP BY reason) r),
    'escalations', (SELECT count(*) FROM cohort_escalations),
    'breachedEscalations', (SELECT count(*) FROM cohort_escalations WHERE breached_at <= $3),
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
        FROM (SELECT extract(epoch FROM first_staff_response_at - escalated_at)::float8 AS s
                FROM cohort_escalations WHERE first_staff_response_at <= $3) r),
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

  async deflection(query: ReportQuery): Promise<DeflectionRows> {
    const rows: Array<{ totals: DeflectionRows['totals']; series: DeflectionRows['series']; by_category: DeflectionRows['byCategory'] }> =
      await this.db.transaction('REPEATABLE READ', async (em) => {
        // The plan's estimated cost trips JIT compilation, which costs seconds and saves nothing here.
        await em.query('SET LOCAL jit = off');
        return em.query(DEFLECTION_SQL, [query.from, query.to, query.asOf, query.categoryId, query.tag, query.bucket.toLowerCase()]);
      });
    const row = rows[0];
    return { totals: row.totals, series: row.series ?? [], byCategory: row.by_category };
  }

  async categoryExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM categories WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
