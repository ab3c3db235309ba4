/**
 * The dashboard's period, read from the address (so a report is a link people can share):
 * `from` and `to` as dates (to inclusive for people, exclusive for the API), bucket and category.
 * The same parameters drive the page and the CSV download.
 */

import { isReportBucket, type ReportBucket } from '@peerdesk/domain';

export interface Period {
  /** YYYY-MM-DD, as the date fields show them. */
  from: string;
  to: string;
  /** The bucket the report uses: the one chosen, else the one that suits the period's length. */
  bucket: ReportBucket;
  /** What the user chose; '' leaves it to the period's length. */
  bucketChoice: ReportBucket | '';
  categoryId: string;
}

const DAY_MS = 86_400_000;
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const ymd = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The bucket that draws a period of `from` to `to` (both days included) with enough bars to see a trend and
 * few enough to read: days up to a month, weeks up to 26 of them, months beyond.
 */
export function bucketForPeriod(from: string, to: string): ReportBucket {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  return days <= 31 ? 'DAY' : days <= 26 * 7 ? 'WEEK' : 'MONTH';
}

/**
 * Default: the last 12 months up to and including today (UTC), from the first day of that month so the
 * first bar is a whole month; the bucket follows the period's length unless the user chose one.
 */
export function readPeriod(params: URLSearchParams, today: Date): Period {
  const to = isDate(params.get('to')) ? params.get('to')! : ymd(today);
  const end = new Date(Date.parse(to));
  const from = isDate(params.get('from')) ? params.get('from')! : ymd(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 12, 1)));
  const bucketParam = params.get('bucket') ?? '';
  const bucketChoice = isReportBucket(bucketParam) ? bucketParam : '';
  return { from, to, bucket: bucketChoice || bucketForPeriod(from, to), bucketChoice, categoryId: params.get('category') ?? '' };
}

/** The API's input: `to` is exclusive there, so the last chosen day counts in full. */
export function reportInput(period: Period): { from: string; to: string; bucket: ReportBucket; categoryId?: string } {
  return {
    from: `${period.from}T00:00:00.000Z`,
    to: new Date(Date.parse(period.to) + DAY_MS).toISOString(),
    bucket: period.bucket,
    ...(period.categoryId ? { categoryId: period.categoryId } : {}),
  };
}

/** The page's own address parameters for this period (for links such as the CSV download). */
export function periodSearch(period: Period): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (period.bucketChoice) params.set('bucket', period.bucketChoice);
  if (period.categoryId) params.set('category', period.categoryId);
  return params.toString();
}
