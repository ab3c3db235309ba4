import { bucketLabel, durationTickText, durationUnit, formatDuration, percent, plural, timeLeftText } from './format';
import { outcomeCounts } from './outcomes';
import { band, labelEvery, labelWidth, linearScale, linePath, niceStep, niceTicks, stack } from './scale';

describe('niceStep', () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.3, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [13, 20],
    [0.03, 0.05],
  ])('rounds %p up to %p', (rough, step) => expect(niceStep(rough)).toBeCloseTo(step));

  it('falls back to 1 for nothing to divide', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('covers the data with round numbers', () => {
    expect(niceTicks(0, 17, 5)).toEqual({ min: 0, max: 20, step: 5, values: [0, 5, 10, 15, 20] });
  });

  it('gives an empty chart an axis from 0 to 1', () => {
    expect(niceTicks(0, 0, 5, { integer: true }).values).toEqual([0, 1]);
  });

  it('keeps question counts whole', () => {
    const ticks = niceTicks(0, 3, 5, { integer: true });
    expect(ticks.values).toEqual([0, 1, 2, 3]);
    expect(ticks.values.every(Number.isInteger)).toBe(true);
  });

  it('prints shares without floating-point noise', () => {
    expect(niceTicks(0, 1, 4).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 0.3, 3).values).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('linearScale', () => {
  it('maps a domain onto a reversed pixel range (SVG y grows downwards)', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(y(10)).toBe(0);
  });

  it('maps an empty domain to the range start instead of dividing by zero', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(0);
  });
});

describe('stack', () => {
  it('stacks each row bottom first in key order, missing keys as 0', () => {
    const [row] = stack([{ a: 2, c: 3 }], ['a', 'b', 'c'] as const);
    expect(row).toEqual([
      { key: 'a', value: 2, y0: 0, y1: 2 },
      { key: 'b', value: 0, y0: 2, y1: 2 },
      { key: 'c', value: 3, y0: 2, y1: 5 },
    ]);
  });
});

describe('band', () => {
  it('splits the axis into equal bands with the gap shared on both sides', () => {
    expect(band(0, 2, 0, 100, 0.2)).toEqual({ x: 5, width: 40 });
    expect(band(1, 2, 0, 100, 0.2)).toEqual({ x: 55, width: 40 });
  });
});

describe('linePath', () => {
  it('draws through the points and breaks the line at a missing value', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 10, y: 5.04 }, { x: 20, y: null }, { x: 30, y: 1 }, { x: 40, y: 2 }])).toBe('M0 10L10 5 M30 1L40 2');
  });

  it('is empty when there is nothing to draw', () => {
    expect(linePath([{ x: 0, y: null }])).toBe('');
  });
});

describe('labelEvery', () => {
  const axis = 664; // the charts' plot width
  const month = labelWidth(['May 2026']);

  it('over-estimates a label’s width, even in a wide font', () => {
    expect(month).toBeGreaterThanOrEqual(60); // DejaVu Sans at 12px: about 59 px
    expect(labelWidth([])).toBe(0);
  });

  it('labels every bucket when they fit and thins them out when not', () => {
    expect(labelEvery(8, axis, month)).toBe(1);
    expect(labelEvery(13, axis, month)).toBe(2); // 12 months up to today: 13 buckets
    expect(labelEvery(37, axis, month)).toBe(5); // 3 years by month
    expect(labelEvery(1, axis, month)).toBe(1);
  });

  it('never lets printed labels overlap, and thins no more than it must', () => {
    for (let count = 1; count <= 400; count++) {
      for (const widest of [20, month, 90]) {
        const every = labelEvery(count, axis, widest);
        const apart = (every * axis) / count;
        if (count > 1) expect(apart).toBeGreaterThanOrEqual(widest + 8);
        if (every > 1) expect(((every - 1) * axis) / count).toBeLessThan(widest + 8);
      }
    }
  });
});

describe('formatting', () => {
  it('labels buckets in UTC', () => {
    expect(bucketLabel('2026-03-02T00:00:00.000Z', 'WEEK')).toBe('2 Mar');
    expect(bucketLabel('2026-03-02T00:00:00.000Z', 'WEEK', true)).toBe('Week of 2 Mar 2026');
    expect(bucketLabel('2026-03-01T00:00:00.000Z', 'MONTH')).toBe('Mar 2026');
    expect(bucketLabel('2026-03-05T00:00:00.000Z', 'DAY', true)).toBe('5 Mar 2026');
  });

  it('prints shares as percentages, with a decimal under 10%', () => {
    expect(percent(0.5)).toBe('50%');
    expect(percent(0.045)).toBe('4.5%');
    expect(percent(0.04)).toBe('4%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('–');
  });

  it('prints durations the way a person reads them', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(12 * 60 + 5)).toBe('12 min');
    expect(formatDuration(2 * 3600 + 14 * 60)).toBe('2 h 14 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3 d 4 h');
    expect(timeLeftText(2 * 3600 + 14 * 60 + 30)).toBe('2 h 14 min left');
    expect(timeLeftText(-35 * 60)).toBe('35 min overdue');
  });

  it('counts outcomes from the API list, every outcome present', () => {
    const counts = outcomeCounts([{ outcome: 'PEER_SOLVED', count: 2 }, { outcome: 'STAFF_SOLVED', count: 1 }, { outcome: 'SOMETHING_NEW', count: 9 }]);
    expect(counts.PEER_SOLVED).toBe(2);
    expect(counts.STAFF_SOLVED).toBe(1);
    expect(counts.UNANSWERED).toBe(0);
    expect(Object.keys(counts)).toHaveLength(7);
  });
});

describe('durationUnit', () => {
  it.each([
    [0, 's'],
    [1.5, 's'],
    [45, 's'],
    [2 * 60 - 1, 's'],
    [2 * 60, 'min'],
    [40 * 60, 'min'],
    [2 * 3600 - 1, 'min'],
    [2 * 3600, 'h'],
    [30 * 3600, 'h'],
    [2 * 86_400 - 1, 'h'],
    [2 * 86_400, 'd'],
    [9 * 86_400, 'd'],
  ])('reads an axis up to %p s in %p', (maxSeconds, symbol) => expect(durationUnit(maxSeconds).symbol).toBe(symbol));

  it('converts with the unit it names, so ticks stay round numbers of it', () => {
    const unit = durationUnit(36 * 3600);
    expect((36 * 3600) / unit.seconds).toBe(36);
    expect(niceTicks(0, (40 * 60) / durationUnit(40 * 60).seconds, 4).values).toEqual([0, 10, 20, 30, 40]);
  });

  it('reads medians of a few seconds in seconds, not fractions of a minute', () => {
    const unit = durationUnit(1.5);
    expect(niceTicks(0, 1.5 / unit.seconds, 3).values.map((t) => durationTickText(t, unit))).toEqual(['0 s', '0.5 s', '1 s', '1.5 s']);
  });
});

describe('plural', () => {
  it('says "1 peer" and "2 peers", and takes an irregular plural', () => {
    expect(plural(1, 'peer')).toBe('1 peer');
    expect(plural(0, 'peer')).toBe('0 peers');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });
});
