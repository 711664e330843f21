import { ANONYMOUS_SOURCE_CODE, referralSourceGroup } from './referral-sources.js';
import type { RuleProblem } from '../rules/rule-problem.js';
import { choiceSet } from '../choices.js';

/** How a referral reached children's social care (FD1). */
export const { labels: REFERRAL_CHANNEL_LABELS, values: REFERRAL_CHANNELS } = choiceSet({
  telephone: 'Telephone',
  written: 'Letter or written form',
  email: 'Secure email',
  portal: 'Online referral form',
  'in-person': 'In person',
});
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

/** Channels that leave a written referral, which is acknowledged within a working day (002 2.35). */
const WRITTEN_CHANNELS: readonly ReferralChannel[] = ['written', 'email', 'portal'];

/** The decision on next steps, due within a working day of the referral (002 2.36). */
export const { labels: NEXT_STEP_LABELS, values: NEXT_STEPS } = choiceSet({
  'initial-assessment': 'Initial assessment',
  'strategy-discussion': 'Strategy discussion (possible significant harm)',
  'early-help': 'Early help or another service',
  'no-further-action': 'No further action',
});
export type NextStep = (typeof NEXT_STEPS)[number];

export interface ReferrerFacts {
  sourceCode: string;
  /** What the person recording said; a source in an agency group makes it true regardless. */
  referrerIsProfessional: boolean;
  anonymous: boolean;
  referrerName?: string | undefined;
  referrerOrganisation?: string | undefined;
}

/** Whether the referrer acted as a professional: said so, or referred from an agency's source group. */
export function isProfessionalReferrer(facts: Pick<ReferrerFacts, 'sourceCode' | 'referrerIsProfessional'>): boolean {
  return facts.referrerIsProfessional || (referralSourceGroup(facts.sourceCode)?.professional ?? false);
}

/**
 * FD1 and the census source: professionals may not refer anonymously (002, Pan-Dorset note
 * after 2.19, which RULES.md applies to every pack), and an anonymous referral is exactly the
 * census source 9.
 */
export function checkReferrer(facts: ReferrerFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!referralSourceGroup(facts.sourceCode)) {
    return [{ field: 'sourceCode', message: 'Select where the referral came from' }];
  }
  const professional = isProfessionalReferrer(facts);
  if (facts.anonymous && professional) {
    problems.push({
      field: 'anonymous',
      message: 'A professional cannot refer anonymously: record their name, role and organisation',
    });
  } else if (facts.anonymous && facts.sourceCode !== ANONYMOUS_SOURCE_CODE) {
    problems.push({ field: 'sourceCode', message: 'An anonymous referral has the source 9 (Anonymous)' });
  }
  if (!facts.anonymous && facts.sourceCode === ANONYMOUS_SOURCE_CODE) {
    problems.push({ field: 'sourceCode', message: 'Source 9 is only for anonymous referrals: choose who referred, or say the referral is anonymous' });
  }
  if (!facts.anonymous && !facts.referrerName) {
    problems.push({ field: 'referrerName', message: 'Enter the referrer’s name, or say the referral is anonymous' });
  }
  if (professional && !facts.anonymous && !facts.referrerOrganisation) {
    problems.push({ field: 'referrerOrganisation', message: 'Enter the organisation the professional works for' });
  }
  return problems;
}

/**
 * What must follow the referral in writing (002 2.35): a written referral is acknowledged by
 * children's social care; a professional's telephone referral is confirmed in writing by them.
 */
export type ReferralFollowUp = 'acknowledgement' | 'written-confirmation';

export function followUpFor(channel: ReferralChannel, professional: boolean): ReferralFollowUp | null {
  if (WRITTEN_CHANNELS.includes(channel)) return 'acknowledgement';
  if (channel === 'telephone' && professional) return 'written-confirmation';
  return null;
}

/** Hours a professional has to confirm a telephone referral in writing (002 2.35). */
export const WRITTEN_CONFIRMATION_HOURS = 48;

/** Census ReferralNFA: the referral closed the episode with no further action. */
export function isNoFurtherAction(decision: string | null | undefined): boolean {
  return decision === 'no-further-action';
}

export type EpisodeWork = 'assessment' | 'strategy discussion' | 'section 47 enquiry' | 'conference';

/**
 * After a no-further-action referral nothing else may be recorded in that episode (census
 * ReferralNFA). Returns why not, or null when the work may go ahead.
 */
export function nfaRefusal(referralDecision: string | null | undefined, work: EpisodeWork, childName?: string): string | null {
  if (!isNoFurtherAction(referralDecision)) return null;
  const whose = childName ? `${childName}’s` : 'This child’s';
  return `${whose} referral was closed with no further action, so no ${work} can be recorded in this episode. A new referral opens a new episode.`;
}

/** A decision of no further action cannot close an episode that already has work recorded in it. */
export function checkNextStep(decision: NextStep, workAlreadyRecorded: number): RuleProblem[] {
  if (decision === 'no-further-action' && workAlreadyRecorded > 0) {
    return [{ field: 'decision', message: 'Assessment or enquiry work is already recorded for this child, so the referral cannot be closed with no further action' }];
  }
  return [];
}
