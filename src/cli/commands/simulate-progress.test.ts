import { describe, expect, it } from 'vitest';
import { plainLineDue, progressBar, progressPlain } from './simulate-progress.js';

describe('the simulation progress line', () => {
  it('draws a bar with the share done, the time taken and a guess at the time left', () => {
    expect(progressBar({ label: '', day: 73, of: 365, elapsedMs: 20_000 })).toBe('[######------------------------] day 73/365 20% 20 s, about 1 min 20 s left');
  });

  it('has nothing left to guess at the start or the end, and names the run', () => {
    expect(progressBar({ label: '', day: 0, of: 365, elapsedMs: 0 })).toBe(`[${'-'.repeat(30)}] day 0/365 0% 0 s`);
    expect(progressBar({ label: 'first-free: ', day: 365, of: 365, elapsedMs: 95_000 })).toBe(`first-free: [${'#'.repeat(30)}] day 365/365 100% 1 min 35 s`);
  });

  it('piped, writes a plain line every so many days and on the last', () => {
    expect([1, 10, 11, 20, 365].filter((d) => plainLineDue(d, 365, 10))).toEqual([10, 20, 365]);
    expect(progressPlain({ label: '3 chairs: ', day: 10, of: 30, elapsedMs: 4_400 })).toBe('3 chairs: day 10/30 (4 s)');
  });
});
