import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { absenteeProblems, coreGroupChairProblem, nextCoreGroupDue, planDistributionDue, unbornCoreGroupPrompt } from './core-groups.js';

const calendar = bundledCalendar('england-and-wales');
const due = (d: { due: { kind: string; date?: string } } | null) => (d && d.due.kind === 'date' ? d.due.date : null);

describe('TS8 first core group', () => {
  it('is due 10 working days after the initial conference', () => {
    const next = nextCoreGroupDue({ pack: 'national', calendar, planStartedOn: '2026-03-02', laterConferencesKeepingPlan: [], coreGroups: [] });
    expect(next.first).toBe(true);
    expect(next.deadline?.ruleId).toBe('TS8');
    expect(due(next.deadline)).toBe('2026-03-16');
  });

  it('skips Easter: 10 working days after 30 March 2026 is 15 April', () => {
    const next = nextCoreGroupDue({ pack: 'hertfordshire', calendar, planStartedOn: '2026-03-30', laterConferencesKeepingPlan: [], coreGroups: [] });
    expect(due(next.deadline)).toBe('2026-04-15');
  });

  it('nottinghamshire counts a first core group after every conference that keeps the plan', () => {
    const facts = { calendar, planStartedOn: '2026-03-02', laterConferencesKeepingPlan: ['2026-06-01'], coreGroups: [{ heldOn: '2026-03-12', nextIntervalWeeks: 6 }] };
    const notts = nextCoreGroupDue({ ...facts, pack: 'nottinghamshire' });
    expect(notts.first).toBe(true);
    expect(due(notts.deadline)).toBe('2026-06-15');
    const national = nextCoreGroupDue({ ...facts, pack: 'national' });
    expect(national.first).toBe(false);
    expect(national.deadline?.ruleId).toBe('TS9');
  });
});

describe('TS9 later core groups', () => {
  it('uses the interval recorded at the last meeting where the conference sets it', () => {
    const next = nextCoreGroupDue({ pack: 'national', calendar, planStartedOn: '2026-03-02', laterConferencesKeepingPlan: [], coreGroups: [{ heldOn: '2026-03-16', nextIntervalWeeks: 6 }] });
    expect(due(next.deadline)).toBe('2026-04-27');
  });

  it('says what is missing when no interval was recorded', () => {
    const next = nextCoreGroupDue({ pack: 'national', calendar, planStartedOn: '2026-03-02', laterConferencesKeepingPlan: [], coreGroups: [{ heldOn: '2026-03-16', nextIntervalWeeks: null }] });
    expect(next.deadline).toBeNull();
    expect(next.problem).toMatch(/interval/);
  });

  it('nottinghamshire: 6 weeks at most, shorter if set', () => {
    const base = { pack: 'nottinghamshire' as const, calendar, planStartedOn: '2026-03-02', laterConferencesKeepingPlan: [] };
    expect(due(nextCoreGroupDue({ ...base, coreGroups: [{ heldOn: '2026-03-16', nextIntervalWeeks: null }] }).deadline)).toBe('2026-04-27');
    expect(due(nextCoreGroupDue({ ...base, coreGroups: [{ heldOn: '2026-03-16', nextIntervalWeeks: 4 }] }).deadline)).toBe('2026-04-13');
    expect(due(nextCoreGroupDue({ ...base, coreGroups: [{ heldOn: '2026-03-16', nextIntervalWeeks: 8 }] }).deadline)).toBe('2026-04-27');
  });
});

describe('CG1 core group chair', () => {
  it('nottinghamshire: the team manager chairs the first or second core group', () => {
    expect(coreGroupChairProblem('nottinghamshire', { number: 1, chairRole: 'lead-social-worker', earlierChairRoles: [] })).toBeNull();
    expect(coreGroupChairProblem('nottinghamshire', { number: 2, chairRole: 'lead-social-worker', earlierChairRoles: ['lead-social-worker'] })).toMatch(/team manager/);
    expect(coreGroupChairProblem('nottinghamshire', { number: 2, chairRole: 'lead-social-worker', earlierChairRoles: ['team-manager'] })).toBeNull();
    expect(coreGroupChairProblem('nottinghamshire', { number: 2, chairRole: 'team-manager', earlierChairRoles: ['lead-social-worker'] })).toBeNull();
  });

  it('other packs: the lead social worker chairs, with no team manager rule', () => {
    expect(coreGroupChairProblem('national', { number: 2, chairRole: 'lead-social-worker', earlierChairRoles: ['lead-social-worker'] })).toBeNull();
    expect(coreGroupChairProblem('national', { number: 1, chairRole: 'police', earlierChairRoles: [] })).toMatch(/lead social worker/);
  });

  it('records the written views of every absent member', () => {
    const problems = absenteeProblems([
      { name: 'Hana Exampleton', attended: true, writtenViews: '' },
      { name: 'Pat Placeholder', attended: false, writtenViews: '' },
      { name: 'Hal Housington', attended: false, writtenViews: 'No concerns from housing.' },
    ]);
    expect(problems).toEqual([{ index: 1, message: expect.stringContaining('Pat Placeholder') }]);
  });
});

describe('TS27 detailed plan distributed after a core group', () => {
  it('newcastle: within 5 days of the core group', () => {
    expect(due(planDistributionDue('newcastle', '2026-03-16', calendar))).toBe('2026-03-21');
  });
  it('other packs set no figure', () => {
    expect(planDistributionDue('national', '2026-03-16', calendar)).toBeNull();
    expect(planDistributionDue('nottinghamshire', '2026-03-16', calendar)).toBeNull();
  });
});

describe('UB2 core group before the birth', () => {
  it('prompts for a core group and a discharge plan before an unborn baby goes home', () => {
    expect(unbornCoreGroupPrompt({ expectedDeliveryDate: '2026-06-01', born: false, coreGroupsHeld: 0, dischargePlanRecorded: false })).toMatch(/before the baby is born.*leaving hospital/);
    expect(unbornCoreGroupPrompt({ expectedDeliveryDate: '2026-06-01', born: false, coreGroupsHeld: 1, dischargePlanRecorded: true })).toBeNull();
    expect(unbornCoreGroupPrompt({ expectedDeliveryDate: '2026-06-01', born: true, coreGroupsHeld: 0, dischargePlanRecorded: false })).toBeNull();
  });
});
