/**
 * Dates as people read them. Everything is formatted on the server from the request's moment, so the
 * page needs no clock in the browser and hydration sees the same text.
 *
 * One way to show a moment: `absoluteTime`, "Mon, 7 Dec 2026, 13:00 GMT", in one zone chosen by
 * `displayZone`: the viewer's own zone (account page) if they set one, else the category's calendar
 * zone where the page shows a category's deadline, else UTC. Deadlines, timestamps and tooltips all use it.
 */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 hours ago", "yesterday", "in 2 days"; "just now" under a minute. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a fifth of the web's busy time
// when it was built per call), so there is one per zone for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "Mon, 7 Dec 2026, 13:00 GMT": every deadline and timestamp the web shows, in the zone `displayZone` picks. */
export function absoluteTime(at: string | Date, timeZone = 'UTC'): string {
  return formatterFor(timeZone).format(typeof at === 'string' ? new Date(at) : at);
}

/** The zone a page shows times in: the viewer's own if set, else the category's calendar zone (for its deadlines), else UTC. */
export function displayZone(viewerZone: string | null | undefined, categoryZone?: string | null): string {
  return viewerZone || categoryZone || 'UTC';
}

/** The zone of a category's business calendar (the API's JSON object), if it names one. */
export function calendarZone(businessCalendar: unknown): string | null {
  const zone = (businessCalendar as { timeZone?: unknown } | null)?.timeZone;
  return typeof zone === 'string' ? zone : null;
}
