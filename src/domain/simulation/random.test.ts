import { describe, expect, it } from 'vitest';
import { drawLateness, SeededRandom } from './random.js';

const draws = (seed: number, n: number) => {
  const r = new SeededRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('the seeded random generator', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(42, 20)).toEqual(draws(42, 20));
    expect(draws(42, 20)).not.toEqual(draws(43, 20));
  });

  it('stays in [0, 1) and spreads evenly (mean near a half)', () => {
    const xs = draws(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it.each([
    [0.5], [2.4], [12], [80],
  ])('draws Poisson counts whose mean and variance are both near λ = %s', (lambda) => {
    const r = new SeededRandom(99);
    const ks = Array.from({ length: 20_000 }, () => r.poisson(lambda));
    const mean = ks.reduce((a, b) => a + b, 0) / ks.length;
    const variance = ks.reduce((a, k) => a + (k - mean) ** 2, 0) / ks.length;
    expect(ks.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    expect(Math.abs(mean - lambda)).toBeLessThan(0.05 * lambda + 0.02);
    expect(Math.abs(variance - lambda)).toBeLessThan(0.1 * lambda + 0.05);
  });

  it('returns no arrivals for a mean of zero, and integers within the bounds asked for', () => {
    const r = new SeededRandom(1);
    expect(r.poisson(0)).toBe(0);
    const ints = Array.from({ length: 1000 }, () => r.int(3, 7));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('forks independent streams: drawing more from one does not change the other', () => {
    const a = new SeededRandom(5);
    const fa = a.fork();
    const b = new SeededRandom(5);
    const fb = b.fork();
    a.next();
    a.next();
    expect([fa.next(), fa.next()]).toEqual([fb.next(), fb.next()]);
  });
});

describe('staff lateness', () => {
  it('is on time about as often as the profile says, and otherwise at least a working day late', () => {
    const r = new SeededRandom(11);
    const xs = Array.from({ length: 10_000 }, () => drawLateness(r, { onTime: 0.6, meanDelay: 2 }));
    const onTime = xs.filter((x) => x === 0).length / xs.length;
    expect(onTime).toBeGreaterThan(0.57);
    expect(onTime).toBeLessThan(0.63);
    const lateOnes = xs.filter((x) => x > 0);
    expect(Math.min(...lateOnes)).toBe(1);
    const meanLate = lateOnes.reduce((a, b) => a + b, 0) / lateOnes.length;
    expect(meanLate).toBeGreaterThan(1.85);
    expect(meanLate).toBeLessThan(2.15);
  });
});
