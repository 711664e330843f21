import { Temporal } from 'temporal-polyfill';
import type { Transaction } from '../../db/client.js';
import {
  childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory, referrals, section47Enquiries,
  strategyDiscussionChildren, strategyDiscussions,
} from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import { conferenceDueDate, dueDateOf } from '../../domain/conference/due-date.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { DemoFamily } from './demo-families.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

export interface SeededChild {
  caseId: string;
  childId: string;
  unborn: boolean;
}

const DAY = 86_400_000;
const calendar = bundledCalendar('england-and-wales');

/** A working day `n` working days before `now` (demo history lands on working days, like real meetings). */
function workingDaysAgo(now: Date, n: number): string {
  const today = Temporal.PlainDate.from(londonIsoDate(now));
  return calendar.addWorkingDays(today, -n).toString();
}

function at(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
}

/**
 * Front-door and conference history for one demo family, so each family stands at its stage:
 * referral, strategy discussion, section 47, conference requested, on a plan, plan ended.
 */
export async function seedFamilyStage(
  tx: Transaction,
  family: DemoFamily,
  children: SeededChild[],
  ctx: { now: Date; householdId: string; worker: string | null; manager: string | null; chair: string | null; pack: PackId },
): Promise<void> {
  const ages: Record<DemoFamily['stage'], number> = {
    referral: 0, 'strategy-discussion': 2, 'section-47': 6, 'conference-requested': 9, 'on-a-plan': family.planHistory?.discussionWorkingDaysAgo ?? 60, 'plan-ended': 400,
  };
  const referralDay = workingDaysAgo(ctx.now, ages[family.stage] + 1);
  for (const child of children) {
    await tx.insert(referrals).values({
      caseId: child.caseId, receivedAt: at(referralDay, 9), channel: 'telephone', sourceCode: family.stage === 'referral' ? '3A' : '6',
      referrerName: 'Demo Referrer', referrerRole: family.stage === 'referral' ? 'Health visitor' : 'Police officer',
      referrerOrganisation: family.stage === 'referral' ? 'Demoshire Health Trust (demo)' : 'Demoshire Police (demo)',
      referrerIsProfessional: true, natureOfConcerns: 'Synthetic concern for the demo: bruising noticed and explained inconsistently.',
      howConcernsArose: 'Seen during a routine contact (demo).',
      decision: family.stage === 'referral' ? null : 'strategy-discussion',
      decidedAt: family.stage === 'referral' ? null : at(referralDay, 15), decidedBy: family.stage === 'referral' ? null : ctx.manager,
      createdBy: ctx.worker,
    });
  }
  if (family.stage === 'referral') return;

  const discussionDay = workingDaysAgo(ctx.now, ages[family.stage]);
  const [discussion] = await tx
    .insert(strategyDiscussions)
    .values({
      householdId: ctx.householdId, heldAt: at(discussionDay, 11),
      participants: [
        { agency: "Children's social care", name: 'Demo Social worker', role: 'Social worker' },
        { agency: 'Police', name: 'DC Demo Officer', role: 'Child abuse investigation' },
        { agency: 'Health', name: 'Demo Named Nurse', role: 'Named nurse' },
      ],
      informationShared: 'Synthetic summary of information shared (demo).',
      decisions: 'Section 47 enquiries to begin; joint visit tomorrow.', basisForDecisions: 'Reasonable cause to suspect significant harm (demo).',
      initiateSection47: family.stage !== 'strategy-discussion', recordCirculatedAt: at(discussionDay, 17), createdBy: ctx.worker,
    })
    .returning();
  if (!discussion) throw new Error('strategy discussion not created');
  for (const child of children) await tx.insert(strategyDiscussionChildren).values({ strategyDiscussionId: discussion.id, caseId: child.caseId });
  if (family.stage === 'strategy-discussion') return;

  for (const child of children) {
    const seen = child.unborn ? [] : [{ date: workingDaysAgo(ctx.now, ages[family.stage] - 1), seenAlone: true }];
    await tx.insert(section47Enquiries).values({
      caseId: child.caseId, strategyDiscussionId: discussion.id, startedOn: discussionDay, childSeen: seen,
      outcome: family.stage === 'section-47' ? null : 'continuing-risk',
      outcomeReasons: family.stage === 'section-47' ? null : 'Risk continues (demo).',
      outcomeRecordedAt: family.stage === 'section-47' ? null : at(workingDaysAgo(ctx.now, Math.max(ages[family.stage] - 3, 0)), 12),
      coreAssessmentCompletedOn: family.stage === 'section-47' ? null : workingDaysAgo(ctx.now, Math.max(ages[family.stage] - 3, 0)),
      createdBy: ctx.worker,
    });
  }
  if (family.stage === 'section-47') return;

  const unborn = children.some((c) => c.unborn);
  const kind = unborn ? 'pre-birth' : 'initial';
  const due = conferenceDueDate({ kind, pack: ctx.pack, strategyDiscussionOn: Temporal.PlainDate.from(discussionDay) }, calendar);
  const held = family.stage === 'on-a-plan' || family.stage === 'plan-ended';
  const heldOn = held && due ? calendar.addWorkingDays(Temporal.PlainDate.from(discussionDay), 12).toString() : null;
  const [conference] = await tx
    .insert(conferences)
    .values({
      householdId: ctx.householdId, kind, status: held ? 'held' : 'requested', pack: ctx.pack,
      decisionToConveneOn: workingDaysAgo(ctx.now, Math.max(ages[family.stage] - 4, 0)),
      requestedBy: ctx.worker, requestedAt: ctx.now, authorisedBy: ctx.manager, authorisedAt: ctx.now,
      dueDate: due ? dueDateOf(due) : null, dueRuleId: due?.ruleId ?? null, dueFromFact: due?.from.fact ?? null, dueFromDate: discussionDay,
      chairId: held ? ctx.chair : null, format: held ? 'face-to-face' : null, heldOn,
      scheduledStart: heldOn ? at(heldOn, 10) : null,
    })
    .returning();
  if (!conference) throw new Error('conference not created');
  await tx.insert(conferenceStatusHistory).values({
    conferenceId: conference.id, fromStatus: 'awaiting-authorisation', toStatus: 'requested', event: 'authorise', at: ctx.now, by: ctx.manager,
  });
  if (held) {
    await tx.insert(conferenceStatusHistory).values({ conferenceId: conference.id, fromStatus: 'invitations-sent', toStatus: 'held', event: 'hold', at: ctx.now, by: ctx.chair });
  }
  for (const child of children) {
    await tx.insert(conferenceChildren).values({
      conferenceId: conference.id, caseId: child.caseId, childId: child.childId, role: 'subject', childType: 'initial',
      likelyHarm: 'Physical harm (demo)', harmFrom: 'An adult in the household (demo)',
    });
    if (held && heldOn) {
      const ended = family.stage === 'plan-ended';
      await tx.insert(childProtectionPlans).values({
        caseId: child.caseId, childId: child.childId, startConferenceId: conference.id, startDate: heldOn,
        initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: ctx.worker, visitFrequencyWeeks: 2, previousPlans: 0,
        endDate: ended ? londonIsoDate(new Date(ctx.now.getTime() - 30 * DAY)) : null,
        endReason: ended ? 'review-decision' : null,
      });
    }
  }
  if (heldOn && family.planHistory) await seedHeldReviews(tx, family.planHistory.reviewsHeld, heldOn, children, ctx);
}

