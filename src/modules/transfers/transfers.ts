import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory, householdMembers, invitations, people, transferNotices,
} from '../../db/schema/index.js';
import { c08NewPlanOverlaps, refusalMessage } from '../../domain/census/rules.js';
import { conferenceDueDate, dueDateOf } from '../../domain/conference/due-date.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayHandleTransfers } from '../../policies/escalation.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

export interface OtherAuthority {
  otherAuthority: string;
  otherContactName: string;
  otherContactEmail: string;
}

/**
 * TR1: a child on another authority's plan has moved here. Record a temporary plan, request the
 * transfer-in conference (due by TS2 from the notice), and invite the originating lead social
 * worker with a request for their report.
 */
export async function recordTransferIn(
  db: Database,
  context: ActionContext,
  input: OtherAuthority & { childId: string; otherPlanCategory: string; noticeReceivedOn: string; movedOn: string; pack: PackId },
): Promise<{ transferId: string; conferenceId: string }> {
  if (!mayHandleTransfers(context.actor) || !context.actor) throw new ForbiddenError();
  const actor = context.actor;
  const [child] = await db.select().from(people).where(eq(people.id, input.childId));
  if (!child || child.kind !== 'child') throw new ValidationError([{ field: 'childId', message: 'Choose the child who has moved in' }]);
  if (input.noticeReceivedOn > londonIsoDate(context.now)) {
    throw new ValidationError([{ field: 'noticeReceivedOn', message: 'The date notice was received cannot be in the future' }]);
  }
  const calendar = await workingCalendar(db);
  const due = conferenceDueDate({ kind: 'transfer-in', pack: input.pack, transferNoticeReceivedOn: Temporal.PlainDate.from(input.noticeReceivedOn) }, calendar);
  return db.transaction(async (tx) => {
    // Census C08 is refused, not warned: CENSUS.md allows one open plan per child and no overlaps,
    // and the export counts an overlap as an error. A child already on one of our plans (another
    // authority's plan for a child placed here is not ours, RG1) has not moved in on someone else's.
    const ours = await tx.select({ startDate: childProtectionPlans.startDate, endDate: childProtectionPlans.endDate }).from(childProtectionPlans)
      .where(and(eq(childProtectionPlans.childId, child.id), isNull(childProtectionPlans.responsibleAuthority)));
    const overlap = c08NewPlanOverlaps({ startDate: input.movedOn, endDate: null }, ours);
    if (overlap) {
      throw new ValidationError([{ field: 'childId', message: refusalMessage(overlap, 'A temporary plan from the move would overlap it: check you chose the right child, or end that plan first.') }]);
    }
    let [openCase] = await tx.select().from(cases).where(and(eq(cases.childId, child.id), isNull(cases.closedOn)));
    if (!openCase) {
      const [membership] = await tx.select().from(householdMembers).where(and(eq(householdMembers.personId, child.id), isNull(householdMembers.toDate)));
      [openCase] = await tx
        .insert(cases)
        .values({ childId: child.id, householdId: membership?.householdId ?? null, organisationId: actor.organisationId, openedOn: input.noticeReceivedOn, primaryNeedCode: 'N1' })
        .returning();
    }
    if (!openCase) throw new Error('case not created');
    const earlier = await tx.select({ id: childProtectionPlans.id }).from(childProtectionPlans).where(eq(childProtectionPlans.childId, child.id));
    const [temporary] = await tx
      .insert(childProtectionPlans)
      .values({ caseId: openCase.id, childId: child.id, startDate: input.movedOn, initialCategories: [input.otherPlanCategory], latestCategories: [input.otherPlanCategory], previousPlans: earlier.length })
      .returning({ id: childProtectionPlans.id });
    const [conference] = await tx
      .insert(conferences)
      .values({
        householdId: openCase.householdId, kind: 'transfer-in', status: 'requested', pack: input.pack, decisionToConveneOn: input.noticeReceivedOn,
        requestedBy: actor.id, requestedAt: context.now, authorisedBy: actor.id, authorisedAt: context.now,
        transferNoticeReceivedOn: input.noticeReceivedOn,
        dueDate: due ? dueDateOf(due) : null, dueRuleId: due?.ruleId ?? null, dueFromFact: due?.from.fact ?? null, dueFromDate: input.noticeReceivedOn,
      })
      .returning({ id: conferences.id });
    if (!conference || !temporary) throw new Error('transfer-in rows not created');
    await tx.insert(conferenceChildren).values({ conferenceId: conference.id, caseId: openCase.id, childId: child.id, role: 'subject', childType: 'initial' });
    await tx.insert(conferenceStatusHistory).values({ conferenceId: conference.id, fromStatus: null, toStatus: 'requested', event: 'transfer-in-notice', at: context.now, by: actor.id });
    await tx.insert(invitations).values({
      conferenceId: conference.id, inviteeKind: 'professional', name: input.otherContactName, role: 'Originating lead social worker',
      organisationName: input.otherAuthority, email: input.otherContactEmail, channel: 'secure-email', state: 'confirmed',
      suggestedBecause: 'The child moved here on a plan: the originating lead social worker is invited and asked for a report (TR1).',
    });
    const [transfer] = await tx
      .insert(transferNotices)
      .values({
        direction: 'in', childId: child.id, caseId: openCase.id, otherAuthority: input.otherAuthority, otherContactName: input.otherContactName,
        otherContactEmail: input.otherContactEmail, otherPlanCategory: input.otherPlanCategory, noticeReceivedOn: input.noticeReceivedOn,
        movedOn: input.movedOn, conferenceId: conference.id, temporaryPlanId: temporary.id, status: 'conference-requested', createdBy: actor.id, createdAt: context.now,
      })
      .returning({ id: transferNotices.id });
    if (!transfer) throw new Error('transfer not created');
    await recordAudit(tx, context, { action: 'transfer-in-recorded', recordType: 'transfer', recordId: transfer.id, childId: child.id, details: { dueDate: due ? dueDateOf(due) : null } });
    return { transferId: transfer.id, conferenceId: conference.id };
  });
}

