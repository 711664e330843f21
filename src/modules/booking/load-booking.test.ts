import { and, asc, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { chairLeave, chairWorkingPatterns, childProtectionPlans, conferenceChildren, conferences, outOfTimescaleAuthorisations, rooms } from '../../db/schema/index.js';
import { loadBookingContext, loadChairs } from './load-booking.js';
import { statementsOf } from '../../../test/support/statements.js';

const NOW = new Date('2026-03-02T09:00:00Z');

// Issue 16: the booking page's whole-row lists (late dates, the subjects' plans, the chairs' working
// weeks and leave, the rooms) in one statement, each as its own select returned it.
describeEachEngine('the booking context in fewer statements', (engine) => {
  const suite = suiteDatabase(engine);
  let conferenceId: string;
  let childId: string;

  beforeAll(async () => {
    const db = suite.db();
    const orgId = (await createOrganisation(db)).id;
    const requester = await createUser(db, { roles: ['business-support'], organisationId: orgId });
    const [zed, amy, retired] = [
      await createUser(db, { roles: ['chair'], organisationId: orgId, displayName: 'Zed Chair' }),
      await createUser(db, { roles: ['chair', 'team-manager'], organisationId: orgId, displayName: 'Amy Chair' }),
      await createUser(db, { roles: ['chair'], organisationId: orgId, displayName: 'Old Chair', active: false }),
    ];
    await db.insert(chairWorkingPatterns).values([
      { chairId: zed!.id, weekday: 1, startTime: '09:30:00', endTime: '16:00:00', maxConferences: 2 },
      { chairId: zed!.id, weekday: 3, startTime: '10:00', endTime: '13:15' },
      { chairId: amy!.id, weekday: 2, startTime: '08:45:00', endTime: '17:30:00' },
      { chairId: retired!.id, weekday: 2, startTime: '09:00:00', endTime: '17:00:00' },
    ]);
    await db.insert(chairLeave).values([
      { chairId: amy!.id, fromDate: '2026-03-09', toDate: '2026-03-13', reason: 'Holiday' },
      { chairId: retired!.id, fromDate: '2026-03-09', toDate: '2026-03-13' },
    ]);
    await db.insert(rooms).values([
      { name: 'B room', building: 'Civic Centre', capacity: 8, videoEquipped: true },
      { name: 'A room', building: 'Civic Centre', capacity: 6 },
      { name: 'Closed room', building: 'Annexe', capacity: 6, active: false },
    ]);
    const f = await childOnAPlan(db, orgId);
    childId = f.child.id;
    // An ended plan and another authority's plan are not the child's own open plan.
    await db.insert(childProtectionPlans).values([
      { caseId: f.case.id, childId, startDate: '2023-01-01', endDate: '2024-01-01', initialCategories: ['NEG'], latestCategories: ['NEG'] },
      { caseId: f.case.id, childId, startDate: '2025-01-01', initialCategories: ['EMO'], latestCategories: ['EMO'], responsibleAuthority: 'Elsewhere Council' },
    ]);
    const [conference] = await db.insert(conferences).values({ householdId: f.household.id, kind: 'review', status: 'requested', pack: 'national', dueRuleId: 'TS6', dueDate: '2026-05-03' }).returning();
    conferenceId = conference!.id;
    await db.insert(conferenceChildren).values({ conferenceId, caseId: f.case.id, childId, role: 'subject', childType: 'review' });
    const at = (iso: string) => new Date(iso);
    await db.insert(outOfTimescaleAuthorisations).values([
      { conferenceId, proposedDate: '2026-05-10', reasons: 'No chair.', riskMonitoring: 'Weekly visits.', requestedBy: requester.id, requestedAt: at('2026-02-01T09:00:00Z'), decision: 'approved' },
      { conferenceId, proposedDate: '2026-05-20', reasons: 'No chair.', riskMonitoring: 'Weekly visits.', requestedBy: requester.id, requestedAt: at('2026-02-02T09:00:00Z'), decision: 'declined' },
    ]);
  });

  it('reads the same chairs, rooms, late dates and plans as the selects it replaces', async () => {
    const db = suite.db();
    await loadBookingContext(db, conferenceId, NOW); // the working calendar, read once and kept
    const { result: ctx, count } = await statementsOf(db, () => loadBookingContext(db, conferenceId, NOW));
    // The conference and its children; the subjects' cases; the five lists; the chairs; the diary; the previous chair.
    expect(count).toBe(6);

    expect(ctx.chairs).toEqual(await loadChairs(db));
    expect(ctx.chairs.map((c) => [c.name, c.patterns.map((p) => `${p.weekday} ${p.startMinute}-${p.endMinute} ×${p.maxConferences}`), c.leave])).toEqual([
      ['Amy Chair', ['2 525-1050 ×3'], [{ from: '2026-03-09', to: '2026-03-13' }]],
      ['Zed Chair', ['1 570-960 ×2', '3 600-795 ×3'], []],
    ]);
    const roomRows = await db.select().from(rooms).where(eq(rooms.active, true)).orderBy(asc(rooms.name));
    expect(ctx.rooms).toEqual(roomRows.map((r) => ({ id: r.id, name: r.name, building: r.building, videoEquipped: r.videoEquipped })));
    expect(ctx.rooms.map((r) => r.name)).toEqual(['A room', 'B room']);
    expect(ctx.request.approvedLateDates).toEqual(['2026-05-10']);
    const plans = await db.select({ startDate: childProtectionPlans.startDate, endDate: childProtectionPlans.endDate }).from(childProtectionPlans)
      .where(and(eq(childProtectionPlans.childId, childId), isNull(childProtectionPlans.endDate), isNull(childProtectionPlans.responsibleAuthority)));
    expect(ctx.request.subjectPlans).toEqual(plans);
    expect(ctx.request.subjectPlans).toEqual([{ startDate: '2025-11-03', endDate: null }]);
  });
});