/** Review conferences already held on a longer-running plan: the first about 3 months in (TS5), then every 6 (TS6). */
async function seedHeldReviews(
  tx: Transaction, count: number, initialOn: string, children: SeededChild[],
  ctx: { now: Date; householdId: string; chair: string | null; pack: PackId },
): Promise<void> {
  let previous = Temporal.PlainDate.from(initialOn);
  for (let n = 0; n < count; n += 1) {
    let day = previous.add({ months: n === 0 ? 3 : 6 }).subtract({ days: 7 });
    while (!calendar.isWorkingDay(day)) day = day.add({ days: 1 });
    const heldOn = day.toString();
    const [review] = await tx.insert(conferences).values({
      householdId: ctx.householdId, kind: 'review', status: 'held', pack: ctx.pack, requestedAt: ctx.now,
      dueRuleId: n === 0 ? 'TS5' : 'TS6', dueFromDate: previous.toString(), chairId: ctx.chair, format: 'face-to-face', heldOn, scheduledStart: at(heldOn, 10),
    }).returning();
    if (!review) throw new Error('demo review not created');
    await tx.insert(conferenceStatusHistory).values({ conferenceId: review.id, fromStatus: 'invitations-sent', toStatus: 'held', event: 'hold', at: ctx.now, by: ctx.chair });
    for (const child of children) {
      await tx.insert(conferenceChildren).values({ conferenceId: review.id, caseId: child.caseId, childId: child.childId, role: 'subject', childType: 'review' });
    }
    previous = Temporal.PlainDate.from(heldOn);
  }
}
