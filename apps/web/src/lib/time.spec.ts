import { absoluteTime, relativeTime, weekdayTime } from './time';

describe('time formatting', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime('2026-11-24T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-24T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-23T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-26T12:00:00Z', now)).toBe('in 2 days');
  });

  it('names a deadline by weekday and time in the category’s zone', () => {
    expect(weekdayTime('2026-11-24T14:00:00Z')).toBe('Tuesday 14:00 UTC');
    expect(weekdayTime('2026-11-24T14:00:00Z', 'Europe/Berlin')).toBe('Tuesday 15:00 CET');
  });

  it('gives the full moment for a tooltip', () => {
    expect(absoluteTime('2026-11-24T14:05:00Z')).toBe('24 Nov 2026, 14:05 UTC');
  });
});
