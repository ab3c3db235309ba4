import type { FieldError } from './errors';

/**
 * Deadline arithmetic for the two escalation clocks: the peer window runs on plain elapsed time,
 * the staff response clock on the business hours of a calendar. Everything here is pure: the
 * current time is always passed in, and time zones come from the built-in Intl (full ICU in Node 20).
 *
 * Working hours are local wall-clock times, so on a daylight-saving day a 09:00–17:00 interval is
 * still 09:00–17:00 local, and a 00:00–24:00 day lasts 23 or 25 real hours.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Local wall-clock times "HH:MM"; end is after start and may be "24:00" (midnight ending the day). */
export interface WorkingInterval {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Dublin". */
  timeZone: string;
  /** A missing or empty day is closed; several intervals make breaks (e.g. lunch). */
  week: Partial<Record<Weekday, WorkingInterval[]>>;
  /** Local dates "YYYY-MM-DD" closed all day. */
  holidays: string[];
}

/** The staff clock stops while a question waits on its asker (NEEDS_INFO). */
export interface StaffClockPause {
  pausedAt: Date;
  resumedAt: Date | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A calendar without working time for this many days in a row is treated as never opening. */
const MAX_CLOSED_DAYS = 3 * 366;

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// Indexed like Date#getUTCDay, which numbers Sunday 0.
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function sameHoursOn(days: readonly Weekday[], start: string, end: string): BusinessCalendar['week'] {
  return Object.fromEntries(days.map((day) => [day, [{ start, end }]]));
}

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Europe/Dublin',
  week: sameHoursOn(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'),
  holidays: [],
});

/** 24x7 support. */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  week: sameHoursOn(WEEKDAYS, '00:00', '24:00'),
  holidays: [],
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWeekday(day: string): day is Weekday {
  return (WEEKDAYS as readonly string[]).includes(day);
}

/** Minutes since local midnight, or null when not "HH:MM"; "24:00" only where an end is meant. */
function parseLocalTime(text: unknown, isEnd: boolean): number | null {
  const match = typeof text === 'string' ? TIME_PATTERN.exec(text) : null;
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours < 24 || (isEnd && hours === 24 && minutes === 0)) return hours * 60 + minutes;
  return null;
}

function isLocalDate(text: unknown): boolean {
  const match = typeof text === 'string' ? DATE_PATTERN.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March, so a real date must survive the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

const formatterByZone = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterByZone.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterByZone.set(timeZone, formatter);
  }
  return formatter;
}

function validateTimeZone(timeZone: unknown): FieldError[] {
  return checkTimeZone(timeZone, 'calendar.timeZone');
}

/** An IANA time zone name (a category's calendar, a member's own zone); offsets such as "+01:00" are not zones. */
export function checkTimeZone(timeZone: unknown, field: string): FieldError[] {
  const example = 'an IANA name such as "Europe/Dublin" or "America/New_York"';
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    return [{ field, message: `Time zone is required: ${example}.` }];
  }
  const unknown = [{ field, message: `Time zone ${quoted(timeZone)} is not known; use ${example}.` }];
  if (!/^[A-Za-z]/.test(timeZone)) return unknown;
  try {
    zoneFormatter(timeZone);
    return [];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return unknown;
  }
}

/** The zone's canonical spelling ("europe/dublin" → "Europe/Dublin"); call after checkTimeZone. */
export function canonicalTimeZone(timeZone: string): string {
  return zoneFormatter(timeZone).resolvedOptions().timeZone;
}

function validateDay(dayField: string, intervals: unknown[]): FieldError[] {
  const errors: FieldError[] = [];
  const wellFormed: { index: number; start: number; end: number; text: string }[] = [];
  intervals.forEach((interval, index) => {
    const field = `${dayField}[${index}]`;
    if (!isRecord(interval)) {
      errors.push({ field, message: 'Working interval must look like { start: "09:00", end: "17:00" }.' });
      return;
    }
    const start = parseLocalTime(interval.start, false);
    const end = parseLocalTime(interval.end, true);
    if (start === null) {
      errors.push({
        field: `${field}.start`,
        message: `Start time ${quoted(interval.start)} must be local time as HH:MM from 00:00 to 23:59, e.g. "09:00".`,
      });
    }
    if (end === null) {
      errors.push({
        field: `${field}.end`,
        message: `End time ${quoted(interval.end)} must be local time as HH:MM from 00:01 to 24:00, e.g. "17:30".`,
      });
    }
    if (start === null || end === null) return;
    if (end <= start) {
      errors.push({
        field,
        message: `End time ${interval.end} must be after start time ${interval.start}; to work past midnight, end this interval at "24:00" and start the next day at "00:00".`,
      });
      return;
    }
    wellFormed.push({ index, start, end, text: `${interval.start}–${interval.end}` });
  });

  wellFormed.sort((a, b) => a.start - b.start);
  // Compare with the latest-ending interval so far, not just the previous one: 09–17 contains both 10–11 and 12–13.
  let latestEnding = wellFormed[0];
  for (const interval of wellFormed.slice(1)) {
    if (interval.start < latestEnding.end) {
      errors.push({
        field: `${dayField}[${interval.index}]`,
        message: `Working interval ${interval.text} overlaps ${latestEnding.text} on the same day; merge them or make them not overlap.`,
      });
    }
    if (interval.end > latestEnding.end) latestEnding = interval;
  }
  return errors;
}

