import type { PackId } from '../packs/pack-id.js';
import { planRules } from './plan-rules.js';
import { choiceSet } from '../choices.js';

/**
 * The ways a plan ends outside a review conference's decision (which the conference itself
 * applies): EN1's 18th birthday, death and permanent departure from the UK (a service manager,
 * no conference), a permanent move once the new authority has held its conference (EN1, TR2),
 * a looked-after child's plan by written consultation (EN2), and an ending decided at a
 * conference that waited for an absent key professional's written agreement (EN6, TS23).
 */
export const { labels: ENDING_ROUTE_LABELS, values: ENDING_ROUTES } = choiceSet({
  'eighteenth-birthday': 'The young person has turned 18',
  death: 'The child has died',
  'left-uk': 'The child has left the UK permanently',
  'moved-authority': 'The child has moved permanently and the new authority has held its conference',
  'looked-after-consultation': 'Looked-after child: ended after written consultation',
  'absent-professional-agreed': 'Ending decided at conference, now agreed in writing by the absent professional',
});
export type EndingRoute = (typeof ENDING_ROUTES)[number];

/** Who may end the plan by each route. */
export const ENDING_DECIDER: Record<EndingRoute, 'service-manager' | 'chair' | 'team-manager-or-chair'> = {
  'eighteenth-birthday': 'service-manager',
  death: 'service-manager',
  'left-uk': 'service-manager',
  'moved-authority': 'service-manager',
  'looked-after-consultation': 'service-manager',
  'absent-professional-agreed': 'chair',
};

/** EN5: what help carries on after the plan. */
export const { labels: CONTINUING_SUPPORT_LABELS, values: CONTINUING_SUPPORT } = choiceSet({
  'child-in-need-plan': 'A child in need plan',
  'early-help': 'Early help',
  'lead-professional': 'A lead professional outside children’s social care',
  'care-plan': 'The looked-after child’s care plan carries the remaining risks',
  'none-needed': 'No further help needed, after re-assessment with the family',
});
export type ContinuingSupport = (typeof CONTINUING_SUPPORT)[number];

export interface EndingFacts {
  readonly today: string;
  readonly planStartedOn: string;
  readonly eighteenthBirthday: string | null;
  readonly lookedAfter: boolean;
  /** A conference decided to end the plan but the ending waits for written agreement (EN6, TS23). */
  readonly endingPending: boolean;
}

export interface RouteChoice {
  readonly route: EndingRoute;
  readonly available: boolean;
  /** Why not, where not available. */
  readonly why: string | null;
}

/** EN1, EN2, EN6: which routes this plan can take now, in this pack. */
export function endingRoutes(pack: PackId, facts: EndingFacts): RouteChoice[] {
  const rules = planRules(pack);
  const why: Record<EndingRoute, string | null> = {
    'eighteenth-birthday': !facts.eighteenthBirthday
      ? 'The child’s date of birth is not recorded.'
      : facts.eighteenthBirthday > facts.today
        ? `The child turns 18 on ${facts.eighteenthBirthday}: plan a review before then.`
        : null,
    death: null,
    'left-uk': null,
    'moved-authority': null,
    'looked-after-consultation': !rules.lookedAfterConsultation
      ? 'In this area a looked-after child’s plan ends only by a review conference’s decision.'
      : !facts.lookedAfter
        ? 'The child is not looked after.'
        : null,
    'absent-professional-agreed': facts.endingPending ? null : 'No conference decision to end this plan is waiting for written agreement.',
  };
  return ENDING_ROUTES.map((route) => ({ route, available: why[route] === null, why: why[route] }));
}

export interface EndingInput {
  readonly route: EndingRoute;
  readonly endedOn: string;
  readonly reason: string;
  readonly continuingSupport: ContinuingSupport | null;
  readonly receivingAuthority?: string | undefined;
  readonly receivingConferenceOn?: string | undefined;
  readonly noPlanToReturn?: boolean | undefined;
  readonly consultation?: readonly { name: string; role: string; response: 'agreed' | 'objected' | 'no-reply' }[] | undefined;
  readonly secondManagerName?: string | undefined;
  readonly agreementReceivedOn?: string | undefined;
}

type Problem = { field: string; message: string };

