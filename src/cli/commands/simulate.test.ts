import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../modules/simulation/simulate.js';
import { compare, runSimulate } from './simulate.js';

describe('bin/convene simulate: usage', () => {
  it.each([
    [{ pack: 'atlantis' }, /--pack must be one of/],
    [{ from: '1 April 2027' }, /--from must be a date/],
    [{ policy: 'random' }, /--policy must be suggested or first-free/],
    [{ days: '0' }, /--days must be a whole number of at least 1/],
    [{ chairs: 'two' }, /--chairs must be a whole number/],
    [{ perChair: '0' }, /--per-chair must be a whole number of at least 1/],
    [{ sweepChairs: '1,x' }, /--sweep-chairs takes whole numbers/],
  ])('refuses %o with exit code 2 before simulating anything', async (options, message) => {
    const result = await runSimulate(options);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.result).toBeUndefined();
  });
});

describe('comparing booking policies', () => {
  const run = (policy: 'suggested' | 'first-free', percent: number | null, breaches: number) =>
    ({ options: { policy }, icpc: { percent, within15: 0, held: 0 }, breaches: Array.from({ length: breaches }) }) as unknown as SimulationResult;

  it.each([
    [run('suggested', 100, 0), run('first-free', 100, 0), true],
    [run('suggested', 99, 0), run('first-free', 100, 0), false],
    [run('suggested', 100, 2), run('first-free', 100, 1), false],
    [run('first-free', 80, 3), run('suggested', 90, 1), true],
  ])('the slot finder is at least as good only with as many on time and no more breaches (case %#)', (a, b, expected) => {
    expect(compare(a, b).slotFinderAtLeastAsGood).toBe(expected);
  });
});
