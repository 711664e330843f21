import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * The managers' part in the social work report (003_16eb1834ae885591.txt, the social work report,
 * before Appendix 5): the team manager checks the report's quality, content and length in time for
 * changes, and validates it before it goes out; where it recommends legal action, the children's
 * service manager agrees with that before the conference. Agency reports and the family's own views
 * need neither. Whether the report recommends legal action is the social worker's to say, in the
 * report itself (a required answer once it goes to the chair); that answer is what makes the report
 * wait for the service manager.
 */

export type TeamManagerCheck = 'not-needed' | 'awaiting-submission' | 'awaiting' | 'checked' | 'changed-since-check';
export type LegalActionAgreement = 'not-needed' | 'not-answered' | 'awaiting-submission' | 'awaiting' | 'agreed' | 'not-agreed';

export interface ManagerCheckFacts {
  kind: string;
  status: string; // draft | submitted | shared
  version: number;
  checkedVersion: number | null;
  /** null until the social worker says in the report whether it recommends legal action. */
  legalActionRecommended: boolean | null;
  legalActionDecision: string | null; // agreed | not-agreed
}

export interface ManagerChecks {
  teamManager: TeamManagerCheck;
  legalAction: LegalActionAgreement;
}

export function managerChecks(f: ManagerCheckFacts): ManagerChecks {
  if (f.kind !== 'social-work') return { teamManager: 'not-needed', legalAction: 'not-needed' };
  let teamManager: TeamManagerCheck;
  if (f.checkedVersion === null) teamManager = f.status === 'draft' ? 'awaiting-submission' : 'awaiting';
  else teamManager = f.checkedVersion === f.version ? 'checked' : 'changed-since-check';
  let legalAction: LegalActionAgreement;
  if (f.legalActionRecommended === null) legalAction = 'not-answered';
  else if (!f.legalActionRecommended) legalAction = 'not-needed';
  else if (f.status === 'draft') legalAction = 'awaiting-submission';
  else if (f.legalActionDecision === 'agreed') legalAction = 'agreed';
  else if (f.legalActionDecision === 'not-agreed') legalAction = 'not-agreed';
  else legalAction = 'awaiting';
  return { teamManager, legalAction };
}

/** Why the report may not go to the family yet, or null when it may. */
export function sharingRefusal(f: ManagerCheckFacts): string | null {
  const { teamManager } = managerChecks(f);
  if (teamManager === 'awaiting-submission') return 'The report is still a draft: it is shared once its author has submitted it and a team manager has checked it.';
  if (teamManager === 'awaiting') return 'A team manager of the social worker’s team has not checked this report yet: it is shared once they have.';
  if (teamManager === 'changed-since-check') return 'The report has changed since the team manager checked it: they check this version before it is shared.';
  return null;
}

/** What the chair and those preparing the conference are warned of on the readiness page. */
export function readinessWarnings(f: ManagerCheckFacts, childName: string): string[] {
  const { teamManager, legalAction } = managerChecks(f);
  const warnings: string[] = [];
  if (teamManager === 'awaiting' || teamManager === 'awaiting-submission') warnings.push(`The social work report for ${childName} has not been checked by a team manager.`);
  if (teamManager === 'changed-since-check') warnings.push(`The social work report for ${childName} has changed since the team manager checked it.`);
  if (legalAction === 'awaiting' || legalAction === 'awaiting-submission') warnings.push(`The social work report for ${childName} recommends legal action and a service manager has not yet agreed it.`);
  if (legalAction === 'not-agreed') warnings.push(`The social work report for ${childName} recommends legal action that the service manager did not agree.`);
  return warnings;
}

export interface TeamManagerCheckInput {
  confirmed: boolean;
  /** What the report says about legal action: the team manager checks it, the social worker states it. */
  legalActionRecommended: boolean | null;
}

export function teamManagerCheckProblems(input: TeamManagerCheckInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.legalActionRecommended === null) {
    problems.push({ field: 'legalActionRecommended', message: 'The report does not say whether it recommends legal action: the social worker answers that in the report before it is checked' });
  }
  if (!input.confirmed) problems.push({ field: 'confirmed', message: 'Confirm that you have checked the report’s quality, content and length' });
  return problems;
}

export interface LegalActionAgreementInput {
  decision: string; // agreed | not-agreed | ''
  reasons: string;
}

export function legalActionAgreementProblems(input: LegalActionAgreementInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.decision !== 'agreed' && input.decision !== 'not-agreed') problems.push({ field: 'decision', message: 'Say whether you agree with the recommendation of legal action' });
  if (input.decision === 'not-agreed' && input.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Give your reasons for not agreeing' });
  return problems;
}
