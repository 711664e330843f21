import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, DeadlineInputError, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';
import { planRules } from './plan-rules.js';
import { isOneOf } from '../choices.js';

export const CORE_GROUP_CHAIR_ROLES = ['lead-social-worker', 'team-manager'] as const;
export type CoreGroupChairRole = (typeof CORE_GROUP_CHAIR_ROLES)[number];

export interface CoreGroupHeld {
  readonly heldOn: string;
  readonly nextIntervalWeeks: number | null;
  readonly chairRole?: string;
}

export interface CoreGroupFacts {
  readonly pack: PackId;
  readonly calendar: WorkingCalendar;
  /** The conference that made the plan (ICPC, or a transfer-in conference). */
  readonly planStartedOn: string;
  /** Held conferences that kept the plan going after it started (reviews), any order. */
  readonly laterConferencesKeepingPlan: readonly string[];
  readonly coreGroups: readonly CoreGroupHeld[];
}

export interface NextCoreGroup {
  /** TS8 for the first core group after the conference it counts from, TS9 after that. */
  readonly deadline: Deadline | null;
  readonly first: boolean;
  /** Why no date can be given, in words a person can act on. */
  readonly problem: string | null;
}

const byDate = <T extends { heldOn: string }>(a: T, b: T) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0);

/** The conference the first core group is counted from: the initial one, or (nottinghamshire) the latest that kept the plan. */
export function coreGroupCountedFrom(facts: Pick<CoreGroupFacts, 'pack' | 'planStartedOn' | 'laterConferencesKeepingPlan'>): string {
  if (!planRules(facts.pack).firstCoreGroupAfterEveryConference) return facts.planStartedOn;
  return [facts.planStartedOn, ...facts.laterConferencesKeepingPlan].sort().at(-1)!;
}

/**
 * TS8, TS9: when the next core group is due. The first within the pack's working days of the
 * conference it counts from; each later one within the interval, which the conference or the
 * core group sets where the pack has no figure of its own (recorded with each meeting).
 */
export function nextCoreGroupDue(facts: CoreGroupFacts): NextCoreGroup {
  const from = coreGroupCountedFrom(facts);
  const since = facts.coreGroups.filter((c) => c.heldOn >= from).sort(byDate);
  const last = since.at(-1);
  if (!last) {
    const deadline = computeDeadline({ ruleId: 'TS8', pack: facts.pack, from: Temporal.PlainDate.from(from), calendar: facts.calendar });
    return { deadline, first: true, problem: null };
  }
  try {
    const deadline = computeDeadline({
      ruleId: 'TS9', pack: facts.pack, from: Temporal.PlainDate.from(last.heldOn), calendar: facts.calendar,
      intervalWeeks: last.nextIntervalWeeks ?? undefined,
    });
    return { deadline, first: false, problem: null };
  } catch (error) {
    if (error instanceof DeadlineInputError && error.missing === 'intervalWeeks') {
      return { deadline: null, first: false, problem: 'No interval to the next core group was recorded at the last meeting: record when the core group meets next.' };
    }
    throw error;
  }
}

/**
 * CG1: the lead social worker chairs the core group; in nottinghamshire the team manager chairs
 * the first or the second after the initial conference. Refused at the second meeting when
 * neither it nor the first had the team manager in the chair.
 */
export function coreGroupChairProblem(
  pack: PackId,
  meeting: { number: number; chairRole: string; earlierChairRoles: readonly string[] },
): string | null {
  if (!isOneOf(CORE_GROUP_CHAIR_ROLES, meeting.chairRole)) {
    return 'The core group is chaired by the lead social worker or the team manager.';
  }
  const n = planRules(pack).teamManagerChairsOneOfFirst;
  if (n === 0 || meeting.number !== n) return null;
  const roles = [...meeting.earlierChairRoles.slice(0, n - 1), meeting.chairRole];
  if (roles.includes('team-manager')) return null;
  return n === 2
    ? 'The team manager must chair the first or second core group after the initial conference, and did not chair the first.'
    : `The team manager must chair one of the first ${n} core groups after the initial conference.`;
}

/** CG1: every absent member's written views are recorded (or the record says none came). */
export function absenteeProblems(members: readonly { name: string; attended: boolean; writtenViews: string }[]): { index: number; message: string }[] {
  return members.flatMap((m, index) =>
    !m.attended && m.writtenViews.trim() === '' ? [{ index, message: `Record ${m.name || 'this member'}’s written views, or write that none were sent` }] : [],
  );
}

/** TS27: the updated detailed plan is distributed within the pack's days of the core group; null where the pack sets no figure. */
export function planDistributionDue(pack: PackId, heldOn: string, calendar: WorkingCalendar): Deadline | null {
  try {
    return computeDeadline({ ruleId: 'TS27', pack, from: Temporal.PlainDate.from(heldOn), calendar });
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

/**
 * UB2: for an unborn child the core group meets before the birth where possible, and in any
 * case before the baby goes home, and the plan carries a discharge-home plan.
 */
export function unbornCoreGroupPrompt(facts: {
  expectedDeliveryDate: string | null;
  born: boolean;
  coreGroupsHeld: number;
  dischargePlanRecorded: boolean;
}): string | null {
  if (facts.born || !facts.expectedDeliveryDate) return null;
  const parts: string[] = [];
  if (facts.coreGroupsHeld === 0) parts.push(`Hold a core group before the baby is born (expected ${facts.expectedDeliveryDate}), and in any case before the baby goes home.`);
  if (!facts.dischargePlanRecorded) parts.push('Record the plan for the baby leaving hospital at a core group.');
  return parts.length ? parts.join(' ') : null;
}
