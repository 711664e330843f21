import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createTeam, createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { auditEvents, caseAllocations, cases, childProtectionPlans, people } from '../../../db/schema/index.js';

describeEachEngine('reallocating and closing a case', (engine) => {
  let orgId: string;
  let teamId: string;
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-02T10:00:00Z' });
  beforeAll(async () => {
    orgId = (await createOrganisation(db())).id;
    teamId = (await createTeam(db(), orgId)).id;
    // The manager reallocates within their own team, so the case stays theirs to see (need to know).
    await createUser(db(), { roles: ['team-manager'], username: 'manager', organisationId: orgId, teamId });
    await createUser(db(), { roles: ['social-worker'], username: 'worker', organisationId: orgId });
  });

  it('a team manager moves a case to another social worker with a reason; the history is kept, the open plan follows, and a social worker cannot do it', async () => {
    const fixture = await childOnAPlan(db(), orgId);
    const newWorker = await createUser(db(), { roles: ['social-worker'], username: 'new-worker', displayName: 'Nia Newworker', organisationId: orgId, teamId });
    const caseId = fixture.plan.caseId;
    const worker = await signedIn('worker');
    expect((await worker.get(`/cases/${caseId}/allocation`)).statusCode).toBe(403);

    const manager = await signedIn('manager');
    const form = await manager.get(`/cases/${caseId}/allocation`);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const bad = await manager.post(`/cases/${caseId}/allocation`, { socialWorkerId: newWorker.id, teamManagerId: '', fromDate: '2026-02-30', reason: '', version });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say why the case is moving');
    expect(bad.body).toContain('Enter the date the new allocation starts as a real date');
    expect(await db().$count(caseAllocations)).toBe(0);
    const moved = await manager.post(`/cases/${caseId}/allocation`, { socialWorkerId: newWorker.id, teamManagerId: '', fromDate: '2026-03-02', reason: 'Caseload balancing', version });
    expect(moved.statusCode).toBe(302);
    expect((await db().select().from(cases).where(eq(cases.id, caseId)))[0]?.socialWorkerId).toBe(newWorker.id);
    expect((await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.id, fixture.plan.id)))[0]?.leadSocialWorkerId).toBe(newWorker.id);
    expect((await manager.get(`/cases/${caseId}/allocation`)).body).toContain('Caseload balancing');
    const stale = await manager.post(`/cases/${caseId}/allocation`, { socialWorkerId: '', teamManagerId: '', fromDate: '2026-03-02', reason: 'Again', version });
    expect(stale.statusCode).toBe(409);
    expect((await db().select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.childId, fixture.child.id))).map((r) => r.a)).toContain('case-reallocated');
  });

  it('closing needs a confirmation, a census reason, and no open plan', async () => {
    const fixture = await childOnAPlan(db(), orgId);
    const caseId = fixture.plan.caseId;
    const manager = await signedIn('manager');
    const page = await manager.get(`/cases/${caseId}/close`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const unconfirmed = await manager.post(`/cases/${caseId}/close`, { closedOn: '2026-03-02', closureReason: 'RC7', version });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the case should close');
    const onPlan = await manager.post(`/cases/${caseId}/close`, { closedOn: '2026-03-02', closureReason: 'RC7', confirm: 'yes', version });
    expect(onPlan.statusCode).toBe(400);
    expect(onPlan.body).toContain('end the plan before closing the case');
    await db().update(childProtectionPlans).set({ endDate: '2026-02-27', endReason: 'review-conference-decision' }).where(eq(childProtectionPlans.id, fixture.plan.id));
    const early = await manager.post(`/cases/${caseId}/close`, { closedOn: '2026-02-20', closureReason: 'RC7', confirm: 'yes', version });
    expect(early.body).toContain('Close it on or after that date.');
    expect(early.body).toContain('Census check C12');
    const closed = await manager.post(`/cases/${caseId}/close`, { closedOn: '2026-03-02', closureReason: 'RC7', confirm: 'yes', version });
    expect(closed.statusCode).toBe(302);
    expect((await db().select().from(cases).where(eq(cases.id, caseId)))[0]).toMatchObject({ closedOn: '2026-03-02', closureReason: 'RC7' });
    const [child] = await db().select().from(people).where(eq(people.id, fixture.child.id));
    const shown = (await manager.get(closed.headers.location as string)).body;
    expect(shown).toContain('The case is closed.');
    expect(shown).toContain('Closed 2 March 2026 (RC7)');
    expect(shown).not.toContain('Reallocate');
    expect(child).toBeDefined();
  });
});
