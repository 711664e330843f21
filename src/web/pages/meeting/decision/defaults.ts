import { isFamilyKind } from '../../../../domain/conference/agencies.js';
import type { DecisionContext } from '../../../../domain/conference/decision.js';
import type { MeetingChild, MeetingState } from '../../../../modules/meeting/meeting-state.js';

interface Choice {
  value: string;
  text: string;
}

/**
 * What a new decision form starts from, taken from the case and the meeting so the chair confirms
 * rather than types (issue 14): the case's allocated social worker as lead (or its team manager as
 * the contact when none is allocated), the category of the plan already in place, a core group of
 * the family and the professionals present with direct contact with the child, and the latest dates
 * the timescales allow (TS8, and the review only where an early one is not required).
 */
export function decisionDefaults(
  state: Pick<MeetingState, 'attendance'>,
  child: Pick<MeetingChild, 'childId' | 'socialWorkerId' | 'teamManagerId'>,
  context: Pick<DecisionContext, 'existingPlan' | 'firstCoreGroupDue' | 'reviewDue' | 'quorate' | 'rules'>,
  staff: { socialWorkers: readonly Choice[]; teamManagers: readonly Choice[] },
): Record<string, unknown> {
  const allocated = child.socialWorkerId && staff.socialWorkers.some((u) => u.value === child.socialWorkerId) ? child.socialWorkerId : '';
  const manager = !allocated && child.teamManagerId && staff.teamManagers.some((u) => u.value === child.teamManagerId) ? child.teamManagerId : '';
  const coreGroup = state.attendance
    .filter((a) => a.status === 'present' && (isFamilyKind(a.kind) || (a.kind === 'professional' && a.directContactChildIds.includes(child.childId))))
    .map((a) => `${a.name}, ${a.role}`)
    .join('\n');
  const familyPresent = state.attendance.some((a) => a.status === 'present' && isFamilyKind(a.kind));
  const earlyReview = !context.quorate && context.rules.inquorate.earlyReviewIfPlan;
  return {
    categories: context.existingPlan ? [...context.existingPlan.categories] : [],
    leadSocialWorkerId: allocated,
    contactTeamManagerId: manager,
    coreGroup,
    firstCoreGroupOn: context.firstCoreGroupDue ?? '',
    reviewOn: earlyReview ? '' : context.reviewDue,
    parentsView: familyPresent ? '' : 'not-present',
  };
}
