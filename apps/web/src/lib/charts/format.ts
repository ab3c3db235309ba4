/** How charts, tables and the staff queue print numbers, shares, durations and report buckets. */

export type Bucket = 'DAY' | 'WEEK' | 'MONTH';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The label of a report bucket. Buckets are UTC, so the label is read in UTC too (a server in
 * another zone must not move a week to the Sunday before). `long` adds the year for tables.
 */
export function bucketLabel(start: Date | string, bucket: Bucket | string, long = false): string {
  const date = new Date(start);
  const day = date.getUTCDate();
  const month = MONTHS[date.getUTCMonth()];
  const year = date.getUTCFullYear();
  if (bucket === 'MONTH') return `${month} ${year}`;
  const short = `${day} ${month}`;
  if (bucket === 'WEEK') return long ? `Week of ${short} ${year}` : short;
  return long ? `${short} ${year}` : short;
}

/** A share as a whole percent, or with one decimal under 10% ("4.5%"); "–" when there is no denominator. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const p = value * 100;
  return `${p !== 0 && Math.abs(p) < 10 ? p.toFixed(1).replace(/\.0$/, '') : Math.round(p)}%`;
}

/**
 * A duration in words people read at a glance: "45 s", "12 min", "2 h 14 min", "3 d 4 h".
 * Negative durations print their size (callers say "overdue").
 */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

// Counts read the same on every page: one helper, kept importable from here for the charts.
export { plural } from '../plural';

/** The unit a duration axis is read in, and how many seconds make one of it. */
export interface DurationUnit {
  symbol: 's' | 'min' | 'h' | 'd';
  seconds: number;
}

/**
 * The unit for an axis whose longest duration is `maxSeconds`: seconds below two minutes, minutes
 * below two hours, hours below two days, days beyond; so ticks read "0 s … 1.5 s", "0 min … 40 min"
 * or "0 d … 6 d", never "0.025 min", "0.2 h" or "150 h".
 */
export function durationUnit(maxSeconds: number): DurationUnit {
  if (!(maxSeconds >= 2 * 60)) return { symbol: 's', seconds: 1 };
  if (maxSeconds < 2 * 3600) return { symbol: 'min', seconds: 60 };
  if (maxSeconds < 2 * 86_400) return { symbol: 'h', seconds: 3600 };
  return { symbol: 'd', seconds: 86_400 };
}

/** A duration axis tick, `value` counted in `unit`: "1.5 s", "40 min". */
export function durationTickText(value: number, unit: DurationUnit): string {
  return `${value} ${unit.symbol}`;
}

/** "2 h 14 min left" / "35 min overdue": the staff queue's countdown text, the same on server and client. */
export function timeLeftText(seconds: number): string {
  return seconds >= 0 ? `${formatDuration(seconds)} left` : `${formatDuration(seconds)} overdue`;
}
