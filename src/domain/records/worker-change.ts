import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * CO4 (`002` 2.162): a family may ask for a different social worker. The request is recorded with
 * who asked, when and why; the team manager answers it, agreeing where a change serves the child,
 * with reasons either way, and the family is told. Pure: the caller supplies dates and the case.
 */
export const WORKER_CHANGE_DECISIONS = { agreed: 'Agreed: the case moves to another social worker', declined: 'Declined: the social worker stays' } as const;
export type WorkerChangeDecision = keyof typeof WORKER_CHANGE_DECISIONS;

export function workerChangeRequestProblems(input: { requestedOn: string }, facts: { today: string; caseOpenedOn: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.requestedOn > facts.today) problems.push({ field: 'requestedOn', message: 'The date of the request must be today or in the past' });
  else if (input.requestedOn < facts.caseOpenedOn) problems.push({ field: 'requestedOn', message: `The request cannot be before the case opened (${facts.caseOpenedOn})` });
  return problems;
}

export interface WorkerChangeAnswer {
  decision: string;
  reasons: string;
  familyToldOn: string;
  newSocialWorkerId: string | null;
}

export function workerChangeAnswerProblems(
  answer: WorkerChangeAnswer,
  facts: { today: string; requestedOn: string; answered: boolean; currentSocialWorkerId: string | null },
): RuleProblem[] {
  if (facts.answered) return [{ field: 'decision', message: 'This request has already been answered' }];
  const problems: RuleProblem[] = [];
  if (!(answer.decision in WORKER_CHANGE_DECISIONS)) problems.push({ field: 'decision', message: 'Choose whether the change is agreed or declined' });
  if (!answer.reasons.trim()) problems.push({ field: 'reasons', message: 'Give the reasons for the answer: the family is told them either way' });
  if (answer.familyToldOn < facts.requestedOn) problems.push({ field: 'familyToldOn', message: 'The family cannot be told before they asked' });
  else if (answer.familyToldOn > facts.today) problems.push({ field: 'familyToldOn', message: 'The date the family was told must be today or in the past' });
  if (answer.decision === 'agreed') {
    if (!answer.newSocialWorkerId) problems.push({ field: 'newSocialWorkerId', message: 'Choose the social worker the case moves to' });
    else if (answer.newSocialWorkerId === facts.currentSocialWorkerId) problems.push({ field: 'newSocialWorkerId', message: 'Choose a different social worker from the one the family asked to change' });
  }
  return problems;
}

/** What the case page says about a request, and whether it is still waiting for the manager. */
export function workerChangeStatus(request: { decision: string | null }): { waiting: boolean; label: string } {
  if (request.decision === 'agreed') return { waiting: false, label: 'Agreed' };
  if (request.decision === 'declined') return { waiting: false, label: 'Declined' };
  return { waiting: true, label: 'Waiting for the team manager’s answer' };
}
