import { describe, expect, it } from 'vitest';
import {
  answerProblems, consultationProblems, emergencyOutstanding, emergencyStatus, temporaryChangeProblems, whyResponsibilityCannotPass,
  type AnswerInput, type ConsultationInput,
} from './other-authority-children.js';

const today = '2026-03-10';

describe('TR3: children of another authority', () => {
  it('refuses a consultation without the authority, the reason it is responsible, the action, or dates in order', () => {
    const ok: ConsultationInput = { responsibleAuthority: 'Exampleshire Council', responsibleBecause: 'plan', emergencyAction: 'Police protection; placed with a foster carer.', foundOn: '2026-03-08', consultedOn: '2026-03-08', consultedName: 'Duty manager' };
    const table: [Partial<ConsultationInput>, string[]][] = [
      [{}, []],
      [{ responsibleAuthority: ' ' }, ['responsibleAuthority']],
      [{ responsibleBecause: null }, ['responsibleBecause']],
      [{ responsibleBecause: 'neighbour' }, ['responsibleBecause']],
      [{ responsibleBecause: 'looked-after' }, []],
      [{ emergencyAction: '' }, ['emergencyAction']],
      [{ foundOn: null }, ['foundOn']],
      [{ foundOn: '2026-03-11', consultedOn: '2026-03-11' }, ['foundOn', 'consultedOn']],
      [{ consultedOn: '2026-03-07' }, ['consultedOn']],
      [{ consultedName: '' }, ['consultedName']],
    ];
    for (const [change, fields] of table) expect(consultationProblems({ ...ok, ...change }, today).map((p) => p.field), JSON.stringify(change)).toEqual(fields);
  });

  it('refuses an answer out of order, and a written confirmation without an acceptance or a reference', () => {
    const ok: AnswerInput = { answer: 'accepts', answeredOn: '2026-03-09', writtenConfirmationOn: null, writtenConfirmationReference: '' };
    const facts = { consultedOn: '2026-03-08', today };
    const table: [Partial<AnswerInput>, string[]][] = [
      [{}, []],
      [{ answer: null }, ['answer']],
      [{ answeredOn: '2026-03-07' }, ['answeredOn']],
      [{ answeredOn: '2026-03-11' }, ['answeredOn']],
      [{ writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: 'Email from their head of service, 10 March' }, []],
      [{ writtenConfirmationOn: '2026-03-10' }, ['writtenConfirmationReference']],
      [{ writtenConfirmationOn: '2026-03-08', writtenConfirmationReference: 'Letter' }, ['writtenConfirmationOn']],
      [{ answer: 'declines', writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: 'Letter' }, ['writtenConfirmationOn']],
      [{ writtenConfirmationReference: 'Letter' }, ['writtenConfirmationOn']],
    ];
    for (const [change, fields] of table) expect(answerProblems({ ...ok, ...change }, facts).map((p) => p.field), JSON.stringify(change)).toEqual(fields);
  });

  it('lets responsibility pass only on an explicit acceptance confirmed in writing', () => {
    const table: [{ theirAnswer: string | null; writtenConfirmationOn: string | null; passedAt: unknown }, string, boolean, boolean][] = [
      [{ theirAnswer: null, writtenConfirmationOn: null, passedAt: null }, 'consulting', false, true],
      [{ theirAnswer: 'accepts', writtenConfirmationOn: null, passedAt: null }, 'awaiting-writing', false, true],
      [{ theirAnswer: 'accepts', writtenConfirmationOn: '2026-03-10', passedAt: null }, 'ready-to-pass', true, true],
      [{ theirAnswer: 'accepts', writtenConfirmationOn: '2026-03-10', passedAt: new Date() }, 'passed', false, false],
      [{ theirAnswer: 'declines', writtenConfirmationOn: null, passedAt: null }, 'kept', false, false],
    ];
    for (const [row, status, mayPass, outstanding] of table) {
      expect(emergencyStatus(row)).toBe(status);
      expect(whyResponsibilityCannotPass(row) === null).toBe(mayPass);
      expect(emergencyOutstanding(row)).toBe(outstanding);
    }
  });

  it('refuses a temporary resident’s change without what, when (on the register here, not future) and details', () => {
    const facts = { planStartedOn: '2026-01-05', today };
    const ok = { change: 'moved-on', changedOn: '2026-03-09', details: 'Moved to her aunt in Sampleton.' };
    expect(temporaryChangeProblems(ok, facts)).toEqual([]);
    expect(temporaryChangeProblems({ ...ok, change: 'plan-ended' }, facts)).toEqual([]);
    expect(temporaryChangeProblems({ ...ok, change: null }, facts).map((p) => p.field)).toEqual(['change']);
    expect(temporaryChangeProblems({ ...ok, changedOn: '2026-03-11' }, facts).map((p) => p.field)).toEqual(['changedOn']);
    expect(temporaryChangeProblems({ ...ok, changedOn: '2026-01-04' }, facts).map((p) => p.field)).toEqual(['changedOn']);
    expect(temporaryChangeProblems({ ...ok, details: ' ' }, facts).map((p) => p.field)).toEqual(['details']);
  });
});
