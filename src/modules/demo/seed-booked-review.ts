import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Transaction } from '../../db/client.js';
import { cases, childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory, households, rooms } from '../../db/schema/index.js';
import { computeDeadline } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';

/**
 * One review conference already booked in the demo (the Mockworth children's first review, a few
 * working days ahead), so the invitation, report and readiness screens have something to show on
 * first start without anyone booking first.
 */
export async function seedBookedReview(
  tx: Transaction,
  options: { now: Date; pack: PackId; chairId: string | null; minuteTakerId: string | null; bookedBy: string | null },
): Promise<string | null> {
  const [household] = await tx.select().from(households).where(eq(households.name, 'Mockworth household'));
  const [room] = await tx.select().from(rooms).where(eq(rooms.name, 'Conference Room 1'));
  if (!household || !room || !options.chairId) return null;
  const plans = await tx
    .select({ plan: childProtectionPlans })
    .from(childProtectionPlans)
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(and(eq(cases.householdId, household.id), isNull(childProtectionPlans.endDate)));
  const first = plans[0]?.plan;
  if (!first) return null;

  const calendar = await workingCalendar(tx);
  const today = londonDateOf(options.now);
  const day = calendar.addWorkingDays(today, 5);
  const start = Temporal.ZonedDateTime.from({ timeZone: 'Europe/London', year: day.year, month: day.month, day: day.day, hour: 10 });
  const due = computeDeadline({ ruleId: 'TS5', pack: options.pack, from: Temporal.PlainDate.from(first.startDate), calendar });

  const [conference] = await tx
    .insert(conferences)
    .values({
      householdId: household.id, kind: 'review', status: 'booked', pack: options.pack,
      requestedAt: options.now, dueDate: due.due.kind === 'date' ? due.due.date.toString() : null, dueRuleId: 'TS5', dueFromFact: due.from.fact, dueFromDate: first.startDate,
      chairId: options.chairId, minuteTakerId: options.minuteTakerId, roomId: room.id, format: 'face-to-face', venue: 'Demoshire County Hall',
      scheduledStart: new Date(start.epochMilliseconds), slotMinutes: 90,
    })
    .returning({ id: conferences.id });
  if (!conference) throw new Error('demo review not created');
  await tx.insert(conferenceChildren).values(plans.map(({ plan }) => ({ conferenceId: conference.id, caseId: plan.caseId, childId: plan.childId, role: 'subject', childType: 'review' })));
  await tx.insert(conferenceStatusHistory).values([
    { conferenceId: conference.id, fromStatus: null, toStatus: 'requested', event: 'review-requested', at: options.now, by: options.bookedBy },
    { conferenceId: conference.id, fromStatus: 'requested', toStatus: 'booked', event: 'book', at: options.now, by: options.bookedBy },
  ]);
  return conference.id;
}
