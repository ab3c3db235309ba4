import { wholePeriods } from './reports.repository';

const at = (iso: string) => new Date(iso);

describe('wholePeriods: the UTC days or months the rollups answer for', () => {
  it('keeps a period that starts and ends on boundaries whole', () => {
    expect(wholePeriods(at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'month')).toEqual([at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z')]);
    expect(wholePeriods(at('2025-03-10T00:00:00Z'), at('2025-03-12T00:00:00Z'), 'day')).toEqual([at('2025-03-10T00:00:00Z'), at('2025-03-12T00:00:00Z')]);
  });

  it('leaves the part days and months at either end out, across a year end', () => {
    const from = at('2025-11-15T10:00:00.001Z');
    const to = at('2026-02-03T23:59:59.999Z');
    expect(wholePeriods(from, to, 'month')).toEqual([at('2025-12-01T00:00:00Z'), at('2026-02-01T00:00:00Z')]);
    expect(wholePeriods(from, to, 'day')).toEqual([at('2025-11-16T00:00:00Z'), at('2026-02-03T00:00:00Z')]);
  });

  it('is empty, as [to, to), when no whole day or month fits', () => {
    const from = at('2025-03-10T06:00:00Z');
    const to = at('2025-03-11T05:00:00Z');
    expect(wholePeriods(from, to, 'day')).toEqual([to, to]);
    expect(wholePeriods(from, at('2025-04-20T00:00:00Z'), 'month')).toEqual([at('2025-04-20T00:00:00Z'), at('2025-04-20T00:00:00Z')]);
  });
});
