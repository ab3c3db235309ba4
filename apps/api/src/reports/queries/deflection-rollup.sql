-- Written by `npm run sql:snapshots` from apps/api/src/reports/reports.repository.ts: do not edit by hand.

WITH
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
   WHERE day >= (:daysFrom::timestamptz AT TIME ZONE 'UTC')::date AND day < (:daysTo::timestamptz AT TIME ZONE 'UTC')::date AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT (d.facts).category_id, ((d.facts).created_at AT TIME ZONE 'UTC')::date, x.figure, d.w * x.n
    FROM delta d, report_question_figures(d.facts) x
),
durations AS (
  SELECT measure, seconds, n FROM report_month_durations
   WHERE month >= (:monthsFrom::timestamptz AT TIME ZONE 'UTC')::date AND month < (:monthsTo::timestamptz AT TIME ZONE 'UTC')::date AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT measure, seconds, n FROM report_day_durations
   WHERE (day >= (:daysFrom::timestamptz AT TIME ZONE 'UTC')::date AND day < least((:monthsFrom::timestamptz AT TIME ZONE 'UTC')::date, (:daysTo::timestamptz AT TIME ZONE 'UTC')::date)
          OR day >= (:monthsTo::timestamptz AT TIME ZONE 'UTC')::date AND day < (:daysTo::timestamptz AT TIME ZONE 'UTC')::date) AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT measure, seconds, n FROM report_day_duration_deltas
   WHERE day >= (:daysFrom::timestamptz AT TIME ZONE 'UTC')::date AND day < (:daysTo::timestamptz AT TIME ZONE 'UTC')::date AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT x.measure, x.seconds, d.w FROM delta d, report_question_durations(d.facts) x
),
peer_answers AS (
  SELECT author_id, answers, peer_solved FROM report_month_peer_answers
   WHERE month >= (:monthsFrom::timestamptz AT TIME ZONE 'UTC')::date AND month < (:monthsTo::timestamptz AT TIME ZONE 'UTC')::date AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT author_id, answers, peer_solved FROM report_day_peer_answers
   WHERE (day >= (:daysFrom::timestamptz AT TIME ZONE 'UTC')::date AND day < least((:monthsFrom::timestamptz AT TIME ZONE 'UTC')::date, (:daysTo::timestamptz AT TIME ZONE 'UTC')::date)
          OR day >= (:monthsTo::timestamptz AT TIME ZONE 'UTC')::date AND day < (:daysTo::timestamptz AT TIME ZONE 'UTC')::date) AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT author_id, answers, peer_solved FROM report_day_peer_answer_deltas
   WHERE day >= (:daysFrom::timestamptz AT TIME ZONE 'UTC')::date AND day < (:daysTo::timestamptz AT TIME ZONE 'UTC')::date AND (:categoryId::bigint IS NULL OR category_id = :categoryId::bigint)
  UNION ALL
  SELECT x.author_id, d.w * x.answers, d.w * x.peer_solved FROM delta d, report_question_peer_answers(d.facts) x
),
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
   WHERE en.endorsed_at <= :asOf AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' AND q.created_at >= :from AND q.created_at < :to
  AND (:categoryId::bigint IS NULL OR q.category_id = :categoryId::bigint) AND (:tag::text IS NULL OR q.tags @> ARRAY[:tag::text])
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
                       WHERE NOT v.by_asker AND v.viewed_at <= :asOf AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' AND q.created_at >= :from AND q.created_at < :to
  AND (:categoryId::bigint IS NULL OR q.category_id = :categoryId::bigint) AND (:tag::text IS NULL OR q.tags @> ARRAY[:tag::text])),
    'solvedQuestionViewsByOthers', (
      SELECT count(*) FROM question_views v JOIN questions q ON q.id = v.question_id
       WHERE NOT v.by_asker AND v.viewed_at <= :asOf AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' AND q.created_at >= :from AND q.created_at < :to
  AND (:categoryId::bigint IS NULL OR q.category_id = :categoryId::bigint) AND (:tag::text IS NULL OR q.tags @> ARRAY[:tag::text])
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
