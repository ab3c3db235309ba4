/**
 * The arithmetic behind the SVG charts: nice axis ticks, linear scales, stacking and line paths.
 * Plain functions over plain data (no DOM, no Svelte), so they are unit-tested on their own
 * (scale.spec.ts) and the components only lay out what these return.
 */

/** The nearest "nice" step (1, 2, 2.5 or 5 times a power of ten) at or above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface Ticks {
  /** The axis runs from `min` to `max`, both multiples of `step`. */
  min: number;
  max: number;
  step: number;
  values: number[];
}

/**
 * Axis ticks from `min` to `max` with about `count` intervals at nice numbers. An empty range
 * (all zeros) still gets an axis from 0 to 1. `integer` keeps steps whole (counts of questions).
 */
export function niceTicks(min: number, max: number, count = 5, { integer = false } = {}): Ticks {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi === lo) hi = lo + 1;
  let step = niceStep((hi - lo) / Math.max(1, count));
  if (integer) step = Math.max(1, Math.ceil(step));
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const values: number[] = [];
  // Rounded to the step's decimals so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; lo + i * step <= hi + step / 1e9; i++) values.push(Number((lo + i * step).toFixed(decimals)));
  return { min: lo, max: hi, step, values };
}

/** A linear map from a domain interval onto a range interval (pixels; the range may run backwards). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

export interface StackSegment<K extends string> {
  key: K;
  value: number;
  /** Cumulative bottom and top of this segment in data units. */
  y0: number;
  y1: number;
}

/** Stacks each row's values in `keys` order, bottom first; missing values count as 0. */
export function stack<K extends string>(rows: ReadonlyArray<Partial<Record<K, number>>>, keys: readonly K[]): StackSegment<K>[][] {
  return rows.map((row) => {
    let y = 0;
    return keys.map((key) => {
      const value = row[key] ?? 0;
      const segment = { key, value, y0: y, y1: y + value };
      y += value;
      return segment;
    });
  });
}

/** Left edge and width of band `index` of `count` equal bands over [start, end], with a gap share `padding` (0–1). */
export function band(index: number, count: number, start: number, end: number, padding = 0.2): { x: number; width: number } {
  const step = (end - start) / Math.max(1, count);
  const width = step * (1 - padding);
  return { x: start + index * step + (step - width) / 2, width };
}

/**
 * An SVG path through the points; a null y breaks the line (a bucket with no questions has no rate,
 * and drawing through it would invent one). Coordinates are rounded to 0.1 px to keep the markup small.
 */
export function linePath(points: ReadonlyArray<{ x: number; y: number | null }>): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  let path = '';
  let pen = false;
  for (const { x, y } of points) {
    if (y === null || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : path ? ' M' : 'M'}${round(x)} ${round(y)}`;
    pen = true;
  }
  return path;
}

/**
 * The width a label of the charts' 12px axis text may take, over-estimated so it holds in wide fonts too
 * (DejaVu Sans, Chromium's fallback on Linux, draws "May 2026" about 59 px wide).
 */
export function labelWidth(labels: readonly string[], fontSize = 12): number {
  return Math.max(0, ...labels.map((label) => label.length)) * fontSize * 0.67;
}

/**
 * Print every n-th of `count` evenly spaced labels (always the first) so that no two printed labels
 * overlap: printed neighbours stand `n * axisWidth / count` apart, at least the widest label plus `gap`.
 */
export function labelEvery(count: number, axisWidth: number, widest: number, gap = 8): number {
  if (count <= 1 || axisWidth <= 0) return 1;
  return Math.max(1, Math.ceil(((widest + gap) * count) / axisWidth));
}
