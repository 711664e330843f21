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
