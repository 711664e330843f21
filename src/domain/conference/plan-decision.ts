import { formatDate } from '../deadlines/format-date.js';

export interface CoreGroupMember {
  name: string;
  role: string;
}

/** What a plan decision names besides the outcome (DC6, DC8). Dates are YYYY-MM-DD. */
export interface PlanDetails {
  leadSocialWorkerId: string | null;
  contactTeamManagerId: string | null;
  coreGroupMembers: readonly CoreGroupMember[];
  firstCoreGroupOn: string | null;
  reviewOn: string | null;
  reviewTriggers: string;
  childrensCentre: 'told' | 'not-told' | null;
  childrensCentreReason: string;
}

export interface PlanDetailsContext {
  conferenceDate: string;
  firstCoreGroupDue: string | null;
  reviewDue: string;
  earlyReview: boolean;
  childUnderFive: boolean;
}

type FieldError = { field: string; message: string };

function firstCoreGroupErrors(input: PlanDetails, ctx: PlanDetailsContext): FieldError[] {
  const date = input.firstCoreGroupOn;
  if (date === null) {
    return ctx.firstCoreGroupDue === null ? [] : [{ field: 'firstCoreGroupOn', message: 'Set the date of the first core group' }];
  }
  if (date < ctx.conferenceDate) return [{ field: 'firstCoreGroupOn', message: 'The first core group must be on or after the conference' }];
  if (ctx.firstCoreGroupDue !== null && date > ctx.firstCoreGroupDue) {
    return [{ field: 'firstCoreGroupOn', message: `The first core group must be by ${formatDate(ctx.firstCoreGroupDue)} (TS8)` }];
  }
  return [];
}

function reviewErrors(input: PlanDetails, ctx: PlanDetailsContext): FieldError[] {
  const errors: FieldError[] = [];
  const date = input.reviewOn;
  if (date === null) errors.push({ field: 'reviewOn', message: 'Set the date of the review conference' });
  else if (date <= ctx.conferenceDate) errors.push({ field: 'reviewOn', message: 'The review must be after this conference' });
  else if (ctx.earlyReview && date >= ctx.reviewDue) {
    errors.push({ field: 'reviewOn', message: `The conference was not quorate, so the review must be early: before ${formatDate(ctx.reviewDue)}` });
  } else if (date > ctx.reviewDue) {
    errors.push({ field: 'reviewOn', message: `The review must be by ${formatDate(ctx.reviewDue)}` });
  }
  if (input.reviewTriggers.trim() === '') {
    errors.push({ field: 'reviewTriggers', message: 'Say what would bring the review forward' });
  }
  return errors;
}

/** DC6 and DC8: a plan names its lead, core group, first core group and review, and for an under-5 the children's centre. */
export function validatePlanDetails(input: PlanDetails, ctx: PlanDetailsContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.leadSocialWorkerId && !input.contactTeamManagerId) {
    errors.push({ field: 'leadSocialWorkerId', message: 'Name the lead social worker, or the team manager who is the contact until one is allocated' });
  }
  if (input.coreGroupMembers.length === 0) {
    errors.push({ field: 'coreGroupMembers', message: 'Name the members of the core group' });
  } else if (input.coreGroupMembers.some((m) => m.name.trim() === '' || m.role.trim() === '')) {
    errors.push({ field: 'coreGroupMembers', message: 'Give each core group member a name and a role' });
  }
  errors.push(...firstCoreGroupErrors(input, ctx), ...reviewErrors(input, ctx));
  if (ctx.childUnderFive) {
    if (input.childrensCentre === null) {
      errors.push({ field: 'childrensCentre', message: "The child is under 5: say whether the children's centre is told" });
    } else if (input.childrensCentre === 'not-told' && input.childrensCentreReason.trim() === '') {
      errors.push({ field: 'childrensCentreReason', message: "Give the reason the children's centre is not told" });
    }
  }
  return errors;
}
