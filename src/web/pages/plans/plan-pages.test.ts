import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, conferences, outboxMessages, planVisits } from '../../../db/schema/index.js';
import { planPageSuite } from './plan-page-suite.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { expectPage } from '../../../../test/support/page-expectations.js';

describeEachEngine('plan pages', (engine) => {
  const { db, signedIn, f } = planPageSuite(engine, { app: { env: { CONVENE_PACK: 'national' } } });

  it('shows the plan with every deadline explained, and audits the read', async () => {
    const worker = await signedIn(f().meeting.socialWorker.username);
    const page = await worker.get(`/plans/${f().plan.id}`);
    expectPage(page, { status: 200, shows: ['Alpha Testington', 'First core group', '(TS8)', '(TS5)', '(TS25)'] });
    const reads = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-record-viewed'), eq(auditEvents.recordId, f().plan.id)));
    expect(reads[0]?.childId).toBe(f().meeting.alphaId);
    expect((await (await signedIn(f().meeting.minuteTaker.username)).get(`/plans/${f().plan.id}/core-groups/new`)).statusCode).toBe(403);
  });

  it('shows each form with no error message on first view', async () => {
    const worker = await signedIn(f().meeting.socialWorker.username);
    for (const path of ['actions', 'core-groups/new', 'visits/new', 'visit-frequency', 'review', 'problems/new']) {
      const res = await worker.get(`/plans/${f().plan.id}/${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).not.toContain('govuk-error-message');
    }
    const manager = await signedIn(f().as.serviceManager.actor!.username);
    expect((await manager.get(`/plans/${f().plan.id}/end`)).body).not.toContain('govuk-error-message');
  });

  it('records a core group (refusing a missing absentee view) and a missed visit, which the plan page flags (CG1, CG3)', async () => {
    const worker = await signedIn(f().meeting.socialWorker.username);
    await worker.get(`/plans/${f().plan.id}/core-groups/new`);
    const form = {
      heldOn: '2026-03-12', chairName: 'Sam Sampleford', chairRole: 'lead-social-worker', decisions: 'Detailed plan agreed.', nextIntervalWeeks: '6',
      planUpdated: 'yes', planDistributedOn: '2026-03-13', distributedTo: 'Members by secure email', planVersion: '1',
      member0Name: 'Demi Testington', member0Role: 'Mother', member0Agency: 'Family', member0Attended: 'yes',
      member1Name: 'Hana Exampleton', member1Role: 'Health visitor', member1Agency: 'Health',
    };
    const bad = await worker.post(`/plans/${f().plan.id}/core-groups/new`, form);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Record Hana Exampleton’s written views');
    expect((await worker.post(`/plans/${f().plan.id}/core-groups/new`, { ...form, member1Views: 'Growth on track.' })).statusCode).toBe(302);
    await worker.get(`/plans/${f().plan.id}/actions`);
    const action = await worker.post(`/plans/${f().plan.id}/actions`, { action: 'Attend the parenting course', owner: 'Demi Testington', ownerRole: 'Mother', status: 'in-progress' });
    expect(action.statusCode).toBe(302);

    await worker.get(`/plans/${f().plan.id}/visits/new`);
    const visit = await worker.post(`/plans/${f().plan.id}/visits/new`, { visitedOn: '2026-04-14', childSeen: 'no', notSeenReason: 'Nobody at home', visitedBy: 'Sam Sampleford' });
    expect(visit.statusCode).toBe(302);
    expect(await db().$count(planVisits, eq(planVisits.planId, f().plan.id))).toBe(1);
    const manager = await signedIn(f().meeting.teamManager.username);
    const page = await manager.get(`/plans/${f().plan.id}`);
    expectPage(page, { shows: ['Child not seen', 'Visit missed', 'Next core group', 'Attend the parenting course'] });
  });

  it('brings the review forward for a failing plan: business support gets a request to book (RV2)', async () => {
    const worker = await signedIn(f().meeting.socialWorker.username);
    // Other packs than newcastle do not ask for the IRO's consultation (RV2, `004` 2.2.9).
    expect((await worker.get(`/plans/${f().plan.id}/review`)).body).not.toContain('data-testid="iro-consultation"');
    const res = await worker.post(`/plans/${f().plan.id}/review`, { trigger: 'plan-failing', details: 'Appointments missed', occurredOn: '2026-04-17', holdBy: '2026-05-15' });
    expect(res.statusCode).toBe(302);
    const requested = await db().select().from(conferences).where(and(eq(conferences.status, 'requested'), eq(conferences.kind, 'review')));
    expect(requested.map((c) => c.dueDate)).toContain('2026-05-15');
  });

  it('a service manager checks, then ends the plan; the people told are queued (EN1, EN4, EN5)', async () => {
    expect((await (await signedIn(f().meeting.socialWorker.username)).get(`/plans/${f().plan.id}/end`)).statusCode).toBe(403);
    const manager = await signedIn(f().as.serviceManager.actor!.username);
    const page = await manager.get(`/plans/${f().plan.id}/end`);
    expect(page.body).toContain('Looked-after child: ended after written consultation');
    const [plan] = await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f().plan.id));
    const form = { route: 'left-uk', endedOn: '2026-04-19', reason: 'The family moved abroad for good.', continuingSupport: 'none-needed', planVersion: String(plan!.version) };
    const check = await manager.post(`/plans/${f().plan.id}/end`, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check before you end the plan');
    expect(check.body).toContain('PC Petra Placeholder');
    expect(await db().$count(outboxMessages)).toBe(0);
    const done = await manager.post(`/plans/${f().plan.id}/end/confirm`, form);
    expect(done.statusCode).toBe(302);
    const ended = await manager.get(`/plans/${f().plan.id}`);
    expect(ended.body).toContain('How the plan ended');
    expect(await db().$count(outboxMessages)).toBeGreaterThanOrEqual(7);
  });
});
