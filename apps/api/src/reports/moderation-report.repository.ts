import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportBucket, ReviewReason, SpamCheck } from '@peerdesk/domain';
import { positional } from '../database/named-parameters';

/** One figure of the moderation report, for one bucket (bucketStart null: the whole period) and, for holds, one reason. */
export interface ModerationFigureRow {
  bucketStart: string | null;
  figure: 'bucket' | 'flags_raised' | 'flags_handled' | 'decided' | 'held' | 'held_decided' | 'held_approved' | 'suspensions';
  reason: ReviewReason | null;
  /** For the hold figures: null for the reason's own count, else one spam check's share of it. */
  spamCheck: SpamCheck | null;
  n: number;
  /** For `decided`: the median hours from an item's creation to its decision. */
  medianHours: number | null;
}

/**
 * The moderation figures for [:from, :to), per :bucket (a date_trunc unit, UTC) and for the whole period (the
 * GROUPING SETS), read from the raw rows (docs/metrics.md, "Moderation figures"):
 * - flags_raised: flags created; flags_handled: flags decided (given an outcome);
 * - decided: review items whose (latest) decision falls in the bucket, with the median hours from the item's creation to it;
 * - held: review items opened, per reason; held_decided / held_approved: those of them decided by now, and approved;
 *   the same again per spam check (spam_check set; an item held by two checks counts once for each);
 * - suspensions: USER_SUSPENDED entries in the audit log (by hand or through a review decision).
 * Each event counts in the bucket of its own time. Every bucket of the period also has a row of figure 'bucket'.
 */
const MODERATION_SQL = `
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
`;

/** The statement as written, with its named parameters: checked in under queries/ (npm run sql:snapshots). */
export const MODERATION_REPORT_STATEMENTS = { 'moderation-report': MODERATION_SQL };

/** Reads flags, review items and the audit log for the manager's moderation figures; writes nothing. */
@Injectable()
export class ModerationReportRepository {
  constructor(private readonly db: DataSource) {}

  async figures(query: { from: Date; to: Date; bucket: ReportBucket }): Promise<ModerationFigureRow[]> {
    const rows: ModerationFigureRow[] = await this.db.query(...positional(MODERATION_SQL, { from: query.from, to: query.to, bucket: query.bucket.toLowerCase() }));
    return rows.map((row) => ({ ...row, n: Number(row.n), medianHours: row.medianHours === null ? null : Number(row.medianHours) }));
  }
}
