import { enteredDateProblems } from '../rules/entered-date.js';
import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * TR3: children of another authority.
 * - `002` 2.56: a child found here needing emergency action who is on another authority's plan, or
 *   looked after by it: we act, and consult that authority; responsibility passes to it only when
 *   it explicitly accepts, and the acceptance is confirmed in writing.
 * - `003` temporary residents: a child of another authority living here on its plan who moves on,
 *   or whose plan that authority ends: the change is recorded and the local agencies told.
 */

export const RESPONSIBLE_BECAUSE = { plan: 'On their child protection plan', 'looked-after': 'Looked after by them' } as const;
export const THEIR_ANSWERS = { accepts: 'They accept responsibility', declines: 'They do not accept: we keep responsibility' } as const;
export type TheirAnswer = keyof typeof THEIR_ANSWERS;

export interface ConsultationInput {
  responsibleAuthority: string;
  responsibleBecause: string | null;
  emergencyAction: string;
  foundOn: string | null;
  consultedOn: string | null;
  consultedName: string;
}

export function consultationProblems(input: ConsultationInput, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.responsibleAuthority.trim()) problems.push({ field: 'responsibleAuthority', message: 'Enter the authority responsible for the child' });
  if (!input.responsibleBecause || !(input.responsibleBecause in RESPONSIBLE_BECAUSE)) problems.push({ field: 'responsibleBecause', message: 'Say whether the child is on their plan or looked after by them' });
  if (!input.emergencyAction.trim()) problems.push({ field: 'emergencyAction', message: 'Describe the emergency action taken' });
  problems.push(
    ...enteredDateProblems('foundOn', input.foundOn, today, {
      missing: 'Enter the date the child was found needing emergency action',
      future: 'The date the child was found must be today or in the past',
    }),
    ...enteredDateProblems('consultedOn', input.consultedOn, today, {
      missing: 'Enter the date the responsible authority was consulted',
      future: 'The date they were consulted must be today or in the past',
      before: { date: input.foundOn, message: 'They cannot be consulted before the child was found' },
    }),
  );
  if (!input.consultedName.trim()) problems.push({ field: 'consultedName', message: 'Enter who at the authority was consulted' });
  return problems;
}

export interface AnswerInput {
  answer: string | null;
  answeredOn: string | null;
  writtenConfirmationOn: string | null;
  writtenConfirmationReference: string;
}

/** Their answer; a written confirmation belongs only to an acceptance, and needs a reference. */
export function answerProblems(input: AnswerInput, facts: { consultedOn: string; today: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.answer || !(input.answer in THEIR_ANSWERS)) problems.push({ field: 'answer', message: 'Choose whether they accept responsibility' });
  problems.push(
    ...enteredDateProblems('answeredOn', input.answeredOn, facts.today, {
      missing: 'Enter the date they answered',
      future: 'The date they answered must be today or in the past',
      before: { date: facts.consultedOn, message: 'They cannot answer before they were consulted' },
    }),
  );
  if (input.writtenConfirmationOn) {
    if (input.answer !== 'accepts') problems.push({ field: 'writtenConfirmationOn', message: 'A written confirmation is recorded only when they accept' });
    else {
      problems.push(
        ...enteredDateProblems('writtenConfirmationOn', input.writtenConfirmationOn, facts.today, {
          future: 'The date of the written confirmation must be today or in the past',
          before: { date: input.answeredOn, message: 'The written confirmation cannot come before their acceptance' },
        }),
      );
    }
    if (!input.writtenConfirmationReference.trim()) problems.push({ field: 'writtenConfirmationReference', message: 'Enter the letter or email that confirms it (its date and sender, or a reference)' });
  } else if (input.writtenConfirmationReference.trim()) {
    problems.push({ field: 'writtenConfirmationOn', message: 'Enter the date of the written confirmation' });
  }
  return problems;
}

export type EmergencyStatus = 'consulting' | 'awaiting-writing' | 'ready-to-pass' | 'passed' | 'kept';

export const EMERGENCY_STATUS_LABELS: Record<EmergencyStatus, string> = {
  consulting: 'Consulted: waiting for their answer',
  'awaiting-writing': 'They accept: waiting for written confirmation',
  'ready-to-pass': 'Accepted and confirmed in writing: responsibility can pass',
  passed: 'Responsibility passed to them',
  kept: 'They did not accept: we keep responsibility',
};

export function emergencyStatus(r: { theirAnswer: string | null; writtenConfirmationOn: string | null; passedAt: unknown }): EmergencyStatus {
  if (r.passedAt) return 'passed';
  if (r.theirAnswer === 'declines') return 'kept';
  if (r.theirAnswer !== 'accepts') return 'consulting';
  return r.writtenConfirmationOn ? 'ready-to-pass' : 'awaiting-writing';
}

/** Responsibility passes only on an explicit acceptance confirmed in writing: otherwise the reason it cannot. */
export function whyResponsibilityCannotPass(r: { theirAnswer: string | null; writtenConfirmationOn: string | null; passedAt: unknown }): string | null {
  const status = emergencyStatus(r);
  if (status === 'ready-to-pass') return null;
  if (status === 'passed') return 'Responsibility has already passed to them.';
  if (status === 'kept') return 'They did not accept responsibility, so it stays with us.';
  if (status === 'consulting') return 'They have not yet accepted responsibility: until they explicitly accept, and confirm it in writing, it stays with us.';
  return 'They accept, but have not yet confirmed it in writing: record the written confirmation first.';
}

/** Still to act on: the consultation open, or accepted but not yet passed. */
export function emergencyOutstanding(r: { theirAnswer: string | null; writtenConfirmationOn: string | null; passedAt: unknown }): boolean {
  const status = emergencyStatus(r);
  return status !== 'passed' && status !== 'kept';
}

export const TEMPORARY_CHANGES = { 'moved-on': 'Moved out of our area', 'plan-ended': 'Their plan has been ended by the responsible authority' } as const;

export interface TemporaryChangeInput {
  change: string | null;
  changedOn: string | null;
  details: string;
}

export function temporaryChangeProblems(input: TemporaryChangeInput, facts: { planStartedOn: string; today: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.change || !(input.change in TEMPORARY_CHANGES)) problems.push({ field: 'change', message: 'Choose what changed' });
  problems.push(
    ...enteredDateProblems('changedOn', input.changedOn, facts.today, {
      missing: 'Enter the date of the change',
      future: 'The date of the change must be today or in the past',
      before: { date: facts.planStartedOn, message: 'The change cannot be before the child was on the register here' },
    }),
  );
  if (!input.details.trim()) problems.push({ field: 'details', message: 'Record what changed and why (where the child went, or who ended the plan)' });
  return problems;
}
