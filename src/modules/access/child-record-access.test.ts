import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { invitations, outboxMessages, planActionConcerns } from '../../db/schema/index.js';
import { planFixture } from '../plans/plan-fixture.test-support.js';
import { reportPlanActionProblem } from '../plans/report-plan-action-problem.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { signedInApp } from '../../../test/support/signed-in-app.js';

/** Relationship, not role: the attacks of issue 19 on a child's record, by a role that is allowed in general. */
describeEachEngine('access to a child’s record follows the relationship', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  const problem = {
    planActionId: '', reporterName: 'Eve Attacker', reporterAgency: 'Health', whatCannotBeDone: 'Anything', reason: 'Curiosity',
    managerName: 'Mallory', managerEmail: 'mallory@evil.example',
  };
  const { handle, signedIn } = signedInApp(engine, { at: '2026-04-20T10:00:00Z', env: { CONVENE_PACK: 'national' } });
  beforeAll(async () => {
    f = await planFixture(handle().db);
  });

  it('an agency practitioner with no invitation for the child can neither open nor write to the plan', async () => {
    const db = handle().db;
    const health = await createOrganisation(db, { kind: 'health', name: 'Elsewhere Health' });
    const stranger = await createUser(db, { roles: ['agency-practitioner'], organisationId: health.id });
    const client = await signedIn(stranger.username);
    expect((await client.get(`/plans/${f.plan.id}/problems/new`)).statusCode).toBe(404);
    await client.get('/');
    const posted = await client.post(`/plans/${f.plan.id}/problems/new`, problem);
    expect(posted.statusCode).toBe(404);
    expect(await db.$count(planActionConcerns)).toBe(0);
    expect(await db.$count(outboxMessages, eq(outboxMessages.toAddress, 'mallory@evil.example'))).toBe(0);
    // The module refuses too, whoever calls it.
    await expect(reportPlanActionProblem(db, contextFor(stranger, new Date('2026-04-20T10:00:00Z')), f.plan.id, { ...problem, planActionId: null })).rejects.toThrow(/could not find/);
    expect(await db.$count(planActionConcerns)).toBe(0);
  });

  it('the same practitioner may report once invited to a conference about the child, and not after the invitation is removed', async () => {
    const db = handle().db;
    const health = await createOrganisation(db, { kind: 'health', name: 'Invited Health' });
    const invited = await createUser(db, { roles: ['agency-practitioner'], organisationId: health.id });
    const [inv] = await db.insert(invitations).values({
      conferenceId: f.meeting.conferenceId, inviteeKind: 'professional', name: 'Ivy Invited', role: 'Health visitor', state: 'sent', userId: invited.id,
    }).returning();
    const client = await signedIn(invited.username);
    expect((await client.get(`/plans/${f.plan.id}/problems/new`)).statusCode).toBe(200);
    const posted = await client.post(`/plans/${f.plan.id}/problems/new`, { ...problem, managerEmail: 'manager@health.example' });
    expect(posted.statusCode).toBe(302);
    expect(await db.$count(planActionConcerns)).toBe(1);
    await db.update(invitations).set({ state: 'removed' }).where(eq(invitations.id, inv!.id));
    expect((await client.get(`/plans/${f.plan.id}/problems/new`)).statusCode).toBe(404);
  });

  it('staff of another authority never read this authority’s children, whatever their role (one authority per deployment)', async () => {
    const db = handle().db;
    const other = await createOrganisation(db, { kind: 'local-authority', name: 'Otherborough Council' });
    for (const role of ['social-worker', 'team-manager', 'service-manager', 'chair', 'business-support'] as const) {
      const outsider = await createUser(db, { roles: [role], organisationId: other.id });
      const client = await signedIn(outsider.username);
      for (const url of [`/plans/${f.plan.id}`, `/cases/${f.caseId}`, `/people/${f.meeting.alphaId}`]) {
        const res = await client.get(url);
        expect([403, 404], `${role} ${url}`).toContain(res.statusCode);
      }
    }
    // The authority's own staff still read it.
    const worker = await signedIn(f.meeting.socialWorker.username);
    expect((await worker.get(`/plans/${f.plan.id}`)).statusCode).toBe(200);
    expect((await worker.get(`/cases/${f.caseId}`)).statusCode).toBe(200);
  });
});