/** TR2: tell the receiving authority; our plan stays until their conference has decided. */
export async function recordTransferOut(
  db: Database,
  context: ActionContext,
  input: OtherAuthority & { planId: string; movedOn: string },
): Promise<string> {
  if (!mayHandleTransfers(context.actor) || !context.actor) throw new ForbiddenError();
  const actor = context.actor;
  const [plan] = await db.select().from(childProtectionPlans).where(eq(childProtectionPlans.id, input.planId));
  if (!plan || plan.endDate) throw new ValidationError([{ field: 'planId', message: 'Choose a child protection plan that is still open' }]);
  const [child] = await db.select().from(people).where(eq(people.id, plan.childId));
  return db.transaction(async (tx) => {
    const [transfer] = await tx
      .insert(transferNotices)
      .values({
        direction: 'out', childId: plan.childId, caseId: plan.caseId, otherAuthority: input.otherAuthority, otherContactName: input.otherContactName,
        otherContactEmail: input.otherContactEmail, otherPlanCategory: plan.latestCategories.join(', '), noticeSentOn: londonIsoDate(context.now),
        movedOn: input.movedOn, status: 'open', createdBy: actor.id, createdAt: context.now,
      })
      .returning({ id: transferNotices.id });
    if (!transfer) throw new Error('transfer not created');
    await enqueueMessage(tx, {
      channel: 'email', toName: input.otherContactName, toAddress: input.otherContactEmail,
      subject: 'Notice: a child subject to a child protection plan has moved to your area',
      bodyText: [
        `A child subject to a child protection plan with us moved to your area on ${input.movedOn}.`,
        `Child: ${[child?.givenNames, child?.familyName].filter(Boolean).join(' ')}; date of birth ${child?.dateOfBirth ?? 'not known'}.`,
        `Category: ${plan.latestCategories.join(', ')}. Our plan stays in place until your conference has decided.`,
        `Contact: ${actor.displayName}.`,
      ].join('\n'),
      relatedType: 'transfer', relatedId: transfer.id,
    }, context.now);
    await recordAudit(tx, context, { action: 'transfer-out-notified', recordType: 'transfer', recordId: transfer.id, childId: plan.childId });
    return transfer.id;
  });
}

/** The receiving authority's conference has decided: our plan may now end (EN1, "moved" route). */
export async function recordReceivingConference(
  db: Database,
  context: ActionContext,
  transferId: string,
  input: { theirConferenceOn: string; theirDecision: string },
): Promise<void> {
  if (!mayHandleTransfers(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [transfer] = await tx.select().from(transferNotices).where(eq(transferNotices.id, transferId));
    if (!transfer) throw new NotFoundError('That transfer does not exist.');
    if (transfer.direction !== 'out') throw new ConflictError('Only a move out waits for the receiving authority’s conference.');
    if (transfer.status === 'completed') throw new ConflictError('Their conference is already recorded.');
    if (transfer.movedOn && input.theirConferenceOn < transfer.movedOn) {
      throw new ValidationError([{ field: 'theirConferenceOn', message: 'Their conference cannot be before the child moved' }]);
    }
    await tx.update(transferNotices).set({ ...input, status: 'completed' }).where(eq(transferNotices.id, transferId));
    await recordAudit(tx, context, { action: 'receiving-conference-recorded', recordType: 'transfer', recordId: transferId, childId: transfer.childId });
  });
}

/** TR2 as a rule: our plan may end on a move only once the receiving authority's conference has decided. */
export function mayEndPlanAfterMove(transfer: { direction: string; theirConferenceOn: string | null }): boolean {
  return transfer.direction === 'out' && transfer.theirConferenceOn !== null;
}
