import { Temporal } from 'temporal-polyfill';
import type { RuleProblem } from '../rules/rule-problem.js';

/** Working days to complete the core assessment through which the enquiry runs (FD4; 002 2.66). */
export const CORE_ASSESSMENT_WORKING_DAYS = 35;

export interface Section47StartFacts {
  childName: string;
  /** The strategy discussion's date: the census S47ActualStartDate. */
  startsOn: Temporal.PlainDate;
  discussionInitiatesSection47: boolean;
  childWasDiscussed: boolean;
  referralReceivedOn: Temporal.PlainDate | null;
  /** Enquiries for the child with no outcome yet. */
  openEnquiries: number;
}

/**
 * Census: S47ActualStartDate is not before the referral, and a child has one open enquiry at a
 * time. An enquiry starts from a strategy discussion that decided to start one for that child.
 */
export function section47StartRefusal(facts: Section47StartFacts): string | null {
  const who = facts.childName;
  if (!facts.discussionInitiatesSection47) return 'This strategy discussion did not decide to start section 47 enquiries.';
  if (!facts.childWasDiscussed) return `${who} was not one of the children of this strategy discussion.`;
  if (!facts.referralReceivedOn) return `${who} has no referral recorded: record the referral before the enquiry.`;
  if (Temporal.PlainDate.compare(facts.startsOn, facts.referralReceivedOn) < 0) {
    return `A section 47 enquiry cannot start before the referral: ${who}’s referral was received on ${facts.referralReceivedOn.toString()}.`;
  }
  if (facts.openEnquiries > 0) return `${who} already has an open section 47 enquiry: record its outcome before starting another.`;
  return null;
}

export interface ChildSeenInput {
  date: Temporal.PlainDate;
  seenAlone: boolean;
  whoWasPresent?: string | undefined;
  whyNotAlone?: string | undefined;
}

/** FD4 (002 2.78): each time the child is seen, whether alone, and if not who was there and why. */
export function checkChildSeen(input: ChildSeenInput, enquiryStartedOn: Temporal.PlainDate, today: Temporal.PlainDate): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (Temporal.PlainDate.compare(input.date, enquiryStartedOn) < 0) {
    problems.push({ field: 'date', message: `The date the child was seen must be on or after the enquiry started (${enquiryStartedOn.toString()})` });
  } else if (Temporal.PlainDate.compare(input.date, today) > 0) {
    problems.push({ field: 'date', message: 'The date the child was seen cannot be in the future' });
  }
  if (!input.seenAlone) {
    if (!input.whoWasPresent) problems.push({ field: 'whoWasPresent', message: 'Say who was present when the child was seen' });
    if (!input.whyNotAlone) problems.push({ field: 'whyNotAlone', message: 'Say why the child was not seen alone' });
  }
  return problems;
}

export function checkCoreAssessmentCompleted(completedOn: Temporal.PlainDate, enquiryStartedOn: Temporal.PlainDate, today: Temporal.PlainDate): RuleProblem[] {
  if (Temporal.PlainDate.compare(completedOn, enquiryStartedOn) < 0) {
    return [{ field: 'completedOn', message: 'The core assessment cannot be completed before the enquiry started' }];
  }
  if (Temporal.PlainDate.compare(completedOn, today) > 0) return [{ field: 'completedOn', message: 'The completion date cannot be in the future' }];
  return [];
}
