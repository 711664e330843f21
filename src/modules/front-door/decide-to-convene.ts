import { and, eq, inArray, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import {
  agencyConferenceRequests, cases, conferenceChildren, conferences, conferenceStatusHistory, section47Enquiries,
} from '../../db/schema/index.js';
import { conferenceDueDate, dueDateOf } from '../../domain/conference/due-date.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../domain/conference/transitions.js';
import {
  checkDecisionToConvene, countingExpectedDeliveryDate, countingStrategyDiscussionOn, type ChildChoice, type ConveneKind,
} from '../../domain/front-door/convene-checks.js';
import type { RuleProblem } from '../../domain/rules/rule-problem.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadHousehold, loadHouseholdChildren } from '../shared/load-records.js';

export interface ConveneInput {
  kind: ConveneKind;
  decisionDate: string;
  /** One per child; a child of the household left out is listed as an other household child (CV2). */
  choices: ChildChoice[];
  epoExpiresOn?: string | undefined;
}

/** A conference still to happen: a child already in one as a subject is not convened for again. */
// An adjourned conference is carried on by its reconvened conference (TS20), which is listed here.
export const ACTIVE_STATUSES: ConferenceStatus[] = ['awaiting-authorisation', 'requested', 'booked', 'invitations-sent'];

const PLAN_KIND = { initial: 'initial', 'pre-birth': 'pre-birth' } as const;

/**
 * FD5, CV1, CV2, CV5, UB1: the decision to convene an initial (or pre-birth) conference for a
 * household, waiting for a team manager's authorisation. The statutory due date comes from the
 * strategy discussion that began the subjects' enquiries (TS1) or the expected date of delivery (TS3).
 */
export async function decideToConvene(db: Database, context: ActionContext, householdId: string, pack: PackId, input: ConveneInput): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  await loadHousehold(db, householdId);
  const today = londonDateOf(context.now);
  const children = (await loadHouseholdChildren(db, householdId, today)).filter((c) => c.hasCase);
  const choices: ChildChoice[] = children.map((c) => input.choices.find((x) => x.caseId === c.caseId) ?? { caseId: c.caseId, role: 'household' });
  const problems: RuleProblem[] = [];
  if (input.choices.some((x) => !children.some((c) => c.caseId === x.caseId))) {
    problems.push({ field: 'children', message: 'A chosen child is not in this household' });
  }
  problems.push(...checkDecisionToConvene(input.kind, children, choices));
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(input.decisionDate), today) > 0) {
    problems.push({ field: 'decisionDate', message: 'The date of the decision cannot be in the future' });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const subjectIds = choices.filter((c) => c.role === 'subject').map((c) => c.caseId);
  const subjects = children.filter((c) => subjectIds.includes(c.caseId));
  const discussionOn = countingStrategyDiscussionOn(children, subjectIds);
  const edd = countingExpectedDeliveryDate(children, subjectIds);
  const calendar = await workingCalendar(db);
  const due = conferenceDueDate(
    {
      kind: PLAN_KIND[input.kind], pack,
      strategyDiscussionOn: discussionOn ? Temporal.PlainDate.from(discussionOn) : undefined,
      expectedDeliveryDate: input.kind === 'pre-birth' && edd ? Temporal.PlainDate.from(edd) : undefined,
      decisionToConveneOn: Temporal.PlainDate.from(input.decisionDate),
    },
    calendar,
  );
  const lookedAfter = subjects.find((c) => c.lookedAfter);

  return db.transaction(async (tx) => {
    // Serialise decisions about the same children: a double submit finds the first one below.
    await tx.select({ id: cases.id }).from(cases).where(inArray(cases.id, subjectIds)).for('update');
    const clash = await tx
      .select({ caseId: conferenceChildren.caseId, status: conferences.status })
      .from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(inArray(conferenceChildren.caseId, subjectIds), eq(conferenceChildren.role, 'subject'), inArray(conferences.status, ACTIVE_STATUSES)));
    if (clash.length > 0) {
      const first = clash[0]!;
      const who = subjects.find((c) => c.caseId === first.caseId)?.name ?? 'A subject child';
      throw new ConflictError(`A conference is already being arranged for ${who} (${STATUS_LABELS[first.status as ConferenceStatus].toLowerCase()}).`);
    }
    const [conference] = await tx
      .insert(conferences)
      .values({
        householdId, kind: input.kind, status: 'awaiting-authorisation', pack,
        decisionToConveneOn: input.decisionDate, requestedBy: context.actor?.id ?? null, requestedAt: context.now,
        dueDate: due ? dueDateOf(due) : null, dueRuleId: due?.ruleId ?? null,
        dueFromFact: due?.from.fact ?? null, dueFromDate: due ? due.from.value.slice(0, 10) : null,
        epoExpiresOn: input.epoExpiresOn ?? null,
        iroId: lookedAfter?.iroId ?? null,
        createdAt: context.now,
      })
      .returning({ id: conferences.id });
    if (!conference) throw new Error('conference insert returned nothing');
    await tx.insert(conferenceChildren).values(children.map((c) => {
      const choice = choices.find((x) => x.caseId === c.caseId);
      const subject = choice?.role === 'subject';
      return {
        conferenceId: conference.id, caseId: c.caseId, childId: c.childId, role: subject ? 'subject' : 'household',
        childType: subject ? 'initial' : null, likelyHarm: subject ? (choice.likelyHarm ?? null) : null, harmFrom: subject ? (choice.harmFrom ?? null) : null,
      };
    }));
    await tx.insert(conferenceStatusHistory).values({
      conferenceId: conference.id, fromStatus: null, toStatus: 'awaiting-authorisation', event: 'decide-to-convene',
      at: context.now, by: context.actor?.id ?? null, details: { kind: input.kind, subjects: subjectIds },
    });
    // The enquiry now ends in a conference, so the census "ICPC not required" no longer holds.
    await tx.update(section47Enquiries).set({ icpcNotRequired: false })
      .where(and(inArray(section47Enquiries.caseId, subjectIds), eq(section47Enquiries.icpcNotRequired, true)));
    await tx.update(agencyConferenceRequests).set({ conferenceId: conference.id })
      .where(and(inArray(agencyConferenceRequests.caseId, subjectIds), eq(agencyConferenceRequests.decision, 'agreed'), isNull(agencyConferenceRequests.conferenceId)));
    await auditForChildren(tx, context, children.map((c) => c.childId), {
      action: 'conference-convened', recordType: 'conference', recordId: conference.id,
      details: { kind: input.kind, subjects: subjectIds, dueDate: due ? dueDateOf(due) : null, dueRuleId: due?.ruleId ?? null },
    });
    return conference.id;
  });
}
