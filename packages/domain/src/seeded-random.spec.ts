import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('draws the same numbers in [0, 1) from the same seed, others from another', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    const first = draw(42);
    expect(draw(42)).toEqual(first);
    expect(draw(43)).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    // Spread over the interval, not stuck in a corner: each tenth gets a share near 100 of 1,000.
    const tenths = Array.from({ length: 10 }, (_, at) => first.filter((value) => Math.floor(value * 10) === at).length);
    expect(Math.min(...tenths)).toBeGreaterThan(60);
  });

  it('is mulberry32: its first value for seed 1 is the reference one', () => {
    expect(seededRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
});