function validateWeek(week: unknown): FieldError[] {
  const field = 'calendar.week';
  if (!isRecord(week)) {
    return [{ field, message: 'Working week is required: working intervals per day, e.g. { mon: [{ start: "09:00", end: "17:00" }] }.' }];
  }
  const errors: FieldError[] = [];
  let intervalCount = 0;
  for (const [day, intervals] of Object.entries(week)) {
    const dayField = `${field}.${day}`;
    if (!isWeekday(day)) {
      errors.push({ field: dayField, message: `"${day}" is not a day; use ${WEEKDAYS.join(', ')}.` });
    } else if (Array.isArray(intervals)) {
      intervalCount += intervals.length;
      errors.push(...validateDay(dayField, intervals));
    } else if (intervals !== undefined) {
      errors.push({ field: dayField, message: 'Working hours of a day must be a list of intervals; use [] when closed.' });
    }
  }
  if (intervalCount === 0) {
    errors.push({ field, message: 'Working week has no working hours; add at least one interval, e.g. mon: [{ start: "09:00", end: "17:00" }].' });
  }
  return errors;
}

function validateHolidays(holidays: unknown): FieldError[] {
  if (!Array.isArray(holidays)) {
    return [{ field: 'calendar.holidays', message: 'Holidays must be a list of local dates like "2026-12-25"; use [] for none.' }];
  }
  return holidays.flatMap((holiday, index) =>
    isLocalDate(holiday)
      ? []
      : [{ field: `calendar.holidays[${index}]`, message: `Holiday ${quoted(holiday)} is not a real date as YYYY-MM-DD, e.g. "2026-12-25".` }],
  );
}

/** Problems with a calendar as entered (e.g. parsed JSON), each naming its field; [] when usable. */
export function validateBusinessCalendar(cal: unknown): FieldError[] {
  if (!isRecord(cal)) {
    return [{ field: 'calendar', message: 'Business calendar must be an object with timeZone, week and holidays.' }];
  }
  return [...validateTimeZone(cal.timeZone), ...validateWeek(cal.week), ...validateHolidays(cal.holidays)];
}

// ---------------------------------------------------------------------------------------------
// Local wall-clock time ↔ instants
// ---------------------------------------------------------------------------------------------

/** Half-open [start, end): epoch milliseconds, except minutes since local midnight in CompiledCalendar. */
type Span = readonly [start: number, end: number];

interface CompiledCalendar {
  formatter: Intl.DateTimeFormat;
  /** Working [start, end) in minutes since local midnight, sorted, indexed like Date#getUTCDay. */
  minutesByUtcDay: readonly Span[][];
  holidays: ReadonlySet<string>;
}

/** For a time already validated as "HH:MM"; "24:00" gives 1440. */
function minutesSinceMidnight(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** Validates first, so a malformed calendar fails loudly instead of producing wrong deadlines. */
function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const errors = validateBusinessCalendar(cal);
  if (errors.length > 0) {
    throw new Error(`Invalid business calendar: ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`);
  }
  return {
    formatter: zoneFormatter(cal.timeZone),
    minutesByUtcDay: WEEKDAY_BY_UTC_DAY.map((day) =>
      (cal.week[day] ?? [])
        .map(({ start, end }): Span => [minutesSinceMidnight(start), minutesSinceMidnight(end)])
        .sort((a, b) => a[0] - b[0]),
    ),
    holidays: new Set(cal.holidays),
  };
}

