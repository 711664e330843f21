import { describe, expect, it } from 'vitest';
import { breachesOf, checkGoals, checkVisibility, timelinessSvg, weeklyTimeliness, type Breach, type ConferenceOutcome, type SimDeadline } from './report.js';

// A toy working calendar: Monday to Friday, no holidays.
function minusOneWorkingDay(day: string): string {
  let d = new Date(`${day}T00:00:00Z`);
  do d = new Date(d.getTime() - 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

const deadline = (over: Partial<SimDeadline>): SimDeadline => ({
  key: 'c1:2027-04-23', recordId: 'ICPC-0001', rule: 'TS1', what: 'Initial conference', dueDate: '2027-04-23', metOn: null, openMornings: 3, ...over,
});

describe('visibility of deadlines on work queues', () => {
  it.each([
    // [first seen, open mornings, visible?, why]
    ['2027-04-21', 3, true, 'seen two working days before'],
    ['2027-04-22', 3, true, 'seen exactly one working day before'],
    ['2027-04-23', 3, false, 'first seen only on the day it fell due'],
    [null, 3, false, 'never seen although open on mornings'],
    [null, 0, true, 'never open on a morning before it was in hand: nothing to see'],
  ] as const)('first seen %s with %s open mornings: visible = %s (%s)', (seen, openMornings, visible, _why) => {
    const firstSeen = new Map(seen ? [['c1:2027-04-23', seen]] : []);
    const [check] = checkVisibility([deadline({ openMornings })], firstSeen, '2027-06-30', minusOneWorkingDay);
    expect(check?.seenBy).toBe('2027-04-22');
    expect(check?.visible).toBe(visible);
  });

  it('a Monday deadline must be seen by the Friday before', () => {
    const [check] = checkVisibility([deadline({ key: 'k', dueDate: '2027-04-26' })], new Map([['k', '2027-04-23']]), '2027-06-30', minusOneWorkingDay);
    expect(check?.seenBy).toBe('2027-04-23');
    expect(check?.visible).toBe(true);
    const [late] = checkVisibility([deadline({ key: 'k', dueDate: '2027-04-26' })], new Map([['k', '2027-04-26']]), '2027-06-30', minusOneWorkingDay);
    expect(late?.visible).toBe(false);
  });

  it('leaves out deadlines falling due after the run', () => {
    expect(checkVisibility([deadline({ dueDate: '2027-07-01' })], new Map(), '2027-06-30', minusOneWorkingDay)).toEqual([]);
  });
});

describe('ICPC timeliness by week', () => {
  it('buckets children by the week (from Monday) their conference was held, with the share within 15 working days', () => {
    const weeks = weeklyTimeliness([
      { heldOn: '2027-04-01', workingDays: 12 }, // Thursday of the week of 29 March
      { heldOn: '2027-04-02', workingDays: 16 },
      { heldOn: '2027-04-05', workingDays: 15 }, // next Monday
    ], '2027-04-01', 14);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2027-03-29', '2027-04-05', '2027-04-12']);
    expect(weeks[0]).toMatchObject({ held: 2, within15: 1, percent: 50 });
    expect(weeks[1]).toMatchObject({ held: 1, within15: 1, percent: 100 });
    expect(weeks[2]).toMatchObject({ held: 0, percent: null });
  });

  it('draws the weekly line and the national line in an SVG', () => {
    const weeks = weeklyTimeliness([{ heldOn: '2027-04-01', workingDays: 12 }, { heldOn: '2027-04-08', workingDays: 20 }], '2027-04-01', 14);
    const svg = timelinessSvg(weeks, { label: 'England 2025', percent: 81.4 }, 'ICPCs <by week>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('England 2025 81.4%');
    expect(svg).toContain('ICPCs &lt;by week&gt;');
    expect(svg).toContain('1 of 1 within 15 working days');
    expect(svg).toContain('0 of 1 within 15 working days');
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+"/);
  });
});

describe('the goals of a run', () => {
  const breach = (over: Partial<Breach>): Breach => ({
    recordId: 'ICPC-0001', rule: 'TS1', what: 'Initial conference', dueDate: '2027-04-23', metOn: '2027-04-27', cause: 'capacity',
    authorised: true, recordedReason: 'No chair free', explanation: 'held late', ...over,
  });

  it('meets every goal with everything visible, every breach explained and 98% on time', () => {
    const goals = checkGoals({ visibility: [{ key: 'a', dueDate: 'x', seenBy: 'x', firstSeen: 'x', visible: true, neverOpen: false }], breaches: [], icpcHeld: 50, icpcWithin15: 49, capacityBreaches: 0 });
    expect(goals.every((g) => g.met)).toBe(true);
  });

  it('fails on an invisible deadline, an unexplained breach, or under 98% when capacity allowed', () => {
    const goals = checkGoals({
      visibility: [{ key: 'ICPC-0002', dueDate: '2027-05-03', seenBy: '2027-04-30', firstSeen: null, visible: false, neverOpen: false }],
      breaches: [breach({ authorised: false, recordedReason: null, cause: 'late-action' })], icpcHeld: 10, icpcWithin15: 9, capacityBreaches: 0,
    });
    expect(goals.map((g) => [g.id, g.met])).toEqual([['visible-before-due', false], ['no-unexplained-breach', false], ['icpc-within-15', false]]);
    expect(goals[0]?.detail).toContain('ICPC-0002');
  });

  it('does not judge the 98% goal when chair capacity caused breaches, and counts an authorised breach as explained', () => {
    const goals = checkGoals({ visibility: [], breaches: [breach({})], icpcHeld: 10, icpcWithin15: 5, capacityBreaches: 1 });
    expect(goals.find((g) => g.id === 'icpc-within-15')).toMatchObject({ met: true, applicable: false });
    expect(goals.find((g) => g.id === 'no-unexplained-breach')?.met).toBe(true);
  });
});

describe('breaches and their causes', () => {
  const conference = (over: Partial<ConferenceOutcome>): ConferenceOutcome => ({
    label: 'ICPC-0001', kind: 'initial', rule: 'TS1', dueDate: '2027-04-23', heldOn: '2027-04-22', capacity: false,
    authorisation: null, rearrangedReason: null, bookedOnTime: true, ...over,
  });

  it.each([
    ['held on time', conference({}), null],
    ['held on the due date', conference({ heldOn: '2027-04-23' }), null],
    ['due after the run', conference({ dueDate: '2027-07-01', heldOn: null }), null],
    ['no slot free, authorised', conference({ heldOn: '2027-04-28', capacity: true, authorisation: 'No chair free', bookedOnTime: false }), ['capacity', true, 'No chair free']],
    ['rearranged past its date', conference({ heldOn: '2027-04-26', rearrangedReason: 'Chair off sick' }), ['rearranged', false, 'Chair off sick']],
    ['booked late with no reason', conference({ heldOn: '2027-04-30', bookedOnTime: false }), ['late-action', false, null]],
    ['never held by the end', conference({ heldOn: null, bookedOnTime: false, authorisation: 'Reached us late' }), ['late-action', true, 'Reached us late']],
  ] as const)('%s', (_what, c, expected) => {
    const found = breachesOf([c], '2027-06-30');
    if (expected === null) expect(found).toEqual([]);
    else expect(found.map((b) => [b.cause, b.authorised, b.recordedReason])).toEqual([expected]);
  });
});
