import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, cases, householdMembers, people, reviewTriggers, section47Enquiries, strategyDiscussions } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ValidationError } from '../shared/errors.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import type { WorkItem } from '../work-queues/work-item.js';
import { recordReviewNotBroughtForward } from './consider-bring-forward.js';
import { planFixture } from './plan-fixture.test-support.js';

const NOW = new Date('2026-04-20T10:00:00Z');
const prompts = (items: WorkItem[] | undefined, planId: string, trigger: string) =>
  (items ?? []).filter((i) => i.href.startsWith(`/plans/${planId}/bring-forward?trigger=${trigger}`));

describeEachEngine('RV2: reasons to bring a review forward reach the chair and the lead social worker', (engine) => {
  const suite = suiteDatabase(engine);

  it('a new section 47 and an unborn baby joining the household are prompted until acted on or set aside with reasons', async () => {
    const db = suite.db();
    const f = await planFixture(db, { now: NOW });
    const [alphaCase] = await db.select().from(cases).where(eq(cases.childId, f.meeting.alphaId));
    const [discussion] = await db.insert(strategyDiscussions).values({ heldAt: new Date('2026-04-06T09:00:00Z'), participants: [], informationShared: 'x', decisions: 'x', basisForDecisions: 'x', initiateSection47: true }).returning();
    await db.insert(section47Enquiries).values({ caseId: alphaCase!.id, strategyDiscussionId: discussion!.id, startedOn: '2026-04-06' });
    const [baby] = await db.insert(people).values({ kind: 'child', familyName: 'Testington', expectedDeliveryDate: '2026-08-01', sex: 'U' }).returning();
    await db.insert(householdMembers).values({ householdId: alphaCase!.householdId!, personId: baby!.id, fromDate: '2026-04-10' });

    const queues = async () => ({
      chair: await queueForRole(db, f.as.chair.actor!, 'chair', NOW, 'national'),
      worker: await queueForRole(db, f.as.socialWorker.actor!, 'social-worker', NOW, 'national'),
    });
    let q = await queues();
    expect(prompts(q.chair['bring-forward'], f.plan.id, 'new-section-47').map((i) => i.href)).toEqual([`/plans/${f.plan.id}/bring-forward?trigger=new-section-47&on=2026-04-06`]);
    expect(prompts(q.worker['bring-forward'], f.plan.id, 'new-section-47')).toHaveLength(1);
    expect(prompts(q.worker['bring-forward'], f.plan.id, 'baby-due')[0]?.detail).toContain('An unborn baby, due 1 August 2026, joined the household on 10 April 2026');

    await expect(recordReviewNotBroughtForward(db, f.as.chair, f.plan.id, { trigger: 'new-section-47', on: '2026-04-06', reasons: ' ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordReviewNotBroughtForward(db, f.as.chair, f.plan.id, { trigger: 'bogus', on: '2026-04-06', reasons: 'x' })).rejects.toMatchObject({ errors: [{ field: 'trigger' }] });
    const id = await recordReviewNotBroughtForward(db, f.as.chair, f.plan.id, { trigger: 'new-section-47', on: '2026-04-06', reasons: 'The enquiry concerns a matter the review in May will cover.' });
    const [row] = await db.select().from(reviewTriggers).where(eq(reviewTriggers.id, id));
    expect(row?.chairConsulted).toBe(true);
    expect(row?.details).toContain('need not be brought forward');
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
    expect(audit?.childId).toBe(f.meeting.alphaId);

    q = await queues();
    expect(prompts(q.chair['bring-forward'], f.plan.id, 'new-section-47')).toEqual([]);
    expect(prompts(q.worker['bring-forward'], f.plan.id, 'baby-due')).toHaveLength(1);
    // Another chair never sees this plan's prompts.
    const other = await queueForRole(db, { ...f.as.chair.actor!, id: f.as.serviceManager.actor!.id }, 'chair', NOW, 'national');
    expect(prompts(other['bring-forward'], f.plan.id, 'baby-due')).toEqual([]);
  });
});