function lookedAfterProblems(pack: PackId, input: EndingInput): Problem[] {
  const rule = planRules(pack).lookedAfterConsultation;
  if (!rule) return [];
  const problems: Problem[] = [];
  const consulted = input.consultation ?? [];
  if (!input.noPlanToReturn) {
    problems.push({ field: 'noPlanToReturn', message: 'Confirm the child no longer lives in the situation that needed the plan and there is no plan to return' });
  }
  if (consulted.length === 0) problems.push({ field: 'consultation', message: 'Record who was consulted in writing and what each said' });
  if (rule.noObjection && consulted.some((c) => c.response !== 'agreed')) {
    problems.push({ field: 'consultation', message: 'Everyone consulted must have replied without objection; otherwise a review conference decides' });
  }
  if (rule.agenciesAgreeing > 0 && consulted.filter((c) => c.response === 'agreed').length < rule.agenciesAgreeing) {
    problems.push({ field: 'consultation', message: `At least ${rule.agenciesAgreeing} other agency must agree before the plan ends` });
  }
  if (rule.secondServiceManager && !input.secondManagerName?.trim()) {
    problems.push({ field: 'secondManagerName', message: 'Name the second service manager who agrees to end the plan' });
  }
  return problems;
}

/** What stops this ending, per field; empty when the plan may end. */
export function endingProblems(pack: PackId, facts: EndingFacts, input: EndingInput): Problem[] {
  const choice = endingRoutes(pack, facts).find((c) => c.route === input.route);
  if (!choice) return [{ field: 'route', message: 'Select how the plan is ending' }];
  if (!choice.available) return [{ field: 'route', message: choice.why ?? 'This route is not open for this plan' }];
  const problems: Problem[] = [];
  if (input.endedOn > facts.today) problems.push({ field: 'endedOn', message: 'The plan cannot end on a date in the future' });
  else if (input.endedOn <= facts.planStartedOn) problems.push({ field: 'endedOn', message: `The plan started on ${facts.planStartedOn}: it must end after that` });
  if (input.route === 'eighteenth-birthday' && facts.eighteenthBirthday && input.endedOn < facts.eighteenthBirthday) {
    problems.push({ field: 'endedOn', message: `The child turns 18 on ${facts.eighteenthBirthday}: the plan ends on or after that day` });
  }
  if (!input.reason.trim()) problems.push({ field: 'reason', message: 'Give the reason the plan is ending' });
  if (!input.continuingSupport) problems.push({ field: 'continuingSupport', message: 'Say what help carries on after the plan' });
  if (input.route === 'moved-authority') {
    if (!input.receivingAuthority?.trim()) problems.push({ field: 'receivingAuthority', message: 'Name the authority the child has moved to' });
    if (!input.receivingConferenceOn) problems.push({ field: 'receivingConferenceOn', message: 'Enter the date of the new authority’s conference' });
    else if (input.receivingConferenceOn > input.endedOn) {
      problems.push({ field: 'receivingConferenceOn', message: 'The plan ends only after the new authority’s conference' });
    }
  }
  if (input.route === 'looked-after-consultation') problems.push(...lookedAfterProblems(pack, input));
  if (input.route === 'absent-professional-agreed' && !input.agreementReceivedOn) {
    problems.push({ field: 'agreementReceivedOn', message: 'Enter the date the written agreement was received' });
  }
  return problems;
}

/** EN3 (pan-dorset): the exceptional circumstances in which a first review may end a plan. */

/** Our words for pan-dorset's exceptional circumstances (002, notes after 2.143). */
export const { labels: FIRST_REVIEW_EXCEPTION_LABELS, values: FIRST_REVIEW_EXCEPTIONS } = choiceSet({
  'no-longer-with-risk-person': 'The child no longer lives with, or has contact with, the person who posed the risk',
  'pre-birth-youngest-sibling': 'A pre-birth plan where the risk came from older siblings’ circumstances that have changed',
  'transfer-in-risk-reduced': 'A child who moved in whose risk has reduced since the other authority’s conference',
  'older-young-person-wish': 'An older young person who will not work with the plan, and other support is in place',
});
export type FirstReviewException = (typeof FIRST_REVIEW_EXCEPTIONS)[number];

/**
 * EN3: in pan-dorset a first review ends a plan only in one of the listed exceptional
 * circumstances; and any ending waits until the child's own view has been heard and the core
 * assessment is complete and in the report. For the conference decision to check.
 */
export function reviewEndingProblems(
  pack: PackId,
  facts: { firstReview: boolean; exception: FirstReviewException | null; childViewAscertained: boolean; coreAssessmentComplete: boolean },
): string[] {
  if (!planRules(pack).firstReviewEndingRestricted) return [];
  const problems: string[] = [];
  if (facts.firstReview && !facts.exception) problems.push('A plan ends at its first review only in one of the exceptional circumstances listed.');
  if (!facts.childViewAscertained) problems.push('The child’s own view on ending the plan must be heard first, independently of the parents.');
  if (!facts.coreAssessmentComplete) problems.push('The core assessment must be complete and in the social work report before the plan ends.');
  return problems;
}
