import { and, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceChildren, conferences, meetingDecisions, users } from '../../db/schema/index.js';
import { c06PlanStartsOnInitialConference, countsAsInitialConference, refusalMessage } from '../../domain/census/rules.js';
import { reviewEndingProblems, type FirstReviewException } from '../../domain/plans/ending.js';
import { normaliseCategories } from '../../domain/conference/categories.js';
import { checkDecision, type DecisionInput } from '../../domain/conference/decision.js';
import { deadlineIfSet, dueDateText, writtenViewsDates } from '../../domain/conference/meeting-deadlines.js';
import { mayChairConference } from '../../policies/meeting.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { blankToNull, requireActor, requireOpenMeeting } from './common.js';
import { decisionContextFor, loadDecisionFacts } from './decision-context.js';
import { loadMeetingCore, subjectOf } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { saveVersioned } from '../shared/versioned-update.js';

function withoutHistory<T extends { history: unknown }>({ history: _h, ...before }: T): Omit<T, 'history'> {
  return before;
}

async function checkPeople(db: Database, input: DecisionInput): Promise<void> {
  const ids = [input.leadSocialWorkerId, input.contactTeamManagerId].filter((x): x is string => Boolean(x));
  if (ids.length === 0) return;
  const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  if (found.length !== new Set(ids).size) throw new ValidationError([{ field: 'leadSocialWorkerId', message: 'Select the lead social worker from the list' }]);
}

/** Whether the child's plan has already been reviewed at a held conference, so this is not its first review (EN3). */
async function heldReviewSince(db: Database, childId: string, planStart: string, thisConference: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conferences.id })
    .from(conferences)
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(
      eq(conferenceChildren.childId, childId), eq(conferences.status, 'held'), inArray(conferences.kind, ['review', 'designated-review']),
      gte(conferences.heldOn, planStart), ne(conferences.id, thisConference),
    ))
    .limit(1);
  return Boolean(row);
}

/**
 * The chair's decision for one child (DC1–DC8), checked against the views and the quorum as they
 * stand. It can be changed while the meeting is open (a change of outcome needs a reason); the
 * plan itself is started, continued or ended when the conference is recorded as held.
 */
