import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { coreGroupMeetings, outboxMessages, people } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { toActor } from '../accounts/load-actor.js';
import { confirmBirth } from '../records/save-person.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { planFixture } from './plan-fixture.test-support.js';
import { saveDischargeHomePlan } from './save-discharge-home-plan.js';

describeEachEngine('UB1 and UB2: an unborn baby on a plan', (engine) => {
  const { db } = suiteDatabase(engine);

  it('asks for the core group and the discharge-home plan before the EDD, then for the birth once the EDD comes; the birth is sent to the agencies (UB1, UB2)', async () => {
    const f = await planFixture(db());
    await db().update(people).set({ givenNames: '', dateOfBirth: null, expectedDeliveryDate: '2026-06-15', sex: 'U' }).where(eq(people.id, f.meeting.alphaId));
    const worker = toActor(f.meeting.socialWorker);
    const before = (await queueForRole(db(), worker, 'social-worker', new Date('2026-04-20T10:00:00Z'), 'national')).unborn!;
    expect(before.map((i) => [i.title, i.dueDate])).toEqual([
      ['Hold the core group before the birth, and in any case before the baby goes home: Testington', '2026-06-15'],
      ['Write the discharge-home plan into the plan: Testington', '2026-06-15'],
    ]);

    await expect(saveDischargeHomePlan(db(), f.as.socialWorker, f.plan.id, { dischargeHomePlan: '  ', version: f.plan.version })).rejects.toThrow(ValidationError);
    await expect(saveDischargeHomePlan(db(), f.as.secondTeamManager, f.plan.id, { dischargeHomePlan: 'Home with mother', version: f.plan.version })).rejects.toThrow(ForbiddenError);
    await saveDischargeHomePlan(db(), f.as.socialWorker, f.plan.id, { dischargeHomePlan: 'Home with mother after two nights on the ward; health visitor on day 3', version: f.plan.version });
    await db().insert(coreGroupMeetings).values({ planId: f.plan.id, childId: f.meeting.alphaId, heldOn: '2026-05-01', chairName: 'Sam Sampleford', chairRole: 'lead-social-worker', decisions: 'Pre-birth plan agreed', createdAt: new Date('2026-05-01T12:00:00Z') });
    expect((await queueForRole(db(), worker, 'social-worker', new Date('2026-05-02T10:00:00Z'), 'national')).unborn).toEqual([]);

    const after = (await queueForRole(db(), worker, 'social-worker', new Date('2026-06-17T10:00:00Z'), 'national')).unborn!;
    expect(after.map((i) => [i.title, i.href, i.state])).toEqual([[`Record the birth: Testington`, `/people/${f.meeting.alphaId}/birth`, 'overdue by 2 working days']]);

    await confirmBirth(db(), contextFor(f.meeting.socialWorker, new Date('2026-06-17T10:00:00Z')), f.meeting.alphaId, { givenNames: 'Zulu', dateOfBirth: '2026-06-14', sex: 'F' });
    const notices = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'birth-notice'), eq(outboxMessages.relatedId, f.meeting.alphaId)));
    expect(notices.map((n) => n.toName).sort()).toEqual(['Hal Housington', 'Hana Exampleton', 'PC Petra Placeholder', 'Pat Placeholder', 'Sam Sampleford']);
    expect(notices[0]!.bodyText).toContain('Name: Zulu Testington');
    expect((await queueForRole(db(), worker, 'social-worker', new Date('2026-06-17T10:00:00Z'), 'national')).unborn).toEqual([]);
  });
});
