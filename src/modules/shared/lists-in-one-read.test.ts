import { asc, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import {
  conferences, coreGroupMeetings, designatedReviewBriefings, designatedReviewLegalAdvice, planActionConcerns, planActions, planEndings, planIdentityNeeds,
  planVisits, reviewTriggers, visitFrequencyChanges,
} from '../../db/schema/index.js';
import { listsInOneRead, type ListToRead } from './lists-in-one-read.js';

describeEachEngine('several lists in one statement', (engine) => {
  const suite = suiteDatabase(engine);
  let planId: string;
  let otherPlanId: string;

  beforeAll(async () => {
    const db = suite.db();
    const org = await createOrganisation(db);
    const user = await createUser(db, { roles: ['social-worker'], organisationId: org.id });
    const { plan, child } = await childOnAPlan(db, org.id);
    const other = await childOnAPlan(db, org.id);
    planId = plan.id;
    otherPlanId = other.plan.id;
    const at = (iso: string) => new Date(iso);
    const [conference] = await db.insert(conferences).values({ kind: 'designated-review', status: 'held', pack: 'national', heldOn: '2026-02-10' }).returning();
    const mine = { planId, childId: child.id };
    // Every kind of column: dates, timestamps to the millisecond, booleans, integers, JSON, nulls; and a row of another plan.
    const [action] = await db.insert(planActions).values([
      { ...mine, action: 'Weigh Alpha', owner: 'Hana', ownerRole: 'Health visitor', dueOn: '2026-03-01', createdAt: at('2026-02-01T09:00:00.123Z'), updatedAt: at('2026-02-02T10:30:00.456Z'), updatedBy: user.id },
      { ...mine, action: 'Dentist', owner: 'Demi', ownerRole: 'Mother', dueOn: null, status: 'in-progress', createdAt: at('2026-02-03T09:00:00Z'), updatedAt: at('2026-02-03T09:00:00Z') },
      { planId: otherPlanId, childId: other.child.id, action: 'Not this plan', owner: 'X', ownerRole: 'Y', createdAt: at('2026-02-01T00:00:00Z'), updatedAt: at('2026-02-01T00:00:00Z') },
    ]).returning();
    await db.insert(coreGroupMeetings).values([
      { ...mine, heldOn: '2026-02-20', chairName: 'Sam', chairRole: 'lead-social-worker', members: [{ name: 'Hana', role: 'Health visitor', attended: true }] as never, decisions: 'Keep going', nextIntervalWeeks: 6, planUpdated: true, createdAt: at('2026-02-20T12:00:00Z') },
      { ...mine, heldOn: '2026-01-20', chairName: 'Sam', chairRole: 'other', decisions: 'First', createdAt: at('2026-01-20T12:00:00Z') },
    ]);
    await db.insert(planVisits).values([
      { ...mine, visitedOn: '2026-02-05', childSeen: true, seenAlone: true, visitedBy: 'Sam', createdAt: at('2026-02-05T16:00:00Z'), createdBy: user.id },
      { ...mine, visitedOn: '2026-01-05', childSeen: false, visitedBy: 'Sam', notSeenReason: 'At school', createdAt: at('2026-01-05T16:00:00Z') },
    ]);
    await db.insert(visitFrequencyChanges).values({ ...mine, fromWeeks: null, proposedWeeks: 2, reasons: 'Concerns', requestedAt: at('2026-02-06T08:00:00Z'), decidedAt: null });
    await db.insert(reviewTriggers).values({ ...mine, trigger: 'new-injury', occurredOn: '2026-02-07', holdBy: null, chairConsulted: true, iroConsultedOn: '2026-02-08', conferenceId: conference!.id, recordedAt: at('2026-02-07T11:11:11.111Z') });
    await db.insert(planActionConcerns).values({ ...mine, planActionId: action!.id, reporterName: 'Pat', reporterAgency: 'School', whatCannotBeDone: 'Transport', reason: 'No bus', managerName: 'Mo', managerEmail: 'mo@example.test', reportedAt: at('2026-02-09T09:00:00Z') });
    await db.insert(planEndings).values({ ...mine, route: 'review', endedOn: '2026-03-10', reason: 'Safe now', decidedByName: 'Chris', consultation: [{ name: 'Hana', role: 'HV', response: 'agreed' }], continuingSupport: 'child-in-need-plan', createdAt: at('2026-03-10T15:00:00Z') });
    await db.insert(designatedReviewBriefings).values({ ...mine, conferenceId: conference!.id, note: 'Why it stays', writtenAt: at('2026-02-11T10:00:00Z') });
    await db.insert(designatedReviewLegalAdvice).values({ ...mine, conferenceId: conference!.id, soughtOn: '2026-02-12', adviser: 'Legal', advice: 'Proceed', recordedAt: at('2026-02-12T10:00:00Z') });
    await db.insert(planIdentityNeeds).values({ ...mine, culture: 'Polish', familyGroupConference: null, updatedAt: at('2026-02-13T10:00:00Z') });
  });

  it('returns each list exactly as its own select does: same rows, same order, same types', async () => {
    const db = suite.db();
    const lists = {
      actions: { table: planActions, where: eq(planActions.planId, planId), orderBy: asc(planActions.createdAt) },
      coreGroups: { table: coreGroupMeetings, where: eq(coreGroupMeetings.planId, planId), orderBy: asc(coreGroupMeetings.heldOn) },
      visits: { table: planVisits, where: eq(planVisits.planId, planId), orderBy: asc(planVisits.visitedOn) },
      frequencyChanges: { table: visitFrequencyChanges, where: eq(visitFrequencyChanges.planId, planId), orderBy: desc(visitFrequencyChanges.requestedAt) },
      triggers: { table: reviewTriggers, where: eq(reviewTriggers.planId, planId), orderBy: desc(reviewTriggers.recordedAt) },
      concerns: { table: planActionConcerns, where: eq(planActionConcerns.planId, planId) },
      endings: { table: planEndings, where: eq(planEndings.planId, planId) },
      briefings: { table: designatedReviewBriefings, where: eq(designatedReviewBriefings.planId, planId) },
      legalAdvice: { table: designatedReviewLegalAdvice, where: eq(designatedReviewLegalAdvice.planId, planId) },
      identity: { table: planIdentityNeeds, where: eq(planIdentityNeeds.planId, planId) },
    };
    const together = await listsInOneRead(db, lists);
    for (const [key, { table, where, orderBy }] of Object.entries(lists) as [string, ListToRead][]) {
      const alone = orderBy ? await db.select().from(table).where(where).orderBy(orderBy) : await db.select().from(table).where(where);
      expect(alone.length, key).toBeGreaterThan(0);
      expect(together[key as keyof typeof lists], key).toEqual(alone);
    }
    expect(together.actions.map((a) => a.action)).toEqual(['Weigh Alpha', 'Dentist']);
    expect(together.actions[0]!.updatedAt).toEqual(new Date('2026-02-02T10:30:00.456Z'));
    expect(together.coreGroups.map((m) => m.heldOn)).toEqual(['2026-01-20', '2026-02-20']);
  });

  it('gives an empty list where nothing matches', async () => {
    const none = await listsInOneRead(suite.db(), {
      visits: { table: planVisits, where: eq(planVisits.planId, otherPlanId) },
      endings: { table: planEndings, where: eq(planEndings.planId, otherPlanId) },
    });
    expect(none).toEqual({ visits: [], endings: [] });
  });
});
