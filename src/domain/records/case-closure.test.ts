import { describe, expect, it } from 'vitest';
import { closureProblems } from './case-closure.js';

const quiet = { openPlan: false, conferenceArranging: false, lastActivityOn: '2026-03-01', openedOn: '2026-01-05' };

describe('closing a case (census CINclosureDate and ReasonForClosure)', () => {
  it('closes with a reason on a date from the last activity up to today', () => {
    expect(closureProblems({ closedOn: '2026-03-02', reason: 'RC8' }, quiet, '2026-03-02')).toEqual([]);
    expect(closureProblems({ closedOn: '2026-03-01', reason: 'RC7' }, quiet, '2026-03-02')).toEqual([]);
  });
  it('refuses a missing reason, a future date, a date before the last activity or the opening', () => {
    expect(closureProblems({ closedOn: '2026-03-02', reason: '' }, quiet, '2026-03-02').map((p) => p.field)).toEqual(['closureReason']);
    expect(closureProblems({ closedOn: '2026-03-03', reason: 'RC8' }, quiet, '2026-03-02')[0]?.message).toBe('The closing date cannot be in the future');
    expect(closureProblems({ closedOn: '2026-02-20', reason: 'RC8' }, quiet, '2026-03-02')[0]?.message).toContain('dated 1 March 2026, after the case closed on 20 February 2026');
    expect(closureProblems({ closedOn: '2026-02-20', reason: 'RC8' }, quiet, '2026-03-02')[0]?.message).toContain('Census check C12');
    expect(closureProblems({ closedOn: '2025-12-31', reason: 'RC8' }, quiet, '2026-03-02')[0]?.message).toContain('before it opened');
  });
  it('census C12: refuses while a completed assessment waits for authorisation, which would be dated after the closure', () => {
    const problems = closureProblems({ closedOn: '2026-03-02', reason: 'RC8' }, { ...quiet, assessmentAwaitingAuthorisation: true }, '2026-03-02');
    expect(problems.map((p) => p.field)).toEqual(['form']);
    expect(problems[0]?.message).toContain('authorise it before closing the case');
  });
  it('refuses while a plan is open or a conference is being arranged', () => {
    const messages = closureProblems({ closedOn: '2026-03-02', reason: 'RC7' }, { ...quiet, openPlan: true, conferenceArranging: true }, '2026-03-02').map((p) => p.message);
    expect(messages).toEqual(['The child is on a child protection plan: end the plan before closing the case', 'A conference about the child is being arranged: hold or cancel it before closing the case']);
  });
});
