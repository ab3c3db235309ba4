/**
 * The dashboard's period, read from the address (so a report is a link people can share):
 * `from` and `to` as dates (to inclusive for people, exclusive for the API), bucket and category.
 * The same parameters drive the page and the CSV download.
 */

export const BUCKETS = ['DAY', 'WEEK', 'MONTH'] as const;
export type ReportBucket = (typeof BUCKETS)[number];

export interface Period {
  /** YYYY-MM-DD, as the date fields show them. */
  from: string;
  to: string;
  bucket: ReportBucket;
  categoryId: string;
}

const DAY_MS = 86_400_000;
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const ymd = (date: Date) => date.toISOString().slice(0, 10);

/** Default: the last 12 weeks up to and including today (UTC), by week. */
export function readPeriod(params: URLSearchParams, today: Date): Period {
  const to = isDate(params.get('to')) ? params.get('to')! : ymd(today);
  const from = isDate(params.get('from')) ? params.get('from')! : ymd(new Date(Date.parse(to) - 83 * DAY_MS));
  const bucketParam = params.get('bucket') ?? '';
  const bucket = (BUCKETS as readonly string[]).includes(bucketParam) ? (bucketParam as ReportBucket) : 'WEEK';
  return { from, to, bucket, categoryId: params.get('category') ?? '' };
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
  const params = new URLSearchParams({ from: period.from, to: period.to, bucket: period.bucket });
  if (period.categoryId) params.set('category', period.categoryId);
  return params.toString();
}
