import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceChildren, conferences, conferenceStatusHistory, people, planEndings, type EndingConsultee } from '../../db/schema/index.js';
import { nextStatus } from '../../domain/conference/transitions.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { ENDING_DECIDER, ENDING_ROUTE_LABELS, endingProblems, type ContinuingSupport, type EndingRoute } from '../../domain/plans/ending.js';
import { mayEndPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { endingFacts, noticeRecipientsFor } from './ending-context.js';
import { arrangingConferenceFor, loadPlanCore } from './load-plan.js';
import { claimPlanVersion, ensureOpen, todayOf } from './plan-write.js';
import { bumpVersion } from '../shared/versioned-update.js';
import { stepDownToChildInNeed } from '../records/child-in-need-plan.js';
import { planEndedNotice } from '../../documents/plan-ended-notice.js';

export interface EndPlanInput {
  route: EndingRoute;
  endedOn: string;
  reason: string;
  continuingSupport: ContinuingSupport | null;
  continuingSupportDetails: string;
  receivingAuthority?: string | undefined;
  receivingConferenceOn?: string | undefined;
  noPlanToReturn?: boolean | undefined;
  consultation?: EndingConsultee[] | undefined;
  secondManagerName?: string | undefined;
  agreementReceivedOn?: string | undefined;
  planVersion: number;
}

/**
 * EN1, EN2, EN4, EN5, EN6: ends a plan by a route the pack allows, by the person that route
 * needs; records what help continues; tells everyone the pack names, through the outbox; and
 * stands down a review still waiting to be booked for this child alone.
 */
export async function endPlan(db: Database, context: ActionContext, pack: PackId, planId: string, input: EndPlanInput): Promise<{ notified: number; unreachable: string[] }> {
  const core = await loadPlanCore(db, planId);
  const { plan, name } = core;
  if (!mayEndPlan(context.actor, ENDING_DECIDER[input.route])) {
    throw new ForbiddenError(ENDING_DECIDER[input.route] === 'chair' ? 'Only the conference chair can confirm this ending.' : 'Only a service manager can end a plan without a conference.');
  }
  ensureOpen(plan, name);
  const calendar = await workingCalendar(db);
  const facts = await endingFacts(db, pack, calendar, core, todayOf(context));
  const problems = endingProblems(pack, facts, input);
  if (problems.length) throw new ValidationError(problems);
  const { recipients, unreachable, languageOf } = await noticeRecipientsFor(db, pack, core, input.route);
  const arranging = await arrangingConferenceFor(db, plan.childId);

  await db.transaction(async (tx) => {
    await claimPlanVersion(tx, planId, input.planVersion, { endDate: input.endedOn, endReason: input.route });
    // Census PersonDeathDate: the child's record carries the date, so nothing can be dated after it.
    if (input.route === 'death') {
      await tx.update(people).set({ dateOfDeath: input.endedOn }).where(and(eq(people.id, plan.childId), isNull(people.dateOfDeath)));
    }
    const [ending] = await tx.insert(planEndings).values({
      planId, childId: plan.childId, route: input.route, endedOn: input.endedOn, reason: input.reason.trim(),
      decidedBy: context.actor?.id ?? null, decidedByName: context.actor?.displayName ?? 'system',
      secondManagerName: input.secondManagerName?.trim() || null, consultation: input.consultation ?? [],
      continuingSupport: input.continuingSupport!, continuingSupportDetails: input.continuingSupportDetails.trim(),
      notified: recipients.map(({ because: _because, invitationId: _invitation, ...r }) => r), createdAt: context.now,
    }).returning({ id: planEndings.id });
    for (const r of recipients) {
      // Issue 14: a family member who reads another language is told in it first, then in English.
      const notice = planEndedNotice({
        name: r.name, child: name, endedOn: input.endedOn, route: input.route, support: input.continuingSupport!, details: input.continuingSupportDetails,
      }, languageOf(r));
      await enqueueMessage(tx, {
        channel: r.channel, toName: r.name, toAddress: r.address, subject: notice.subject, bodyText: notice.body,
        relatedType: 'plan-ending', relatedId: ending?.id ?? planId,
      }, context.now);
    }
    if (arranging && (arranging.kind === 'review' || arranging.kind === 'designated-review')) {
      const subjects = await tx.select({ childId: conferenceChildren.childId }).from(conferenceChildren)
        .where(and(eq(conferenceChildren.conferenceId, arranging.id), eq(conferenceChildren.role, 'subject')));
      if (subjects.every((s) => s.childId === plan.childId)) {
        const to = nextStatus(arranging.status as 'requested', 'cancel');
        await bumpVersion(tx, conferences, and(eq(conferences.id, arranging.id), inArray(conferences.status, [arranging.status])), { status: to });
        await tx.insert(conferenceStatusHistory).values({
          conferenceId: arranging.id, fromStatus: arranging.status, toStatus: to, event: 'cancel', at: context.now, by: context.actor?.id ?? null,
          reason: `The plan ended: ${ENDING_ROUTE_LABELS[input.route]}`,
        });
      }
    }
    // EN5's "a child in need plan" is the step-down the census records as CINPlanStartDate.
    if (input.continuingSupport === 'child-in-need-plan') await stepDownToChildInNeed(tx, context, { caseId: plan.caseId, childId: plan.childId, on: input.endedOn });
    await recordAudit(tx, context, {
      action: 'plan-ended', recordType: 'child-protection-plan', recordId: planId, childId: plan.childId, reason: input.reason.trim(),
      details: { route: input.route, endedOn: input.endedOn, continuingSupport: input.continuingSupport, notified: recipients.length, unreachable },
    });
  });
  return { notified: recipients.length, unreachable };
}
