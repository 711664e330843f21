import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * IN10 (`004` 4.1.4, 5.1.6): where a child's request is not followed because it would not serve
 * them, the reasons are recorded and explained openly to the child; where a parent has a learning
 * disability or a mental health need, an advocate is considered and, once referred, followed up.
 * Pure: what is refused, and what is still outstanding.
 */
export interface ChildRequestInput {
  request: string;
  reasons: string;
  sharedWithChildOn: string | null;
  sharedHow: string;
}

export function childRequestProblems(input: ChildRequestInput, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.request.trim()) problems.push({ field: 'request', message: 'Write what the child asked for' });
  if (!input.reasons.trim()) problems.push({ field: 'reasons', message: 'Write why the request is not being followed' });
  if (input.sharedWithChildOn && input.sharedWithChildOn > today) problems.push({ field: 'sharedWithChildOn', message: 'The date the reasons were shared must be today or in the past' });
  if (input.sharedWithChildOn && !input.sharedHow.trim()) problems.push({ field: 'sharedHow', message: 'Say how the reasons were explained to the child' });
  if (!input.sharedWithChildOn && input.sharedHow.trim()) problems.push({ field: 'sharedWithChildOn', message: 'Enter the date the reasons were explained to the child' });
  return problems;
}

/** A request not followed is outstanding until the child has been told why. */
export function childRequestOutstanding(request: { sharedWithChildOn: string | null }): boolean {
  return request.sharedWithChildOn === null;
}

export const ADVOCACY_DECISIONS = { referred: 'Referred to an advocate', 'not-referred': 'Considered: no advocate (say why)' } as const;

export interface AdvocacyInput {
  learningDisability: boolean;
  mentalHealthNeed: boolean;
  decision: string | null;
  reasons: string;
  followUp: string;
  followedUpOn: string | null;
}

export function advocacyProblems(input: AdvocacyInput, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.learningDisability && !input.mentalHealthNeed) problems.push({ field: 'need', message: 'Say whether the parent has a learning disability or a mental health need' });
  if (!input.decision || !(input.decision in ADVOCACY_DECISIONS)) problems.push({ field: 'decision', message: 'Choose whether the parent was referred to an advocate' });
  if (input.decision === 'not-referred' && !input.reasons.trim()) problems.push({ field: 'reasons', message: 'Say why no advocate is needed' });
  if (input.decision !== 'referred' && (input.followedUpOn || input.followUp.trim())) problems.push({ field: 'followUp', message: 'A follow-up is recorded only after a referral to an advocate' });
  if (input.decision === 'referred') {
    if (input.followedUpOn && input.followedUpOn > today) problems.push({ field: 'followedUpOn', message: 'The follow-up date must be today or in the past' });
    if (input.followedUpOn && !input.followUp.trim()) problems.push({ field: 'followUp', message: 'Say what the follow-up found' });
    if (!input.followedUpOn && input.followUp.trim()) problems.push({ field: 'followedUpOn', message: 'Enter the date of the follow-up' });
  }
  return problems;
}

export type AdvocacyStatus = 'not-needed' | 'to-consider' | 'follow-up-due' | 'done';

/**
 * Where a parent stands: no need recorded; a need with no advocate considered yet; referred and
 * waiting for the follow-up; or done (not referred with reasons, or followed up).
 */
export function advocacyStatus(need: { learningDisability: boolean; mentalHealthNeed: boolean }, record: { decision: string | null; followedUpOn: string | null } | null): AdvocacyStatus {
  const needed = need.learningDisability || need.mentalHealthNeed;
  if (!record?.decision) return needed ? 'to-consider' : 'not-needed';
  if (record.decision === 'referred' && !record.followedUpOn) return 'follow-up-due';
  return 'done';
}
