import type { RuleProblem } from '../rules/rule-problem.js';
import type { ReviewTrigger } from './reviews.js';

/**
 * RV2 (herts § 1 Review Child Protection Conference; dorset note after 2.60): some events on a
 * child's plan are reasons to bring the review forward. The system notices them from the records
 * (a section 47 enquiry begun after the plan started, an unborn baby joining the household, visits
 * missed) and asks the chair and the lead social worker to consider it. A prompt is answered by a
 * reason of that kind recorded on or after the event (the review brought forward, or a recorded
 * decision that it need not be), or by a review held since.
 */
export interface BringForwardEvent {
  trigger: Extract<ReviewTrigger, 'new-section-47' | 'baby-due' | 'plan-failing'>;
  on: string;
  detail: string;
}

export function bringForwardPrompts(input: {
  planStart: string;
  events: readonly BringForwardEvent[];
  recorded: readonly { trigger: string; occurredOn: string }[];
  reviewsHeld: readonly string[];
}): BringForwardEvent[] {
  return input.events
    .filter((e) => e.on > input.planStart)
    .filter((e) => !input.recorded.some((r) => r.trigger === e.trigger && r.occurredOn >= e.on))
    .filter((e) => !input.reviewsHeld.some((held) => held >= e.on))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * RV2 in newcastle (004_4d62ad76775b45eb.txt § 2.2.9): social workers tell the IRO (Standard 2's
 * independent reviewing officer of the child's conferences) of any significant change that may call
 * for an earlier review. Where that applies, bringing the review forward or deciding it need not be
 * records who the IRO consulted was, when (on or after the event, not in the future) and what they said.
 */
export function iroConsultationProblems(input: { required: boolean; iroConsultedName?: string; iroConsultedOn: string; iroConsultedNote: string; eventOn: string; today: string }): RuleProblem[] {
  if (!input.required) return [];
  const problems: RuleProblem[] = [];
  const name = (input.iroConsultedName ?? '').trim();
  if (name === '') problems.push({ field: 'iroConsultedName', message: 'Enter the name of the IRO you consulted' });
  else if (name.length > 200) problems.push({ field: 'iroConsultedName', message: 'Enter at most 200 characters' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.iroConsultedOn)) problems.push({ field: 'iroConsultedOn', message: 'Enter the date the IRO was consulted, for example 2026-04-20' });
  else if (input.iroConsultedOn < input.eventOn || input.iroConsultedOn > input.today) problems.push({ field: 'iroConsultedOn', message: `The IRO is consulted on or after ${input.eventOn} and not after today` });
  if (input.iroConsultedNote.trim() === '') problems.push({ field: 'iroConsultedNote', message: 'Say what the IRO said' });
  else if (input.iroConsultedNote.length > 5000) problems.push({ field: 'iroConsultedNote', message: 'Enter at most 5000 characters' });
  return problems;
}
