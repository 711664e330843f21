import { eq, inArray, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { childProtectionPlans, coreGroupMeetings, invitations, planActions, planVisits, users } from '../../db/schema/index.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';

/**
 * Life on a plan for the demo: for each open plan without a core group yet, the first core
 * group, two detailed plan actions, a visit at which the child was seen and a later one at
 * which the child was not (so the visit is now missed and the team manager sees the breach),
 * and invitations to the initial conference where it has none (so ending a plan tells people).
 * Adds nothing to a plan that already has a core group: safe to run twice.
 */
export async function seedDemoPlans(db: Queryable, options: { now: Date }): Promise<{ plans: number }> {
  const plans = await db.select().from(childProtectionPlans).where(isNull(childProtectionPlans.endDate));
  if (!plans.length) return { plans: 0 };
  const withCoreGroup = new Set((await db.select({ planId: coreGroupMeetings.planId }).from(coreGroupMeetings)
    .where(inArray(coreGroupMeetings.planId, plans.map((p) => p.id)))).map((r) => r.planId));
  const [worker] = await db.select().from(users).where(eq(users.username, 'social-worker'));
  const today = londonDateOf(options.now);
  let seeded = 0;
  for (const plan of plans) {
    if (withCoreGroup.has(plan.id)) continue;
    // A long-running plan gets recent rows, not ones from its first weeks.
    const planStart = Temporal.PlainDate.from(plan.startDate);
    const recent = today.subtract({ days: 60 });
    const start = Temporal.PlainDate.compare(planStart, recent) > 0 ? planStart : recent;
    const day = (n: number) => {
      const d = start.add({ days: n });
      return Temporal.PlainDate.compare(d, today) > 0 ? today.toString() : d.toString();
    };
    const who = worker?.displayName ?? 'Demo Social worker';
    await db.insert(coreGroupMeetings).values({
      planId: plan.id, childId: plan.childId, heldOn: day(8), chairName: who, chairRole: 'lead-social-worker',
      members: [
        { name: 'Demo parent', role: 'Parent', agency: 'Family', attended: true, writtenViews: '' },
        { name: who, role: 'Lead social worker', agency: 'Demoshire County Council (demo)', attended: true, writtenViews: '' },
        { name: 'Demo Health visitor', role: 'Health visitor', agency: 'Demoshire Health Trust (demo)', attended: false, writtenViews: 'Weight and development checks up to date (demo).' },
        { name: 'Demo Teacher', role: 'Designated safeguarding lead', agency: 'Sampleton Primary School (demo)', attended: true, writtenViews: '' },
      ],
      decisions: 'Detailed plan agreed from the outline plan (demo).', actionsAgreed: 'See the detailed plan.', nextIntervalWeeks: 6,
      planUpdated: true, planDistributedOn: day(10), distributedTo: 'All members by secure email (demo)', createdAt: options.now, createdBy: worker?.id ?? null,
    });
    for (const [action, owner, ownerRole, status] of [
      ['Attend the parenting programme every week', 'Demo parent', 'Parent', 'in-progress'],
      ['Health visitor home visits every fortnight', 'Demo Health visitor', 'Health visitor', 'not-started'],
    ] as const) {
      await db.insert(planActions).values({
        planId: plan.id, childId: plan.childId, action, owner, ownerRole, dueOn: day(60), status, progress: status === 'in-progress' ? 'Attended 3 of 4 sessions (demo).' : '',
        createdAt: options.now, updatedAt: options.now, updatedBy: worker?.id ?? null,
      });
    }
    await db.insert(planVisits).values([
      { planId: plan.id, childId: plan.childId, visitedOn: day(7), childSeen: true, seenAlone: true, visitedBy: who, createdAt: options.now, createdBy: worker?.id ?? null },
      { planId: plan.id, childId: plan.childId, visitedOn: day(21), childSeen: false, seenAlone: false, visitedBy: who, notSeenReason: 'Nobody answered the door (demo).', createdAt: options.now, createdBy: worker?.id ?? null },
    ]);
    if (plan.startConferenceId && (await db.$count(invitations, eq(invitations.conferenceId, plan.startConferenceId))) === 0) {
      await db.insert(invitations).values([
        { conferenceId: plan.startConferenceId, inviteeKind: 'professional', name: who, role: 'Social worker', organisationName: 'Demoshire County Council (demo)', email: worker?.email ?? 'social-worker@demoshire.example', userId: worker?.id ?? null, state: 'sent' },
        { conferenceId: plan.startConferenceId, inviteeKind: 'professional', name: 'DC Demo Officer', role: 'Police', organisationName: 'Demoshire Police (demo)', email: 'mash@police.demoshire.example', state: 'sent' },
        { conferenceId: plan.startConferenceId, inviteeKind: 'professional', name: 'Demo Health visitor', role: 'Health visitor', organisationName: 'Demoshire Health Trust (demo)', email: 'safeguarding@health.demoshire.example', state: 'sent' },
        { conferenceId: plan.startConferenceId, inviteeKind: 'parent', name: 'Demo parent', role: 'Parent', channel: 'post', postalAddress: '1 Demo Street, Sampleton, DM1 1AA', state: 'sent' },
      ]);
    }
    seeded += 1;
  }
  return { plans: seeded };
}