/** The local wall-clock reading at `instant`, written as if it were a UTC timestamp. */
function wallClockAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(instant)) fields[part.type] = Number(part.value);
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  // Intl resolves whole seconds only; carry the milliseconds over unchanged.
  const millis = instant - Math.floor(instant / 1000) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + millis;
}

function utcOffsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  return wallClockAt(instant, formatter) - instant;
}

/**
 * The instant at which local wall-clock time `local` (written as a UTC timestamp) occurs.
 * A time repeated when clocks fall back resolves to its first occurrence; a time skipped when
 * clocks spring forward resolves to the first valid instant after it, i.e. the transition.
 */
function localToInstant(local: number, formatter: Intl.DateTimeFormat): number {
  // No zone is more than a day from UTC, so these two offsets bracket any transition near `local`.
  const offsetBefore = utcOffsetAt(local - DAY_MS, formatter);
  const offsetAfter = utcOffsetAt(local + DAY_MS, formatter);
  if (offsetBefore === offsetAfter) return local - offsetBefore;

  const earlier = local - Math.max(offsetBefore, offsetAfter);
  const later = local - Math.min(offsetBefore, offsetAfter);
  for (const candidate of [earlier, later]) {
    if (wallClockAt(candidate, formatter) === local) return candidate;
  }
  // Skipped time: wall clock reads before `local` at `earlier` and after it at `later`; find the jump.
  let readsBefore = earlier;
  let readsAtOrAfter = later;
  while (readsAtOrAfter - readsBefore > 1) {
    const middle = Math.floor((readsBefore + readsAtOrAfter) / 2);
    if (wallClockAt(middle, formatter) >= local) readsAtOrAfter = middle;
    else readsBefore = middle;
  }
  return readsAtOrAfter;
}

