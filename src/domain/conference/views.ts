import { AGENCY_LABELS, type AgencyId } from './agencies.js';
import type { CategoryCode } from './categories.js';
import type { MeetingRules } from './meeting-rules.js';

/** Whether a plan is needed: what each view, and the chair's decision, comes down to. */
export type PlanCall = 'plan' | 'no-plan';

export interface PractitionerView {
  id: string;
  name: string;
  agency: AgencyId;
  planNeeded: boolean;
  categories: readonly CategoryCode[];
  reasons: string;
}

export interface ViewTally {
  plan: number;
  noPlan: number;
  majority: PlanCall | 'tie' | 'none';
  unanimous: boolean;
}

/** The basis a decision rests on, shown on the record (DC3). */
export type DecisionBasis = 'unanimous' | 'majority' | 'casting-vote' | 'overrule' | 'chair';

export interface Dissent {
  name: string;
  agency: string;
  view: string;
}

/** Agencies with more than one view for the same child: Pan-Dorset allows one each (DC2). */
export function agenciesWithSeveralViews(views: readonly PractitionerView[]): AgencyId[] {
  const seen = new Map<AgencyId, number>();
  for (const v of views) seen.set(v.agency, (seen.get(v.agency) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([a]) => a);
}

export function tallyViews(views: readonly PractitionerView[]): ViewTally {
  const plan = views.filter((v) => v.planNeeded).length;
  const noPlan = views.length - plan;
  const majority = views.length === 0 ? 'none' : plan > noPlan ? 'plan' : noPlan > plan ? 'no-plan' : 'tie';
  return { plan, noPlan, majority, unanimous: views.length > 0 && (plan === 0 || noPlan === 0) };
}

export interface ChairCall {
  decision: PlanCall;
  /** The chair's own view: breaks a tie where the pack says so. */
  chairView?: PlanCall | undefined;
  overrule: boolean;
}

export type DecisionCheck = { ok: true; basis: DecisionBasis } | { ok: false; field: string; message: string };

/**
 * DC3: whether the chair's decision on the need for a plan stands against the views given.
 * National: the chair decides after hearing the views. Pan-Dorset: the agencies' majority
 * decides, the chair's view breaks a tie, and the chair may overrule only towards a plan.
 */
export function checkChairDecision(rules: MeetingRules['views'], views: readonly PractitionerView[], call: ChairCall): DecisionCheck {
  if (views.length === 0) {
    return { ok: false, field: 'outcome', message: 'Record the views of those present on whether a plan is needed before the decision' };
  }
  if (rules.givenBy === 'each-agency') {
    const twice = agenciesWithSeveralViews(views);
    if (twice.length > 0) {
      return { ok: false, field: 'outcome', message: `Each agency gives one view: ${twice.map((a) => AGENCY_LABELS[a]).join(', ')} gave more than one` };
    }
  }
  if (rules.decidedBy === 'chair') {
    if (call.overrule) return { ok: false, field: 'overrule', message: 'The chair decides here, so there is no majority to overrule' };
    return { ok: true, basis: 'chair' };
  }
  const tally = tallyViews(views);
  if (tally.majority === 'tie') {
    if (!call.chairView) return { ok: false, field: 'chairView', message: "The agencies' views are tied: give the chair's view, which decides" };
    if (call.chairView === call.decision) {
      if (call.overrule) return { ok: false, field: 'overrule', message: "The chair's view decides a tie; no overrule is needed" };
      return { ok: true, basis: 'casting-vote' };
    }
    // A tie the chair resolves against their own view is not coherent.
    return { ok: false, field: 'outcome', message: "On a tie the decision follows the chair's view" };
  }
  if (tally.majority === call.decision) {
    if (call.overrule) return { ok: false, field: 'overrule', message: 'The decision follows the majority; no overrule is needed' };
    return { ok: true, basis: tally.unanimous ? 'unanimous' : 'majority' };
  }
  if (call.decision === 'no-plan') {
    return { ok: false, field: 'outcome', message: 'The majority of agencies think a plan is needed; the chair may overrule only to make or keep a plan' };
  }
  if (!rules.chairMayOverruleToPlan) {
    return { ok: false, field: 'outcome', message: 'The majority of agencies do not think a plan is needed' };
  }
  if (!call.overrule) {
    return {
      ok: false,
      field: 'overrule',
      message: 'The majority of agencies do not think a plan is needed: to make or keep a plan the chair must overrule, with reasons, and tell senior managers',
    };
  }
  return { ok: true, basis: 'overrule' };
}

/** Everyone whose view differs from the decision, with name and view, for the record (DC3). */
export function dissentsFrom(views: readonly PractitionerView[], decision: PlanCall): Dissent[] {
  return views
    .filter((v) => (v.planNeeded ? 'plan' : 'no-plan') !== decision)
    .map((v) => ({
      name: v.name,
      agency: AGENCY_LABELS[v.agency],
      view: `${v.planNeeded ? 'A plan is needed' : 'A plan is not needed'}${v.reasons ? `: ${v.reasons}` : ''}`,
    }));
}
