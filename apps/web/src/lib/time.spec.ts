import { jest } from '@jest/globals';
import { momentText } from '@peerdesk/domain';
import { absoluteTime, calendarZone, displayZone, relativeTime } from './time';

describe('time formatting', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime('2026-11-24T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-24T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-23T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-26T12:00:00Z', now)).toBe('in 2 days');
  });

  it('shows every moment one way, in the zone given', () => {
    expect(absoluteTime('2026-12-07T13:00:00Z')).toBe('Mon, 7 Dec 2026, 13:00 UTC');
    expect(absoluteTime(new Date('2026-12-07T13:00:00Z'), 'Europe/London')).toBe('Mon, 7 Dec 2026, 13:00 GMT');
    expect(absoluteTime('2026-11-24T14:05:00Z', 'Europe/Berlin')).toBe('Tue, 24 Nov 2026, 15:05 CET');
  });

  it("reads as the API's messages and e-mails read the same moment (packages/domain momentText)", () => {
    for (const [iso, zone] of [['2026-12-07T13:00:00Z', 'UTC'], ['2026-03-29T01:30:00Z', 'Europe/Dublin'], ['2031-03-04T15:30:00Z', 'America/New_York']] as const) {
      expect(absoluteTime(iso, zone)).toBe(momentText(new Date(iso), zone));
    }
  });

  it('builds one formatter per zone, not one per call', () => {
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 100; i++) absoluteTime(`2026-12-0${1 + (i % 9)}T13:00:00Z`, 'Asia/Tokyo');
      expect(built).toHaveBeenCalledTimes(1);
    } finally {
      built.mockRestore();
    }
  });

  it("picks the viewer's zone, else the category's, else UTC", () => {
    expect(displayZone('America/New_York', 'Europe/Dublin')).toBe('America/New_York');
    expect(displayZone(null, 'Europe/Dublin')).toBe('Europe/Dublin');
    expect(displayZone(undefined)).toBe('UTC');
    expect(calendarZone({ timeZone: 'Europe/Dublin', week: {} })).toBe('Europe/Dublin');
    expect(calendarZone({})).toBeNull();
  });
});
