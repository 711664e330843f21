import { describe, expect, it } from 'vitest';
import {
  c04InitialConferenceOnWeekend, c06PlanStartsOnInitialConference, c07PlanEndsAfterStart, c08NewPlanOverlaps, c08PlansOverlap, c09ReviewInsidePlan,
  c12DatedAfterClosure, CENSUS_RULES, cinPlanBreaches, countsAsInitialConference, refusalMessage, type PlanSpan,
} from './rules.js';

const open = (startDate: string): PlanSpan => ({ startDate, endDate: null });
const ended = (startDate: string, endDate: string): PlanSpan => ({ startDate, endDate });

// Each check's table: its inputs, and the rule it breaks (null where it passes). Both halves, the
// export report and the actions that record a date, call these same functions.
describe('C04: an initial conference never on a weekend', () => {
  it.each([
    ['2026-03-06', null], // Friday
    ['2026-03-07', 'C04'], // Saturday
    ['2026-03-08', 'C04'], // Sunday
    ['2026-03-09', null], // Monday
    ['2026-12-25', null], // a bank holiday is the diary's business, not the census's
  ])('%s → %s', (date, rule) => {
    expect(c04InitialConferenceOnWeekend(date, 'held')?.rule ?? null).toBe(rule);
  });
  it('names the day, in words, and says whether it was held or due', () => {
    expect(c04InitialConferenceOnWeekend('2026-03-07', 'held')?.message).toBe('The initial conference on 7 March 2026 is on a Saturday.');
    expect(c04InitialConferenceOnWeekend('2026-03-08', 'due')?.message).toBe('The initial conference target date 8 March 2026 falls on a Sunday.');
  });
});

describe('C06: a plan starts on an initial conference date', () => {
  it.each([
    ['2026-05-26', ['2026-05-26'], null],
    ['2026-05-26', ['2026-04-01', '2026-05-26'], null],
    ['2026-05-27', ['2026-05-26'], 'C06'],
    ['2026-05-26', [], 'C06'],
  ])('a plan starting %s with initial conferences %o → %s', (start, icpcs, rule) => {
    expect(c06PlanStartsOnInitialConference(start, icpcs)?.rule ?? null).toBe(rule);
  });
});

describe('which conference is a child’s initial conference (DateOfInitialCPC, which C06 reads)', () => {
  it.each([
    ['initial', 'initial', true],
    ['pre-birth', 'initial', true],
    ['transfer-in', 'initial', true],
    ['reconvened', 'initial', true], // finishing an adjourned initial conference
    ['review', 'initial', true], // a sibling added to a review without a plan
    ['review', 'review', false],
    ['reconvened', 'review', false],
    ['designated-review', null, false],
  ])('%s for a child there as %s → %s', (kind, childType, initial) => {
    expect(countsAsInitialConference(kind, childType)).toBe(initial);
  });
});

describe('C07: a plan ends after it starts', () => {
  it.each([
    [open('2026-05-26'), null],
    [ended('2026-05-26', '2026-05-27'), null],
    [ended('2026-05-26', '2026-05-26'), 'C07'],
    [ended('2026-05-26', '2026-05-01'), 'C07'],
  ])('%o → %s', (plan, rule) => {
    expect(c07PlanEndsAfterStart(plan)?.rule ?? null).toBe(rule);
  });
});

describe('C08: no overlapping plans', () => {
  it.each([
    [ended('2026-01-05', '2026-04-01'), open('2026-04-01'), null], // one ends the day the next starts
    [ended('2026-01-05', '2026-03-01'), open('2026-04-01'), null],
    [ended('2026-01-05', '2026-04-02'), open('2026-04-01'), 'C08'],
    [open('2026-01-05'), open('2026-04-01'), 'C08'], // a second open plan
    [open('2026-04-01'), ended('2026-01-05', '2026-03-01'), null], // order of the arguments does not matter
    [open('2026-04-01'), open('2026-04-01'), 'C08'],
  ])('%o and %o → %s', (a, b, rule) => {
    expect(c08PlansOverlap(a, b)?.rule ?? null).toBe(rule);
    expect(c08PlansOverlap(b, a)?.rule ?? null).toBe(rule);
  });
  it('a new plan is checked against every plan the child already has', () => {
    expect(c08NewPlanOverlaps(open('2026-06-01'), [])).toBeNull();
    expect(c08NewPlanOverlaps(open('2026-06-01'), [ended('2025-01-06', '2025-09-01'), ended('2026-01-05', '2026-05-01')])).toBeNull();
    expect(c08NewPlanOverlaps(open('2026-06-01'), [ended('2025-01-06', '2025-09-01'), open('2026-01-05')])?.message)
      .toBe('A plan starting 1 June 2026 overlaps the plan that started 5 January 2026, which is still open.');
  });
});

