import type { RuleProblem } from '../rules/rule-problem.js';
import { choiceSet } from '../choices.js';

/** How a section 47 enquiry ends (FD5; 002 2.79–2.85). */
export const { labels: SECTION_47_OUTCOME_LABELS, values: SECTION_47_OUTCOMES } = choiceSet({
  'not-substantiated': 'Concerns not substantiated',
  'no-continuing-risk': 'Concerns substantiated, but the child is not judged to be at continuing risk of significant harm',
  'continuing-risk': 'Concerns substantiated and the child is judged to be at continuing risk of significant harm',
});
export type Section47Outcome = (typeof SECTION_47_OUTCOMES)[number];

export function isSection47Outcome(value: string | null | undefined): value is Section47Outcome {
  return (SECTION_47_OUTCOMES as readonly (string | null | undefined)[]).includes(value);
}

/**
 * Not going to a conference although harm was substantiated is a weighty call: a suitably
 * experienced manager endorses it (002 2.84).
 */
export function needsManagerEndorsement(outcome: Section47Outcome): boolean {
  return outcome === 'no-continuing-risk';
}

/** Continuing risk of significant harm: children's social care convenes a conference (002 2.85). */
export function leadsToConference(outcome: string | null | undefined): boolean {
  return outcome === 'continuing-risk';
}

export interface OutcomeFacts {
  outcome: Section47Outcome;
  icpcNotRequired: boolean;
  /** Whether an outcome was already recorded: it is recorded once. */
  alreadyRecorded: boolean;
}

/**
 * The census flag ICPCnotRequired belongs to an enquiry that ends without a conference, so it is
 * open to the first two outcomes only.
 */
export function checkOutcome(facts: OutcomeFacts): RuleProblem[] {
  if (facts.alreadyRecorded) return [{ field: 'outcome', message: 'The outcome of this enquiry has already been recorded' }];
  if (facts.icpcNotRequired && leadsToConference(facts.outcome)) {
    return [{ field: 'icpcNotRequired', message: 'A child at continuing risk goes to an initial conference, so “conference not required” cannot be recorded' }];
  }
  return [];
}

export type Section47Stage = 'open' | 'awaiting-endorsement' | 'ended-without-conference' | 'to-convene';

export const SECTION_47_STAGE_LABELS: Record<Section47Stage, string> = {
  open: 'Enquiry open',
  'awaiting-endorsement': 'Waiting for a manager to endorse the outcome',
  'ended-without-conference': 'Ended without a conference',
  'to-convene': 'Continuing risk: a conference is to be convened',
};

/** Where an enquiry stands; "open" (no outcome yet) is what "one open S47 at a time" counts. */
export function section47Stage(enquiry: { outcome: string | null; endorsedAt: unknown }): Section47Stage {
  if (!isSection47Outcome(enquiry.outcome)) return 'open';
  if (leadsToConference(enquiry.outcome)) return 'to-convene';
  if (needsManagerEndorsement(enquiry.outcome) && !enquiry.endorsedAt) return 'awaiting-endorsement';
  return 'ended-without-conference';
}

export function checkEndorsement(enquiry: { outcome: string | null; endorsedAt: unknown }): string | null {
  if (!isSection47Outcome(enquiry.outcome)) return 'Record the outcome of the enquiry before it is endorsed.';
  if (!needsManagerEndorsement(enquiry.outcome)) return 'Only a decision that the child is not at continuing risk needs a manager’s endorsement.';
  if (enquiry.endorsedAt) return 'This outcome has already been endorsed.';
  return null;
}
