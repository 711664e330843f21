import { describe, expect, it } from 'vitest';
import { register, runDeadline, type DeadlineArgs } from './deadline.js';
import { expectOneLineSaying, restoreProcessAfterEach, runCommand } from './command-output.test-support.js';

function run(args: DeadlineArgs): string {
  const result = runDeadline(args);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result.stdout;
}

function error(args: DeadlineArgs): string {
  const result = runDeadline(args);
  if (!('error' in result)) throw new Error(`expected an error, got: ${result.stdout}`);
  return result.error;
}

describe('runDeadline', () => {
  it('prints the due date, then the explanation', () => {
    const [first, second, ...rest] = run({ rule: 'TS1', pack: 'hertfordshire', from: '2025-12-19' }).split('\n');
    expect(first).toBe('2026-01-14');
    expect(second).toMatch(/^Due 14 January 2026: 15 working days after the strategy discussion on 19 December 2025; 25 and 26 December and 1 January/);
    expect(rest).toEqual([]);
  });

  it('prints a date-time for an hour rule', () => {
    const out = run({ rule: 'TS13', pack: 'pan-dorset', from: '2026-03-16T10:00', conferenceType: 'initial' });
    expect(out.split('\n')[0]).toBe('2026-03-15T10:00');
  });

  it('takes the interval for TS9 and TS24', () => {
    expect(run({ rule: 'TS9', pack: 'national', from: '2026-03-02', intervalWeeks: '4' }).split('\n')[0]).toBe('2026-03-30');
  });

  it('accepts a lower-case rule id', () => {
    expect(run({ rule: 'ts8', pack: 'national', from: '2026-03-02' }).split('\n')[0]).toBe('2026-03-16');
  });

  it('prints the whole deadline as JSON', () => {
    const value = JSON.parse(run({ rule: 'TS11', pack: 'newcastle', from: '2026-03-02', json: true })) as Record<string, unknown>;
    expect(value).toMatchObject({
      ruleId: 'TS11',
      pack: 'newcastle',
      due: { kind: 'date', date: '2026-04-08' },
      from: { fact: 'conference', value: '2026-03-02' },
      calendar: 'england-and-wales',
      skipped: [
        { date: '2026-04-03', title: 'Good Friday' },
        { date: '2026-04-06', title: 'Easter Monday' },
      ],
    });
    expect(value['explanation']).toEqual(expect.stringContaining('25 working days'));
  });

  it('counts on the calendar asked for', () => {
    // 17 March is St Patrick's Day, a bank holiday in Northern Ireland only.
    expect(run({ rule: 'TS8', pack: 'national', from: '2026-03-09' }).split('\n')[0]).toBe('2026-03-23');
    expect(run({ rule: 'TS8', pack: 'national', from: '2026-03-09', calendar: 'northern-ireland' }).split('\n')[0]).toBe('2026-03-24');
  });

  it.each([
    [{ rule: 'TS99', pack: 'national', from: '2026-03-02' }, 'Unknown rule "TS99"'],
    [{ rule: 'TS1', pack: 'dorset', from: '2026-03-02' }, 'Unknown pack "dorset"'],
    [{ rule: 'TS1', from: '2026-03-02' }, 'Say which policy pack with --pack'],
    [{ rule: 'TS1', pack: 'national' }, 'Say what to count from with --from'],
    [{ rule: 'TS1', pack: 'national', from: '2026-02-30' }, '"2026-02-30" is not a real date'],
    [{ rule: 'TS1', pack: 'national', from: '02/03/2026' }, '"02/03/2026" is not a real date'],
    [{ rule: 'TS20', pack: 'hertfordshire', from: '2026-03-02' }, 'TS20 does not apply in Hertfordshire'],
    [{ rule: 'TS12', pack: 'national', from: '2026-03-02' }, '(--conference-type initial|review)'],
    [{ rule: 'TS12', pack: 'national', from: '2026-03-02', conferenceType: 'final' }, '--conference-type is initial or review'],
    [{ rule: 'TS10', pack: 'newcastle', from: '2026-03-02' }, '(--from YYYY-MM-DDTHH:MM)'],
    [{ rule: 'TS9', pack: 'national', from: '2026-03-02' }, '(--interval-weeks N)'],
    [{ rule: 'TS9', pack: 'national', from: '2026-03-02', intervalWeeks: 'four' }, '--interval-weeks takes a whole number'],
    [{ rule: 'TS1', pack: 'national', from: '2026-03-02', calendar: 'wales' }, 'Unknown calendar "wales"'],
    [{ rule: 'TS30', pack: 'national', from: '2026-03-02' }, 'is not a date'],
  ])('refuses %j with one line saying "%s"', (args, words) => {
    expectOneLineSaying(error(args), words);
  });
});

describe('register', () => {
  restoreProcessAfterEach();
  const cli = (...argv: string[]) => runCommand(register, argv);

  it('adds `deadline` and prints the result', async () => {
    const result = await cli('deadline', 'TS5', '--pack', 'national', '--from', '2025-11-30');
    expect(result.stdout.split('\n')[0]).toBe('2026-02-28');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBeUndefined();
  });

  it('exits with code 2 and one line on stderr for a rule not in the pack', async () => {
    const result = await cli('deadline', 'TS7', '--pack', 'hertfordshire', '--from', '2026-03-02');
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^TS7 does not apply in Hertfordshire[^\n]*\n$/);
    expect(result.exitCode).toBe(2);
  });

  it('passes --conference-type, --interval-weeks and --json through', async () => {
    const result = await cli('deadline', 'TS14', '--pack', 'staffordshire', '--from', '2026-03-16', '--conference-type', 'review', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ due: { kind: 'date', date: '2026-03-12' }, conferenceType: 'review' });
    const weekly = await cli('deadline', 'TS24', '--pack', 'national', '--from', '2026-03-02', '--interval-weeks', '2');
    expect(weekly.stdout.split('\n')[0]).toBe('2026-03-16');
  });
});
