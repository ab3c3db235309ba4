import { bucketForPeriod, periodSearch, readPeriod, reportInput } from './period';

const today = new Date('2026-12-05T15:30:00Z');

describe('bucketForPeriod', () => {
  it.each([
    ['2026-12-05', '2026-12-05', 'DAY'],
    ['2026-11-05', '2026-12-05', 'DAY'], // 31 days
    ['2026-11-04', '2026-12-05', 'WEEK'],
    ['2026-06-07', '2026-12-05', 'WEEK'], // 182 days: 26 weeks
    ['2026-06-06', '2026-12-05', 'MONTH'],
    ['2023-12-01', '2026-12-05', 'MONTH'],
  ])('%s to %s → %s', (from, to, bucket) => expect(bucketForPeriod(from, to)).toBe(bucket));
});

describe('readPeriod', () => {
  it('defaults to the last 12 months up to today, from a month’s first day, by month', () => {
    const period = readPeriod(new URLSearchParams(), today);
    expect(period).toEqual({ from: '2025-12-01', to: '2026-12-05', bucket: 'MONTH', bucketChoice: '', categoryId: '' });
    expect(reportInput(period)).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z', bucket: 'MONTH' });
    // A January end reaches back into the year before.
    expect(readPeriod(new URLSearchParams({ to: '2027-01-31' }), today).from).toBe('2026-01-01');
  });

  it('keeps a bucket the user chose, and picks one by the period’s length otherwise', () => {
    const chosen = readPeriod(new URLSearchParams({ from: '2026-01-01', to: '2026-12-05', bucket: 'WEEK' }), today);
    expect([chosen.bucket, chosen.bucketChoice]).toEqual(['WEEK', 'WEEK']);
    expect(periodSearch(chosen)).toBe('from=2026-01-01&to=2026-12-05&bucket=WEEK');
    const auto = readPeriod(new URLSearchParams({ from: '2026-11-20', to: '2026-12-05', bucket: '' }), today);
    expect([auto.bucket, auto.bucketChoice]).toEqual(['DAY', '']);
    // A shared link leaves the bucket to the period, so it keeps following the period's length.
    expect(periodSearch(auto)).toBe('from=2026-11-20&to=2026-12-05');
  });
});