describe('C09: a review is inside its plan', () => {
  it.each([
    ['2026-08-20', open('2026-05-26'), null],
    ['2026-05-27', open('2026-05-26'), null],
    ['2026-05-26', open('2026-05-26'), 'C09'], // the same day as the plan start
    ['2026-05-20', open('2026-05-26'), 'C09'],
    ['2026-09-01', ended('2026-05-26', '2026-09-01'), null], // the review that ended it
    ['2026-09-02', ended('2026-05-26', '2026-09-01'), 'C09'],
  ])('a review on %s of %o → %s', (review, plan, rule) => {
    expect(c09ReviewInsidePlan(review, plan)?.rule ?? null).toBe(rule);
  });
});

describe('C12: nothing dated after closure', () => {
  it.each([
    ['2026-03-01', null, null],
    ['2026-03-01', '2026-03-01', null],
    ['2026-02-28', '2026-03-01', null],
    ['2026-03-02', '2026-03-01', 'C12'],
  ])('%s with the case closed on %s → %s', (date, closed, rule) => {
    expect(c12DatedAfterClosure(date, closed)?.rule ?? null).toBe(rule);
  });
  it('names what is dated', () => {
    expect(c12DatedAfterClosure('2026-03-02', '2026-03-01', 'The assessment')?.message).toBe('The assessment is dated 2 March 2026, after the case closed on 1 March 2026.');
  });
});

describe('what a person is told at data entry', () => {
  it('says what is wrong, what to do, and names the check in the Department’s terms', () => {
    const breach = c04InitialConferenceOnWeekend('2026-03-07', 'held')!;
    expect(refusalMessage(breach, 'Choose a weekday.')).toBe(`The initial conference on 7 March 2026 is on a Saturday. Choose a weekday. Census check C04: ${CENSUS_RULES.C04}.`);
  });
});

describe('C18 and C19: a child in need plan', () => {
  const episode = { referralDate: '2026-05-04', closureDate: null, otherCinPlans: [], childProtectionPlans: [] };
  const rulesOf = (plan: PlanSpan, setting: Partial<Parameters<typeof cinPlanBreaches>[1]> = {}) => cinPlanBreaches(plan, { ...episode, ...setting }).map((b) => b.rule);
  it.each([
    [open('2026-05-10'), {}, []],
    [ended('2026-05-10', '2026-06-01'), {}, []],
    [ended('2026-05-10', '2026-05-10'), {}, ['C18']], // ends the day it starts
    [ended('2026-05-10', '2026-05-09'), {}, ['C18']],
    [open('2026-05-01'), {}, ['C18']], // before the referral
    [open('2026-05-04'), {}, []], // the referral's own day
    [ended('2026-05-10', '2026-07-01'), { closureDate: '2026-07-01' }, []],
    [ended('2026-05-10', '2026-07-02'), { closureDate: '2026-07-01' }, ['C18']], // ends after closure
    [open('2026-05-10'), { closureDate: '2026-07-01' }, ['C18']], // still open on a closed case
    [open('2026-06-01'), { otherCinPlans: [open('2026-05-10')] }, ['C18']],
    [open('2026-06-01'), { otherCinPlans: [ended('2026-05-10', '2026-06-01')] }, []], // a handover
    [open('2026-06-01'), { childProtectionPlans: [open('2026-05-26')] }, ['C19']], // during an open plan
    [ended('2026-05-10', '2026-05-27'), { childProtectionPlans: [open('2026-05-26')] }, ['C19']], // runs into the plan
    [ended('2026-05-10', '2026-05-26'), { childProtectionPlans: [open('2026-05-26')] }, []], // stepped up on the conference's day
    [open('2026-09-01'), { childProtectionPlans: [ended('2026-05-26', '2026-09-01')] }, []], // stepped down on the review's day
    [open('2026-08-31'), { childProtectionPlans: [ended('2026-05-26', '2026-09-01')] }, ['C19']],
    [ended('2026-05-05', '2026-05-20'), { childProtectionPlans: [ended('2025-01-06', '2025-09-01')] }, []], // an earlier plan long over
  ])('%o in %o → %o', (plan, setting, expected) => {
    expect(rulesOf(plan, setting)).toEqual(expected);
  });
  it('says what is wrong in words, naming the plan it overlaps', () => {
    expect(cinPlanBreaches(open('2026-06-01'), { ...episode, childProtectionPlans: [open('2026-05-26')] })[0]?.message)
      .toBe('The child in need plan starting 1 June 2026 overlaps the child protection plan that started 26 May 2026, which is still open.');
  });
});