/** Business time of one local date (days since 1970-01-01) as instants, in order. */
function workingSpansOfLocalDay(calendar: CompiledCalendar, day: number): Span[] {
  const midnight = day * DAY_MS;
  const date = new Date(midnight);
  const intervals = calendar.minutesByUtcDay[date.getUTCDay()];
  if (intervals.length === 0 || calendar.holidays.has(date.toISOString().slice(0, 10))) return [];
  const spans: Span[] = [];
  for (const [startMinute, endMinute] of intervals) {
    const start = localToInstant(midnight + startMinute * MINUTE_MS, calendar.formatter);
    const end = localToInstant(midnight + endMinute * MINUTE_MS, calendar.formatter);
    // An interval lying wholly in a spring-forward gap has no real time in it.
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/**
 * Business time from `from` on, as consecutive spans clipped to begin no earlier than `from`.
 * Never ends on its own; throws once the calendar stays closed for MAX_CLOSED_DAYS days in a row.
 */
function* businessSpansFrom(calendar: CompiledCalendar, from: number): Generator<Span, never> {
  let closedDays = 0;
  // Spans of earlier local dates end by this date's first midnight, which is not after `from`.
  for (let day = Math.floor(wallClockAt(from, calendar.formatter) / DAY_MS); ; day++) {
    const spans = workingSpansOfLocalDay(calendar, day);
    if (spans.length > 0) closedDays = 0;
    else if (++closedDays > MAX_CLOSED_DAYS) {
      throw new Error(
        `Business calendar has no working time in the ${MAX_CLOSED_DAYS} days after ${new Date(from).toISOString()}; check its working week and holidays.`,
      );
    }
    for (const [start, end] of spans) {
      if (end > from) yield [Math.max(start, from), end];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------------------------

function epochMillis(date: Date, name: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} is not a valid date.`);
  return instant;
}

/** Whole milliseconds, so fractional hours such as 0.1 do not leave float dust in deadlines. */
function hoursToMillis(hours: number, name: string): number {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`${name} must be a finite number of hours, zero or more (it is ${hours}).`);
  }
  return Math.round(hours * HOUR_MS);
}

/**
 * The instant at which `duration` of business time outside `pauses` (spans sorted by start) has
 * elapsed since `from`. A zero duration gives the first such moment of business time.
 */
function afterBusinessTime(calendar: CompiledCalendar, from: number, duration: number, pauses: readonly Span[]): number {
  const spans = businessSpansFrom(calendar, from);
  let remaining = duration;
  let pauseIndex = 0;
  for (;;) {
    const [start, end] = spans.next().value;
    let cursor = start;
    while (cursor < end) {
      // Skip pauses over by now; sorted by start, the first one left begins earliest, so if it does
      // not cover the cursor no later one does.
      while (pauseIndex < pauses.length && pauses[pauseIndex][1] <= cursor) pauseIndex++;
      const pause = pauses[pauseIndex];
      if (pause && pause[0] <= cursor) {
        cursor = pause[1];
        continue;
      }
      const runningUntil = pause ? Math.min(end, pause[0]) : end;
      if (remaining <= runningUntil - cursor) return cursor + remaining;
      remaining -= runningUntil - cursor;
      cursor = runningUntil;
    }
  }
}

/** Peer clock: plain elapsed time. */
export function addWallClockHours(start: Date, hours: number): Date {
  return new Date(epochMillis(start, 'start') + hoursToMillis(hours, 'hours'));
}

/**
 * The instant when `hours` of business time have elapsed since `start`; the clock starts at the
 * next opening when `start` is outside business hours. A deadline landing on a closing time stays
 * there (8 hours from Monday 09:00 is Monday 17:00). hours = 0 gives nextBusinessOpening(start).
 */
export function addBusinessHours(start: Date, hours: number, cal: BusinessCalendar): Date {
  const duration = hoursToMillis(hours, 'hours');
  return new Date(afterBusinessTime(compileCalendar(cal), epochMillis(start, 'start'), duration, []));
}

/** Business time elapsed in [from, to), in milliseconds; 0 when `to` is not after `from`. */
export function businessMillisBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const fromMs = epochMillis(from, 'from');
  const toMs = epochMillis(to, 'to');
  const calendar = compileCalendar(cal);
  if (toMs <= fromMs) return 0;
  const spans = businessSpansFrom(calendar, fromMs);
  let total = 0;
  for (;;) {
    const [start, end] = spans.next().value;
    if (start >= toMs) return total;
    total += Math.min(end, toMs) - start;
  }
}

/** The first instant of business time at or after `at`: `at` itself when open. */
export function nextBusinessOpening(at: Date, cal: BusinessCalendar): Date {
  return new Date(businessSpansFrom(compileCalendar(cal), epochMillis(at, 'at')).next().value[0]);
}

/** Open at `at`: opening times count as open, closing times as closed. */
export function isBusinessTime(at: Date, cal: BusinessCalendar): boolean {
  return nextBusinessOpening(at, cal).getTime() === at.getTime();
}

type ResumedPause = StaffClockPause & { resumedAt: Date };

/** Sorted by start; overlaps need no merging, as the walk jumps to the latest resume among them. */
function sortedPauseSpans(pauses: readonly ResumedPause[]): Span[] {
  return pauses
    .map(({ pausedAt, resumedAt }, index): Span => {
      const start = epochMillis(pausedAt, `pauses[${index}].pausedAt`);
      const end = epochMillis(resumedAt, `pauses[${index}].resumedAt`);
      if (end < start) throw new RangeError(`pauses[${index}] resumes before it was paused.`);
      return [start, end];
    })
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The staff response deadline: the instant when `staffResponseHours` of business time have run
 * since escalation, the clock standing still while paused. This equals escalatedAt +
 * staffResponseHours business hours extended by the business time inside pauses, except that a
 * pause starting after the deadline does not move it (a missed deadline stays missed). Pauses may
 * overlap and come in any order. Null while any pause is still open: the clock is stopped.
 */
export function staffDueAt(
  escalatedAt: Date,
  staffResponseHours: number,
  cal: BusinessCalendar,
  pauses: StaffClockPause[],
): Date | null {
  const from = epochMillis(escalatedAt, 'escalatedAt');
  const duration = hoursToMillis(staffResponseHours, 'staffResponseHours');
  const calendar = compileCalendar(cal);
  const resumed = pauses.filter((pause): pause is ResumedPause => pause.resumedAt !== null);
  if (resumed.length < pauses.length) return null;
  return new Date(afterBusinessTime(calendar, from, duration, sortedPauseSpans(resumed)));
}

/**
 * Until the deadline: the business milliseconds left (0 exactly at it). Past the deadline: the
 * plain wall-clock milliseconds overdue, negated, so any overdue moment is strictly negative even
 * when it falls outside business hours.
 */
export function businessMillisRemaining(now: Date, dueAt: Date, cal: BusinessCalendar): number {
  const nowMs = epochMillis(now, 'now');
  const dueMs = epochMillis(dueAt, 'dueAt');
  if (nowMs > dueMs) return dueMs - nowMs;
  return businessMillisBetween(now, dueAt, cal);
}
