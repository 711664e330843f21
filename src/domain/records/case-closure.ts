import { c12DatedAfterClosure, refusalMessage } from '../census/rules.js';
import type { RuleProblem } from '../rules/rule-problem.js';

/** Census reasons a child in need episode closes (ReasonForClosure), in our words. */
export const CLOSURE_REASONS: Record<string, string> = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Moved to another local authority’s services',
  RC6: 'Moved to adult social care',
  RC7: 'Services ended for another reason, including no longer in need',
  RC8: 'Closed after assessment: no further action',
  RC9: 'Closed after assessment: referred to early help',
};

export interface OpenWork {
  openPlan: boolean;
  conferenceArranging: boolean;
  lastActivityOn: string | null;
  openedOn: string;
  /** An assessment completed and waiting for a manager's authorisation. */
  assessmentAwaitingAuthorisation?: boolean | undefined;
}

/**
 * A case closes only when nothing is still running on it, and not before anything already dated on
 * it (census: CINclosureDate and ReasonForClosure together, nothing dated after closure).
 */
export function closureProblems(input: { closedOn: string; reason: string }, work: OpenWork, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!(input.reason in CLOSURE_REASONS)) problems.push({ field: 'closureReason', message: 'Choose the reason the case is closing' });
  if (input.closedOn > today) problems.push({ field: 'closedOn', message: 'The closing date cannot be in the future' });
  if (input.closedOn < work.openedOn) problems.push({ field: 'closedOn', message: `The case cannot close before it opened (${work.openedOn})` });
  else {
    const late = work.lastActivityOn ? c12DatedAfterClosure(work.lastActivityOn, input.closedOn, 'Something recorded on this case') : null;
    if (late) problems.push({ field: 'closedOn', message: refusalMessage(late, 'Close it on or after that date.') });
  }
  if (work.openPlan) problems.push({ field: 'form', message: 'The child is on a child protection plan: end the plan before closing the case' });
  if (work.conferenceArranging) problems.push({ field: 'form', message: 'A conference about the child is being arranged: hold or cancel it before closing the case' });
  // Census C12: its authorisation date would fall after the closure, so it is authorised first.
  if (work.assessmentAwaitingAuthorisation) {
    problems.push({ field: 'form', message: 'An assessment is completed and waiting for authorisation: authorise it before closing the case (census check C12: nothing is dated after the episode closed)' });
  }
  return problems;
}