export async function recordDecision(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  childId: string,
  input: DecisionInput,
  version: number | null,
): Promise<string> {
  const core = await loadMeetingCore(db, conferenceId);
  if (!mayChairConference(context.actor, core.conference)) throw new ForbiddenError('Only the chair of this conference records the decision.');
  const actorId = requireActor(context);
  requireOpenMeeting(core);
  const child = subjectOf(core, childId);
  const state = await loadDecisionFacts(db, core, child);
  const existing = state.decisions.find((d) => d.childId === childId) ?? null;
  if (existing) await assertVersion(db, `The decision for ${child.name}`, existing, version ?? -1);

  const { context: decisionContext, openPlan, conferenceDate } = await decisionContextFor(db, state, child);
  const checked = checkDecision(input, decisionContext);
  if (checked.errors.length > 0) throw new ValidationError(checked.errors);
  // Census C06: a new plan starts on the date of the child's initial conference (CENSUS.md,
  // CPPstartDate). A review of a child who came as a review child but has no plan open (it ended
  // since the review was booked) would start one on a date the return cannot accept, so it is
  // refused, not warned: the export counts it as an error, and the way to a new plan is an initial
  // conference for the child (or adding the child to a conference as a child without a plan).
  if (input.outcome === 'plan' && !openPlan) {
    const day = conferenceDate.toString();
    const breach = c06PlanStartsOnInitialConference(day, countsAsInitialConference(state.conference.kind, child.childType) ? [day] : []);
    if (breach) {
      throw new ValidationError([{ field: 'outcome', message: refusalMessage(breach, `${child.name} has no plan open for this review to continue: choose another outcome, and ask for an initial conference if a new plan is needed.`) }]);
    }
  }
  await checkPeople(db, input);

  const calendar = await workingCalendar(db);
  const furtherConference = checked.basis === 'overrule' ? deadlineIfSet('TS21', state.pack, conferenceDate, calendar) : null;
  const endsPlan = openPlan !== null && openPlan.startConferenceId !== conferenceId && input.outcome !== 'plan' && input.outcome !== 'adjourned';
  // EN3: where the pack restricts it, a review ends a plan only with these answers given.
  const endingChecks = endsPlan && openPlan ? {
    firstReview: !(await heldReviewSince(db, childId, openPlan.startDate, conferenceId)),
    exception: input.endingException ?? null,
    childViewAscertained: input.childViewOnEnding ?? false,
    coreAssessmentComplete: input.coreAssessmentComplete ?? false,
  } : null;
  const endingProblems = endingChecks ? reviewEndingProblems(state.pack, { ...endingChecks, exception: endingChecks.exception as FirstReviewException | null }) : [];
  if (endingProblems.length > 0) throw new ValidationError(endingProblems.map((message) => ({ field: 'endingChecks', message })));
  const inquorateEnd = endsPlan && !decisionContext.quorate;
  const writtenViews = inquorateEnd && state.rules.inquorate.discontinuationNeedsWrittenViews ? writtenViewsDates(state.pack, conferenceDate, calendar) : null;
  const isPlan = input.outcome === 'plan';

  const values = {
    outcome: input.outcome,
    sufferedHarm: input.sufferedHarm,
    sufferedHarmReasons: input.sufferedHarmReasons.trim(),
    likelyHarm: input.likelyHarm,
    likelyHarmReasons: input.likelyHarmReasons.trim(),
    categories: isPlan ? normaliseCategories(input.categories) : [],
    categoryChangeGrounds: blankToNull(input.categoryChangeGrounds),
    chairView: input.chairView,
    basis: checked.basis,
    overrule: input.overrule,
    overruleReasons: blankToNull(input.overruleReasons),
    furtherConferenceBy: furtherConference ? dueDateText(furtherConference) : null,
    quorate: decisionContext.quorate,
    inquorateReasons: decisionContext.quorate ? null : blankToNull(input.inquorateReasons),
    earlyReview: checked.earlyReview,
    dissents: checked.dissents,
    variationReason: blankToNull(input.variationReason),
    childInNeedRecommendation: input.outcome === 'no-plan-cin' ? blankToNull(input.childInNeedRecommendation) : null,
    legalActionRecommendation: input.outcome === 'legal-action' ? blankToNull(input.legalActionRecommendation) : null,
    interimSafetyPlan: input.outcome === 'adjourned' ? blankToNull(input.interimSafetyPlan) : null,
    parentsView: input.parentsView,
    complaintsRouteExplained: input.complaintsRouteExplained,
    leadSocialWorkerId: isPlan ? input.leadSocialWorkerId : null,
    contactTeamManagerId: isPlan ? input.contactTeamManagerId : null,
    coreGroupMembers: isPlan ? input.coreGroupMembers.map((m) => ({ name: m.name.trim(), role: m.role.trim() })) : [],
    firstCoreGroupOn: isPlan ? input.firstCoreGroupOn : null,
    reviewOn: isPlan ? input.reviewOn : null,
    reviewTriggers: isPlan ? blankToNull(input.reviewTriggers) : null,
    childrensCentre: isPlan && decisionContext.childUnderFive ? input.childrensCentre : null,
    childrensCentreReason: isPlan && input.childrensCentre === 'not-told' ? blankToNull(input.childrensCentreReason) : null,
    endingChecks,
    writtenViewsSoughtBy: writtenViews?.viewsSoughtBy ?? null,
    writtenResponsesBy: writtenViews?.responsesBy ?? null,
    discontinuationPending: inquorateEnd && (state.rules.inquorate.discontinuationNeedsWrittenViews || state.rules.inquorate.writeToMissingAgencies),
    decidedBy: actorId,
    decidedAt: context.now,
    updatedAt: context.now,
    updatedBy: actorId,
  };

  return db.transaction(async (tx) => {
    // A varied decision keeps what it said before in its history.
    const history = existing ? [...existing.history, withoutHistory(existing)] : [];
    const id = await saveVersioned(
      tx, meetingDecisions, existing, { ...values, history },
      { ...values, conferenceId, childId, conferenceChildId: child.conferenceChildId },
      () => lostRace(`The decision for ${child.name}`),
    );
    await recordAudit(tx, context, {
      action: existing ? 'decision-varied' : 'decision-recorded', recordType: 'meeting-decision', recordId: id, childId,
      reason: values.variationReason ?? values.overruleReasons ?? values.inquorateReasons,
      details: { outcome: input.outcome, categories: values.categories, basis: checked.basis, quorate: values.quorate },
    });
    return id;
  });
}
