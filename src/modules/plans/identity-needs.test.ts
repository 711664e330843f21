import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, conferenceChildren, conferences } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadPlan } from './load-plan.js';
import { planFixture } from './plan-fixture.test-support.js';
import { identityPromptsFor } from './plan-queue-items.js';
import { saveIdentityNeeds } from './save-identity-needs.js';

const NOW = new Date('2026-04-20T10:00:00Z');
const answers = {
  culture: 'Halal diet; eczema cream twice a day.', language: 'Sylheti at home, English at school.', religion: 'Mosque on Fridays with her uncle.',
  shortfalls: 'Foster carer shown where to buy halal food.', birthFamilyContact: 'Weekly supervised contact with her father at the family centre.',
  familyGroupConference: 'considered-not-referred', familyGroupConferenceReasons: 'Mother declined; to be offered again at the review.',
};

describeEachEngine('PL4: the plan meets the child’s identity and family needs', (engine) => {
  const suite = suiteDatabase(engine);

  it('lists the plan for its lead social worker until every answer is given, and again after a review until revisited', async () => {
    const db = suite.db();
    const f = await planFixture(db, { now: NOW });
    const gaps = async () => ((await queueForRole(db, f.as.socialWorker.actor!, 'social-worker', NOW, 'national'))['plan-gaps'] ?? []).filter((i) => i.href === `/plans/${f.plan.id}/identity`);
    expect((await loadPlan(db, f.plan.id)).identityGaps.missing).toHaveLength(6);
    expect((await gaps())[0]?.detail).toContain('contact with the birth family');

    await expect(saveIdentityNeeds(db, f.as.chair, f.plan.id, { ...answers, version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveIdentityNeeds(db, f.as.secondTeamManager, f.plan.id, { ...answers, version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveIdentityNeeds(db, f.as.socialWorker, f.plan.id, { ...answers, familyGroupConferenceReasons: ' ', version: 0 }))
      .rejects.toMatchObject({ errors: [{ field: 'familyGroupConferenceReasons' }] });

    // Part-done: saved, and still flagged for what is blank.
    await saveIdentityNeeds(db, f.as.socialWorker, f.plan.id, { ...answers, birthFamilyContact: '', familyGroupConference: null, version: 0 });
    expect((await loadPlan(db, f.plan.id)).identityGaps.missing.map((m) => m.question)).toEqual(['birthFamilyContact', 'familyGroupConference']);
    expect((await gaps())[0]?.detail).toBe('The plan does not yet say: contact with the birth family; whether a family group conference was considered (PL4).');
    await expect(saveIdentityNeeds(db, f.as.teamManager, f.plan.id, { ...answers, version: 0 })).rejects.toBeInstanceOf(ConflictError);

    await saveIdentityNeeds(db, f.as.teamManager, f.plan.id, { ...answers, version: 1 });
    expect((await loadPlan(db, f.plan.id)).identityGaps.complete).toBe(true);
    expect(await gaps()).toEqual([]);
    const audits = await db.select({ a: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.childId, f.meeting.alphaId), eq(auditEvents.recordType, 'plan-identity-needs')));
    expect(audits.map((a) => a.a).sort()).toEqual(['plan-identity-needs-changed', 'plan-identity-needs-recorded']);

    // The review conference is prompted with what the plan says about birth-family contact.
    expect(await identityPromptsFor(db, [{ childId: f.meeting.alphaId, name: 'Alpha' }])).toEqual([
      { childId: f.meeting.alphaId, name: 'Alpha', planId: f.plan.id, birthFamilyContact: answers.birthFamilyContact, missing: [] },
    ]);

    // A review held after the answers were written puts the plan back on the list to revisit.
    const [start] = await db.select().from(conferences).where(eq(conferences.id, f.meeting.conferenceId));
    const [review] = await db.insert(conferences).values({ householdId: start!.householdId, kind: 'review', status: 'held', pack: 'national', heldOn: '2026-05-18' }).returning();
    await db.insert(conferenceChildren).values({ conferenceId: review!.id, caseId: f.caseId, childId: f.meeting.alphaId, role: 'subject', childType: 'review' });
    expect((await gaps())[0]?.detail).toContain('Revisit the child’s identity and birth-family contact after the review on 18 May 2026');
    const later = { ...f.as.socialWorker, now: new Date('2026-05-19T10:00:00Z') };
    await saveIdentityNeeds(db, later, f.plan.id, { ...answers, version: 2 });
    expect(await gaps()).toEqual([]);
  });
});
