import type { RuleProblem } from '../rules/rule-problem.js';
import { choiceSet, isOneOf } from '../choices.js';

/**
 * TS21 (pan-dorset, 002_61563a3284bb8811.txt, Chair's right to overrule, after 2.105): when the
 * chair overrules the conference, the senior managers responsible for child protection are told,
 * review the case with the other agencies' managers, and where they think it right a further
 * conference is held within four weeks.
 */
export const { labels: OVERRULE_REVIEW_LABELS, values: OVERRULE_REVIEW_OUTCOMES } = choiceSet({
  'further-conference': 'A further conference is needed: business support books it',
  'no-further-conference': 'No further conference is needed',
});
export type OverruleReviewOutcome = (typeof OVERRULE_REVIEW_OUTCOMES)[number];

export type OverruleStage = 'none' | 'senior-review-due' | 'further-conference-requested' | 'closed';

export interface OverruleFacts {
  overrule: boolean;
  /** TS21's date, set only where the pack has the rule. */
  furtherConferenceBy: string | null;
  conferenceHeld: boolean;
  outcome: string | null;
}

/** Where an overrule stands: nothing to do, waiting for the senior managers, or settled. */
export function overruleStage(f: OverruleFacts): OverruleStage {
  if (!f.overrule || f.furtherConferenceBy === null || !f.conferenceHeld) return 'none';
  if (f.outcome === null) return 'senior-review-due';
  return f.outcome === 'further-conference' ? 'further-conference-requested' : 'closed';
}

export function overruleReviewProblems(input: { outcome: string; reasons: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isOneOf(OVERRULE_REVIEW_OUTCOMES, input.outcome)) problems.push({ field: 'outcome', message: 'Say whether a further conference is needed' });
  if (input.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Give the reasons the senior managers reached, and who they consulted' });
  return problems;
}

/** The email to a senior manager: what happened, why, and by when any further conference is held. */
export function overruleNotice(f: { recipientName: string; childName: string; conferenceDate: string; reasons: string; furtherConferenceBy: string; link: string }): { subject: string; body: string } {
  return {
    subject: 'A conference chair overruled the conference: senior managers to review (TS21)',
    body: [
      `Dear ${f.recipientName},`,
      '',
      `At the conference on ${f.conferenceDate} the chair overruled the conference's view about ${f.childName}, to make or keep a child protection plan.`,
      `The chair's reasons: ${f.reasons}`,
      '',
      'The senior managers review the case with managers from the other agencies, and decide whether a further conference is needed.',
      `Any further conference is held by ${f.furtherConferenceBy} (within four weeks).`,
      `Record the outcome of the review in Convene: ${f.link}`,
    ].join('\n'),
  };
}
