import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, designatedReviewLegalAdvice } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import type { WorkItem } from '../work-queues/work-item.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { holdDesignatedReview, planFixture } from './plan-fixture.test-support.js';
import { recordLegalAdvice } from './record-legal-advice.js';
import { writeBriefingNote } from './write-briefing-note.js';

const NOW = new Date('2027-12-20T10:00:00Z');

const onPlan = (items: WorkItem[] | undefined, planId: string) => (items ?? []).filter((i) => i.href.startsWith(`/plans/${planId}`));

describeEachEngine('RV4: after a designated review keeps a plan', (engine) => {
  const suite = suiteDatabase(engine);

  it('asks the case’s team manager for legal advice and the chair for a briefing note until each is recorded, and tells service managers what is missing', async () => {
    const db = suite.db();
    const f = await planFixture(db, { pack: 'newcastle', now: NOW });
    const reviewId = await holdDesignatedReview(db, f);
    const queues = async () => ({
      tm: await queueForRole(db, f.as.teamManager.actor!, 'team-manager', NOW, 'newcastle'),
      otherTm: await queueForRole(db, f.as.secondTeamManager.actor!, 'team-manager', NOW, 'newcastle'),
      chair: await queueForRole(db, f.as.chair.actor!, 'chair', NOW, 'newcastle'),
      sm: await queueForRole(db, f.as.serviceManager.actor!, 'service-manager', NOW, 'newcastle'),
    });
    let q = await queues();
    expect(onPlan(q.tm['legal-advice'], f.plan.id).map((i) => i.href)).toEqual([`/plans/${f.plan.id}/legal-advice`]);
    expect(onPlan(q.otherTm['legal-advice'], f.plan.id)).toEqual([]);
    expect(onPlan(q.chair['briefing-notes'], f.plan.id).map((i) => i.href)).toEqual([`/plans/${f.plan.id}/briefing`]);
    expect(onPlan(q.sm['designated-reviews'], f.plan.id)[0]?.detail).toContain('the chair’s briefing note and legal advice');

    // A team manager of another team may not record it; a date before the review is refused.
    const advice = { conferenceId: reviewId, soughtOn: '2027-12-08', adviser: 'Lee Lawful, authority solicitor', advice: 'Threshold for proceedings not met; review again in three months.' };
    await expect(recordLegalAdvice(db, f.as.secondTeamManager, f.plan.id, advice)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordLegalAdvice(db, f.as.teamManager, f.plan.id, { ...advice, soughtOn: '2027-12-01' })).rejects.toMatchObject({ errors: [{ field: 'soughtOn' }] });
    await expect(recordLegalAdvice(db, f.as.teamManager, f.plan.id, { ...advice, soughtOn: '2027-12-21' })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordLegalAdvice(db, f.as.teamManager, f.plan.id, { ...advice, conferenceId: f.meeting.conferenceId })).rejects.toMatchObject({ errors: [{ field: 'conferenceId' }] });

    const id = await recordLegalAdvice(db, f.as.teamManager, f.plan.id, advice);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'designated-review-legal-advice-recorded'), eq(auditEvents.recordId, id)));
    expect(audit?.childId).toBe(f.meeting.alphaId);
    q = await queues();
    expect(onPlan(q.tm['legal-advice'], f.plan.id)).toEqual([]);
    expect(onPlan(q.sm['designated-reviews'], f.plan.id)[0]?.detail).toContain('waiting for the chair’s briefing note (RV4)');

    await writeBriefingNote(db, f.as.chair, f.plan.id, 'Progress on home conditions is recent; the plan continues for three months.');
    q = await queues();
    expect(onPlan(q.chair['briefing-notes'], f.plan.id)).toEqual([]);
    expect(onPlan(q.sm['designated-reviews'], f.plan.id)).toEqual([]);
  });

  it('records advice once, however many managers save at the same moment', async () => {
    const db = suite.db();
    const f = await planFixture(db, { pack: 'newcastle', now: NOW });
    const reviewId = await holdDesignatedReview(db, f);
    const advice = { conferenceId: reviewId, soughtOn: '2027-12-08', adviser: 'Lee Lawful', advice: 'Seek a PLO meeting.' };
    const results = await Promise.allSettled([f.as.teamManager, f.as.serviceManager, f.as.teamManager, f.as.serviceManager].map((as) => recordLegalAdvice(db, as, f.plan.id, advice)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await db.select().from(designatedReviewLegalAdvice).where(eq(designatedReviewLegalAdvice.planId, f.plan.id))).toHaveLength(1);
  });
});
