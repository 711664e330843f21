import { describe, expect, it } from 'vitest';
import { register, runWorkdaysAdd, type WorkdaysAddArgs } from './workdays.js';
import { expectText } from '../../../test/support/page-expectations.js';
import { expectOneLineSaying, restoreProcessAfterEach, runCommand } from './command-output.test-support.js';

function lines(args: WorkdaysAddArgs): string[] {
  const result = runWorkdaysAdd(args);
  if ('error' in result) throw new Error(result.error);
  return result.stdout.trimEnd().split('\n');
}

function errorOf(args: WorkdaysAddArgs): string {
  const result = runWorkdaysAdd(args);
  if (!('error' in result)) throw new Error(`expected an error, got ${result.stdout}`);
  return result.error;
}

describe('runWorkdaysAdd', () => {
  it.each([
    [{ date: '2025-12-19', n: '15' }, '2026-01-14'],
    [{ date: '2026-01-05', n: '-5' }, '2025-12-24'],
    [{ date: '2026-01-05', n: '-5', calendar: 'scotland' }, '2025-12-23'],
    [{ date: '2025-12-19', n: '15', dayOne: true }, '2026-01-13'],
    [{ date: '2025-12-20', n: '1', dayOne: true }, '2025-12-22'],
    [{ date: '2026-01-03', n: '0' }, '2026-01-05'],
    [{ date: '2026-01-07', n: '+0' }, '2026-01-07'],
    [{ date: '2026-07-10', n: '1', calendar: 'northern-ireland' }, '2026-07-14'],
    [{ date: '2025-11-28', n: '1', calendar: 'scotland' }, '2025-12-02'],
  ])('%j → %s on the first line, then one line of explanation', (args, expected) => {
    const output = lines(args);
    expect(output).toHaveLength(2);
    expect(output[0]).toBe(expected);
  });

  it('names the bank holidays passed over', () => {
    const [, why] = lines({ date: '2025-12-19', n: '15' });
    expectText(why!, {
      shows: [
        'Day 0 is Friday 19 December 2025',
        '15 working days later on the England and Wales calendar',
        'Thursday 25 December 2025, Christmas Day',
        'Friday 26 December 2025, Boxing Day',
        'Thursday 1 January 2026, New Year’s Day',
      ],
    });
  });

  it('counting backwards names the holidays between, not day 0', () => {
    const [, why] = lines({ date: '2025-12-26', n: '-1' });
    expect(why).toContain('1 working day earlier');
    expect(why).toContain('Thursday 25 December 2025, Christmas Day');
    expect(why).not.toContain('Boxing Day');
  });

  it('says when day 0 itself had to be passed over', () => {
    const [, why] = lines({ date: '2025-12-25', n: '1', dayOne: true });
    expect(why).toContain('Day 1 is Monday 29 December 2025');
    expect(why).toContain('Thursday 25 December 2025, Christmas Day');
  });

  it('says when nothing but weekends was skipped', () => {
    const [, why] = lines({ date: '2026-02-06', n: '1' });
    expect(why).toContain('No bank holidays or closures fall in between');
  });

  it.each([
    [{ date: '2026-02-30', n: '1' }, /"2026-02-30" is not a real date/],
    [{ date: '05/01/2026', n: '1' }, /not a real date in YYYY-MM-DD/],
    [{ date: '2026-01-05', n: 'five' }, /"five" is not a whole number/],
    [{ date: '2026-01-05', n: '1.5' }, /not a whole number/],
    [{ date: '2026-01-05', n: '' }, /not a whole number/],
    [{ date: '2026-01-05', n: '99999999999999999999' }, /not a whole number/],
    [{ date: '2026-01-05', n: '1', calendar: 'wales' }, /Unknown calendar "wales"/],
    [{ date: '2026-01-05', n: '0', dayOne: true }, /must be 1 or more/],
    [{ date: '2029-01-05', n: '1' }, /2029-01-05 is outside.*2018-01-01 to 2028-12-31.*import a newer/],
    [{ date: '2017-12-29', n: '1' }, /2017-12-29 is outside/],
    [{ date: '2028-12-20', n: '15' }, /past the end.*import a newer/],
    [{ date: '2018-01-03', n: '-5' }, /before the start/],
  ])('%j → one-line error %s', (args, message) => {
    expectOneLineSaying(errorOf(args), message);
  });
});

describe('register: workdays add through commander', () => {
  restoreProcessAfterEach();
  const run = (argv: string[]) => runCommand(register, argv);

  it.each([
    [['workdays', 'add', '2026-01-05', '-5'], '2025-12-24'],
    [['workdays', 'add', '--', '2026-01-05', '-5'], '2025-12-24'],
    [['workdays', 'add', '2026-01-05', '-5', '--calendar', 'scotland'], '2025-12-23'],
    [['workdays', 'add', '--day-one', '2025-12-19', '15'], '2026-01-13'],
    [['workdays', 'add', '2025-11-28', '1', '--calendar=scotland'], '2025-12-02'],
  ])('%j prints %s first', async (argv, expected) => {
    const { stdout: out, stderr: err, exitCode } = await run(argv);
    expect(err).toBe('');
    expect(exitCode).toBeUndefined();
    expect(out.split('\n')[0]).toBe(expected);
  });

  it('a bad calendar is one line on stderr and exit code 2', async () => {
    const { stdout: out, stderr: err, exitCode } = await run(['workdays', 'add', '2026-01-05', '1', '--calendar', 'x']);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain('Unknown calendar "x"');
    expect(exitCode).toBe(2);
  });

  it('an extra argument is a commander usage error', async () => {
    await expect(run(['workdays', 'add', '2026-01-05', '1', '2'])).rejects.toThrow(/too many arguments/);
  });
});
