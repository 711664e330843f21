import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { PACK_IDS, type PackId } from '../packs/pack-id.js';
import { TS_RULE_IDS } from '../packs/types.js';
import { computeDeadline } from './compute.js';
import { DeadlineError, DeadlineInputError, NotApplicableError } from './errors.js';
import type { ConferenceType, Deadline } from './types.js';

const calendar = bundledCalendar('england-and-wales');

type Outcome = string | 'not-in-pack' | 'no-due-date' | 'input';

interface Case {
  readonly from: string;
  readonly conferenceType?: ConferenceType;
  readonly intervalWeeks?: number;
  /** National, hertfordshire, staffordshire, pan-dorset, nottinghamshire, newcastle. */
  readonly expected: readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
}

const NA = 'not-in-pack';
const ND = 'no-due-date';
const IN = 'input';

/*
 * Worked by hand from RULES.md and the England and Wales calendar. Monday 2 March 2026 and
 * Monday 16 March 2026 are clear of bank holidays; Good Friday is 3 April and Easter Monday
 * 6 April 2026.
 */
const CASES: Record<string, readonly Case[]> = {
  TS1: [{ from: '2026-03-02', expected: ['2026-03-23', '2026-03-23', '2026-03-23', '2026-03-23', '2026-03-20', '2026-03-23'] }],
  TS2: [{ from: '2026-03-02', expected: ['2026-03-23', '2026-03-23', '2026-03-23', '2026-03-23', '2026-03-23', '2026-03-23'] }],
  TS3: [{ from: '2026-08-24', expected: [NA, '2026-05-04', NA, ND, NA, NA] }],
  TS4: [{ from: '2026-03-06', expected: [NA, '2026-03-06', NA, NA, NA, NA] }],
  TS5: [{ from: '2026-03-02', expected: ['2026-06-02', '2026-06-02', '2026-06-02', '2026-06-02', '2026-06-02', '2026-06-02'] }],
  TS6: [{ from: '2026-03-02', expected: ['2026-09-02', '2026-09-02', '2026-09-02', '2026-09-02', '2026-09-02', '2026-09-02'] }],
  TS7: [{ from: '2026-03-02', expected: [NA, NA, NA, NA, NA, '2027-12-02'] }],
  TS8: [{ from: '2026-03-02', expected: ['2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16'] }],
  TS9: [
    { from: '2026-03-02', expected: [IN, IN, IN, IN, '2026-04-13', '2026-04-13'] },
    { from: '2026-03-02', intervalWeeks: 4, expected: ['2026-03-30', '2026-03-30', '2026-03-30', '2026-03-30', '2026-03-30', '2026-03-30'] },
    { from: '2026-03-02', intervalWeeks: 8, expected: ['2026-04-27', '2026-04-27', '2026-04-27', '2026-04-27', '2026-04-13', '2026-04-13'] },
  ],
  TS10: [
    { from: '2026-03-02T10:00', expected: ['2026-03-03', '2026-03-03', '2026-03-03', '2026-03-03', '2026-03-03', '2026-03-03T10:00'] },
    { from: '2026-03-02', expected: ['2026-03-03', '2026-03-03', '2026-03-03', '2026-03-03', '2026-03-03', IN] },
  ],
  TS11: [{ from: '2026-03-02', expected: ['2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-04-08'] }],
  TS12: [
    { from: '2026-03-16T10:00', conferenceType: 'initial', expected: ['2026-03-13', '2026-03-13', '2026-03-13', '2026-03-15T10:00', '2026-03-15T10:00', '2026-03-14T10:00'] },
    { from: '2026-03-16T10:00', conferenceType: 'review', expected: ['2026-03-11', '2026-03-11', '2026-03-11', '2026-03-09', '2026-03-11', '2026-03-13'] },
    { from: '2026-03-16T10:00', expected: [IN, IN, IN, IN, IN, IN] },
    { from: '2026-03-16', conferenceType: 'initial', expected: ['2026-03-13', '2026-03-13', '2026-03-13', IN, IN, IN] },
  ],
  TS13: [
    { from: '2026-03-16T10:00', conferenceType: 'initial', expected: ['2026-03-14', '2026-03-14', '2026-03-14', '2026-03-15T10:00', '2026-03-15T10:00', '2026-03-14T10:00'] },
    { from: '2026-03-16T10:00', conferenceType: 'review', expected: ['2026-03-11', '2026-03-11', '2026-03-11', '2026-03-09', '2026-03-11', '2026-03-13'] },
  ],
  TS14: [
    { from: '2026-03-16T10:00', conferenceType: 'initial', expected: ['2026-03-13', '2026-03-13', '2026-03-12', '2026-03-15T10:00', '2026-03-15T10:00', '2026-03-14T10:00'] },
    { from: '2026-03-16T10:00', conferenceType: 'review', expected: ['2026-03-11', '2026-03-11', '2026-03-12', '2026-03-09', '2026-03-15T10:00', '2026-03-13'] },
    { from: '2026-03-16T10:00', expected: [IN, IN, '2026-03-12', IN, '2026-03-15T10:00', IN] },
  ],
  TS15: [
    { from: '2026-03-16T10:00', conferenceType: 'initial', expected: ['2026-03-14T10:00', '2026-03-14T10:00', '2026-03-14T10:00', '2026-03-15T10:00', '2026-03-14T10:00', '2026-03-13'] },
    { from: '2026-03-16T10:00', conferenceType: 'review', expected: ['2026-03-09', '2026-03-09', '2026-03-09', '2026-03-09', '2026-03-09', '2026-03-13'] },
  ],
  TS16: [{ from: '2026-03-16', expected: [NA, NA, NA, NA, NA, '2026-03-09'] }],
  TS17: [{ from: '2026-03-16', expected: ['2026-03-11', '2026-03-11', '2026-03-11', '2026-03-11', ND, ND] }],
  TS18: [{ from: '2026-03-16', expected: ['2026-03-13', '2026-03-13', '2026-03-13', '2026-03-13', '2026-03-13', '2026-03-13'] }],
  TS19: [{ from: '2026-03-16', expected: [NA, NA, NA, NA, '2026-03-02', NA] }],
  TS20: [{ from: '2026-03-02', expected: [NA, NA, NA, '2026-03-23', NA, NA] }],
  TS21: [{ from: '2026-03-02', expected: [NA, NA, NA, '2026-03-30', NA, NA] }],
  TS22: [{ from: '2026-03-02', expected: [NA, NA, NA, '2026-03-30', NA, NA] }],
  TS23: [{ from: '2026-03-02', expected: [NA, '2026-03-30', NA, NA, NA, NA] }],
  TS24: [
    { from: '2026-03-02', expected: [IN, IN, IN, IN, '2026-03-30', IN] },
    { from: '2026-03-02', intervalWeeks: 2, expected: ['2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16'] },
    { from: '2026-03-02', intervalWeeks: 6, expected: ['2026-04-13', '2026-04-13', '2026-04-13', '2026-04-13', '2026-03-30', '2026-04-13'] },
  ],
  TS25: [{ from: '2008-03-02', expected: ['2026-03-02', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-02'] }],
  TS26: [{ from: '2026-03-02', expected: [NA, '2026-06-02', NA, '2026-09-02', NA, NA] }],
  TS27: [{ from: '2026-03-02', expected: [NA, NA, NA, NA, NA, '2026-03-07'] }],
  TS28: [
    { from: '2026-03-16T10:00', expected: [NA, NA, '2026-03-16T09:30', NA, '2026-03-16T09:40', '2026-03-16T11:30'] },
    { from: '2026-03-16', expected: [NA, NA, IN, NA, IN, IN] },
  ],
  TS29: [{ from: '2026-03-02', expected: [NA, NA, NA, NA, '2026-03-02', '2026-03-03'] }],
  TS30: [{ from: '2026-03-02', expected: [ND, ND, ND, ND, ND, ND] }],
};

function fromValue(text: string): Temporal.PlainDate | Temporal.PlainDateTime {
  return text.includes('T') ? Temporal.PlainDateTime.from(text) : Temporal.PlainDate.from(text);
}

function outcome(ruleId: string, pack: PackId, c: Case): Outcome {
  try {
    const deadline = computeDeadline({
      ruleId,
      pack,
      from: fromValue(c.from),
      conferenceType: c.conferenceType,
      intervalWeeks: c.intervalWeeks,
      calendar,
    });
    return deadline.due.kind === 'date' ? deadline.due.date : deadline.due.dateTime;
  } catch (error) {
    if (error instanceof NotApplicableError) return error.reason;
    if (error instanceof DeadlineInputError) return 'input';
    throw error;
  }
}

describe('computeDeadline: every TS rule in every pack', () => {
  it('has cases for TS1 to TS30', () => {
    expect(Object.keys(CASES)).toEqual([...TS_RULE_IDS]);
  });

  for (const [ruleId, cases] of Object.entries(CASES)) {
    cases.forEach((c, n) => {
      PACK_IDS.forEach((pack, column) => {
        const expected = c.expected[column]!;
        const label = `${ruleId} #${n + 1} in ${pack} from ${c.from}${c.conferenceType ? ` (${c.conferenceType})` : ''}${
          c.intervalWeeks ? ` every ${c.intervalWeeks} weeks` : ''
        } → ${expected}`;
        it(label, () => {
          expect(outcome(ruleId, pack, c)).toBe(expected);
        });
      });
    });
  }
});

function deadline(ruleId: string, pack: PackId, from: string, extra: { conferenceType?: ConferenceType; intervalWeeks?: number } = {}): Deadline {
  return computeDeadline({ ruleId, pack, from: fromValue(from), calendar, ...extra });
}

describe('the RULES.md examples', () => {
  it('TS1 over Christmas: due 14 January 2026, naming the three bank holidays passed over', () => {
    const d = deadline('TS1', 'hertfordshire', '2025-12-19');
    expect(d.due).toEqual({ kind: 'date', date: '2026-01-14' });
    expect(d.skipped.map((day) => day.date)).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
    expect(d.explanation).toBe(
      'Due 14 January 2026: 15 working days after the strategy discussion on 19 December 2025; ' +
        '25 and 26 December and 1 January are not working days ' +
        '(Hertfordshire: 000_94fab553c2db9a47.txt § 1 Types of Child Protection Conferences: Timing of Initial Child Protection Conference)',
    );
    expect(d).toMatchObject({ ruleId: 'TS1', pack: 'hertfordshire', direction: 'after', calendar: 'england-and-wales' });
    expect(d.from).toEqual({ fact: 'strategy discussion', value: '2025-12-19' });
  });

  it('Nottinghamshire counts the decision day as day 1: one working day sooner', () => {
    const d = deadline('TS1', 'nottinghamshire', '2025-12-19');
    expect(d.due).toEqual({ kind: 'date', date: '2026-01-13' });
    expect(d.explanation).toContain('counting the strategy discussion on 19 December 2025 as day 1');
  });

  it('Nottinghamshire day 1 on a weekend is the Monday after', () => {
    expect(deadline('TS1', 'nottinghamshire', '2026-03-01').due).toEqual({ kind: 'date', date: '2026-03-20' });
  });

  it('2025-11-30 + 3 months = 2026-02-28, and the explanation says why', () => {
    const d = deadline('TS5', 'national', '2025-11-30');
    expect(d.due).toEqual({ kind: 'date', date: '2026-02-28' });
    expect(d.explanation).toContain('February 2026 has no 30th, so the last day of that month');
  });

  it('Pan-Dorset hours are exact time across the change to summer time', () => {
    const d = deadline('TS12', 'pan-dorset', '2026-03-29T12:00', { conferenceType: 'initial' });
    expect(d.due).toEqual({ kind: 'dateTime', dateTime: '2026-03-28T11:00', timeZone: 'Europe/London' });
    expect(d.explanation).toContain('24 hours before the initial conference at 12:00 on 29 March 2026; the clocks change in between');
    expect(d.calendar).toBeNull();
  });

  it('Pan-Dorset hours on an ordinary day keep the time of day', () => {
    const d = deadline('TS13', 'pan-dorset', '2026-06-10T14:30', { conferenceType: 'initial' });
    expect(d.due).toEqual({ kind: 'dateTime', dateTime: '2026-06-09T14:30', timeZone: 'Europe/London' });
  });

  it('an hour count back into the hour the clocks repeat gives that wall-clock time', () => {
    const d = deadline('TS12', 'pan-dorset', '2026-10-26T01:30', { conferenceType: 'initial' });
    expect(d.due).toEqual({ kind: 'dateTime', dateTime: '2026-10-25T01:30', timeZone: 'Europe/London' });
  });

  it('Newcastle distributes minutes within 25 working days, over Easter', () => {
    const d = deadline('TS11', 'newcastle', '2026-03-02');
    expect(d.due).toEqual({ kind: 'date', date: '2026-04-08' });
    expect(d.skipped.map((day) => day.title)).toEqual(['Good Friday', 'Easter Monday']);
    expect(d.explanation).toContain('25 working days after the conference on 2 March 2026; 3 and 6 April are not working days');
  });
});

describe('what each kind of rule carries', () => {
  it('TS3 gives the latest date, with the earliest as a step', () => {
    const d = deadline('TS3', 'hertfordshire', '2026-08-24');
    expect(d.direction).toBe('before');
    expect(d.steps).toEqual([
      { label: 'earliest: 13 weeks of pregnancy', due: { kind: 'date', date: '2026-02-16' } },
      { label: 'latest: 24 weeks of pregnancy', due: { kind: 'date', date: '2026-05-04' } },
    ]);
  });

  it('TS23 carries both steps and the holidays of both', () => {
    const d = deadline('TS23', 'hertfordshire', '2025-12-10');
    expect(d.steps?.map((s) => s.due)).toEqual([
      { kind: 'date', date: '2025-12-24' },
      { kind: 'date', date: '2026-01-12' },
    ]);
    expect(d.due).toEqual({ kind: 'date', date: '2026-01-12' });
    expect(d.skipped).toHaveLength(3);
    expect(d.explanation).toContain('views sought in writing within 10 working days of the inquorate conference on 10 December 2025 (by 24 December 2025)');
  });

  it('TS25 for a child born on 29 February ends on 28 February in a common year', () => {
    const d = deadline('TS25', 'national', '2008-02-29');
    expect(d.due).toEqual({ kind: 'date', date: '2026-02-28' });
    expect(d.explanation).toContain('the 18th birthday of a child born on 29 February 2008; 2026 has no 29 February, so 28 February');
  });

  it('TS26 in Hertfordshire is a minimum period, not a deadline', () => {
    const d = deadline('TS26', 'hertfordshire', '2026-03-02');
    expect(d.bound).toBe('earliest');
    expect(d.explanation).toMatch(/^Not before 2 June 2026: at least 3 months after the conference on 2 March 2026/);
  });

  it('TS28 in Newcastle is the end of the slot, after the start', () => {
    const d = deadline('TS28', 'newcastle', '2026-03-16T10:00');
    expect(d.direction).toBe('after');
    expect(d.explanation).toContain('it should end by 11:30, 1½ hours after it starts');
  });

  it('a working-day count before a conference skips the holidays between', () => {
    const d = deadline('TS12', 'national', '2026-04-07T10:00', { conferenceType: 'review' });
    expect(d.due).toEqual({ kind: 'date', date: '2026-03-31' });
    expect(d.skipped.map((day) => day.date)).toEqual(['2026-04-03', '2026-04-06']);
  });

  it('names the conference type in the fact where one was given', () => {
    expect(deadline('TS8', 'national', '2026-03-02', { conferenceType: 'review' }).from.fact).toBe('review conference');
  });

  it("uses the pack's own fact where it counts from something else", () => {
    expect(deadline('TS29', 'newcastle', '2026-03-02').from.fact).toBe('decision on the conference date');
  });

  it('says when a pack follows the national one', () => {
    expect(deadline('TS1', 'staffordshire', '2026-03-02').explanation).toMatch(
      /\(Staffordshire and Stoke-on-Trent, following the national pack: 002_61563a3284bb8811\.txt § 2\.87 Timing\)$/,
    );
  });

  it('serialises with its explanation and skipped days', () => {
    const d = deadline('TS1', 'hertfordshire', '2025-12-19');
    const json = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
    expect(json['explanation']).toBe(d.explanation);
    expect(json['skipped']).toEqual(d.skipped);
    expect(json['due']).toEqual({ kind: 'date', date: '2026-01-14' });
    expect(json['calendar']).toBe('england-and-wales');
  });
});

describe('errors a person can act on', () => {
  function errorOf(run: () => unknown): DeadlineError {
    try {
      run();
    } catch (error) {
      if (error instanceof DeadlineError) return error;
      throw error;
    }
    throw new Error('expected a DeadlineError');
  }

  it('names the packs that have a rule this pack lacks', () => {
    const error = errorOf(() => deadline('TS20', 'hertfordshire', '2026-03-02'));
    expect(error).toBeInstanceOf(NotApplicableError);
    expect(error.message).toBe(
      'TS20 does not apply in Hertfordshire: neither the Hertfordshire procedure nor the national one sets it (it is set only in Pan-Dorset).',
    );
  });

  it('explains TS30 is an authorisation, not a date', () => {
    const error = errorOf(() => deadline('TS30', 'newcastle', '2026-03-02'));
    expect(error).toMatchObject({ reason: 'no-due-date' });
    expect(error.message).toContain('needs written authorisation by the Independent Reviewing Officer with the Head of Service');
    expect(error.message).toContain('needsOutOfTimescaleAuthorisation');
  });

  it('quotes what the pack says where it cannot be counted', () => {
    expect(errorOf(() => deadline('TS17', 'nottinghamshire', '2026-03-02')).message).toContain('“well in advance”');
  });

  it.each([
    ['TS12', 'national', '2026-03-16', {}, 'conferenceType', 'say whether it is an initial or a review conference'],
    ['TS10', 'newcastle', '2026-03-16', {}, 'time', "give the conference's time as well as its date"],
    ['TS9', 'hertfordshire', '2026-03-16', {}, 'intervalWeeks', 'the conference sets this interval'],
    ['TS24', 'national', '2026-03-16', { intervalWeeks: 0 }, undefined, 'whole number of weeks from 1 to 104'],
  ] as const)('%s in %s from %s asks for what is missing', (ruleId, pack, from, extra, missing, words) => {
    const error = errorOf(() => deadline(ruleId, pack, from, extra));
    expect(error).toBeInstanceOf(DeadlineInputError);
    expect((error as DeadlineInputError).missing).toBe(missing);
    expect(error.message).toContain(words);
  });

  it('refuses an unknown rule, pack or conference type', () => {
    expect(errorOf(() => deadline('TS31', 'national', '2026-03-02')).message).toBe('There is no timescale rule "TS31"; the rules are TS1 to TS30.');
    expect(errorOf(() => deadline('TS1', 'dorset' as PackId, '2026-03-02'))).toBeInstanceOf(DeadlineInputError);
    expect(errorOf(() => deadline('TS8', 'national', '2026-03-02', { conferenceType: 'final' as ConferenceType }))).toBeInstanceOf(
      DeadlineInputError,
    );
  });

  it('turns a count beyond the calendar into an input error naming the calendar', () => {
    const error = errorOf(() => deadline('TS1', 'national', '2028-12-20'));
    expect(error).toBeInstanceOf(DeadlineInputError);
    expect(error.message).toContain('England and Wales working-day calendar');
  });
});
