import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, conferenceStatusHistory } from '../../db/schema/index.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { conferenceDueDate, dueDateOf } from '../../domain/conference/due-date.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import type { MeetingState } from './meeting-state.js';

/**
 * TS20: the conference reconvenes for the children whose decision was deferred. It starts as
 * "requested", due by the pack's reconvening timescale, so business support books it through the
 * usual flow; the same chair is kept (CV4). Returns the new conference id.
 */
export async function createReconvenedConference(
  tx: Queryable,
  context: ActionContext,
  state: MeetingState,
  adjournedChildIds: readonly string[],
  conferenceDate: Temporal.PlainDate,
  calendar: WorkingCalendar,
): Promise<string> {
  const { conference } = state;
  const due = conferenceDueDate({ kind: 'reconvened', pack: state.pack, adjournedOn: conferenceDate }, calendar);
  const [row] = await tx
    .insert(conferences)
    .values({
      householdId: conference.householdId,
      kind: 'reconvened',
      status: 'requested',
      pack: conference.pack,
      requestedBy: context.actor?.id ?? null,
      requestedAt: context.now,
      dueDate: due ? dueDateOf(due) : null,
      dueRuleId: due?.ruleId ?? null,
      dueFromFact: due ? due.from.fact : 'adjourned conference',
      dueFromDate: conferenceDate.toString(),
      chairId: conference.chairId,
      format: conference.format,
      slotMinutes: conference.slotMinutes,
      reconvenedFromId: conference.id,
      iroId: conference.iroId,
      lacChairArrangement: conference.lacChairArrangement,
      createdAt: context.now,
    })
    .returning({ id: conferences.id });
  if (!row) throw new Error('conference insert returned nothing');
  const rows = await tx.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conference.id));
  for (const c of rows) {
    const deferred = c.role === 'subject' && adjournedChildIds.includes(c.childId);
    await tx.insert(conferenceChildren).values({
      conferenceId: row.id,
      caseId: c.caseId,
      childId: c.childId,
      // Children already decided are still considered, as members of the household (CV2).
      role: deferred ? 'subject' : 'household',
      childType: deferred ? c.childType : null,
      likelyHarm: c.likelyHarm,
      harmFrom: c.harmFrom,
    });
  }
  await tx.insert(conferenceStatusHistory).values({
    conferenceId: row.id,
    fromStatus: null,
    toStatus: 'requested',
    event: 'reconvene',
    at: context.now,
    by: context.actor?.id ?? null,
    reason: `Reconvenes the conference adjourned on ${conferenceDate.toString()}`,
    details: { reconvenedFromId: conference.id, dueDate: due ? dueDateOf(due) : null, dueRuleId: due?.ruleId ?? null },
  });
  for (const childId of adjournedChildIds) {
    await recordAudit(tx, context, {
      action: 'conference-reconvened', recordType: 'conference', recordId: row.id, childId,
      details: { from: conference.id, dueDate: due ? dueDateOf(due) : null },
    });
  }
  return row.id;
}
