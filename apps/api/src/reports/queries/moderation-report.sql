-- Written by `npm run sql:snapshots` from apps/api/src/reports/moderation-report.repository.ts: do not edit by hand.

WITH events AS (
  SELECT 'flags_raised' AS figure, NULL::text AS reason, NULL::text AS spam_check, f.created_at AS at, NULL::float8 AS hours
    FROM flags f WHERE f.created_at >= :from AND f.created_at < :to
  UNION ALL
  SELECT 'flags_handled', NULL, NULL, f.decided_at, NULL
    FROM flags f WHERE f.decided_at >= :from AND f.decided_at < :to
  UNION ALL
  SELECT 'decided', NULL, NULL, r.decided_at, extract(epoch FROM r.decided_at - r.created_at) / 3600
    FROM review_items r WHERE r.decided_at >= :from AND r.decided_at < :to
  UNION ALL
  SELECT x.figure, r.reason, c.spam_check, r.created_at, NULL
    FROM review_items r
   CROSS JOIN LATERAL (SELECT NULL::text UNION ALL SELECT unnest(r.spam_checks)) c(spam_check)
   CROSS JOIN LATERAL (VALUES ('held', true), ('held_decided', r.decided_at IS NOT NULL), ('held_approved', r.decision = 'APPROVE')) x(figure, counts)
   WHERE r.created_at >= :from AND r.created_at < :to AND x.counts
  UNION ALL
  SELECT 'suspensions', NULL, NULL, a.created_at, NULL
    FROM audit_log a WHERE a.action = 'USER_SUSPENDED' AND a.created_at >= :from AND a.created_at < :to
),
buckets AS (
  SELECT generate_series(date_trunc(:bucket, :from::timestamptz AT TIME ZONE 'UTC'),
                         (:to::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond',
                         ('1 ' || :bucket)::interval) AS bucket_start
),
grouped AS (
  SELECT date_trunc(:bucket, at AT TIME ZONE 'UTC') AS bucket_start, figure, reason, spam_check, count(*)::int AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours
    FROM events
   GROUP BY GROUPING SETS ((date_trunc(:bucket, at AT TIME ZONE 'UTC'), figure, reason, spam_check), (figure, reason, spam_check))
  UNION ALL
  SELECT bucket_start, 'bucket', NULL, NULL, 0, NULL FROM buckets
)
SELECT to_char(bucket_start, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "bucketStart", figure, reason, spam_check AS "spamCheck", n, median_hours AS "medianHours"
  FROM grouped
 ORDER BY bucket_start NULLS FIRST, figure, reason, spam_check NULLS FIRST
