// Building an Intl.DateTimeFormat costs far more than formatting with one, so there is one per zone for the
// life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as every message shows it, "Mon, 7 Dec 2026, 13:00 UTC": notifications, e-mails and refusals
 * (suspensions, silences). The web shows the same text in the viewer's zone (apps/web/src/lib/time.ts,
 * held to this by its spec).
 */
export function momentText(at: Date, timeZone = 'UTC'): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}
