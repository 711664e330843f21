import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { childProtectionPlans, people, users } from '../../../db/schema/index.js';
import { planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('UB2 the discharge-home plan pages', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  const { db, signedIn } = signedInApp(engine, { at: '2026-04-20T10:00:00Z' });
  beforeAll(async () => {
    f = await planFixture(db(), { now: new Date('2026-04-20T10:00:00Z') });
    await db().update(people).set({ givenNames: '', dateOfBirth: null, expectedDeliveryDate: '2026-06-15', sex: 'U' }).where(eq(people.id, f.meeting.alphaId));
  });

  it('the plan page says the discharge-home plan of a pre-birth plan is missing (UB2)', async () => {
    const worker = await signedIn(f.meeting.socialWorker.username);
    const page = await worker.get(`/plans/${f.plan.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="discharge-home"');
    expect(page.body).toContain('This plan was made before the birth and does not yet say how the baby will leave hospital and go home (UB2).');
    expect(page.body).toContain(`href="/plans/${f.plan.id}/discharge-home">Write how the baby goes home`);
  });

  it('the lead social worker is asked on their list, is refused a blank plan, then writes it and the prompt goes', async () => {
    const worker = await signedIn(f.meeting.socialWorker.username);
    const home = await worker.get('/');
    expect(home.body).toContain(`/plans/${f.plan.id}/discharge-home`);
    expect(home.body).toContain('Hold the core group before the birth');
    const form = await worker.get(`/plans/${f.plan.id}/discharge-home`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('govuk-error-message');
    const refused = await worker.post(`/plans/${f.plan.id}/discharge-home`, { dischargeHomePlan: ' ', version: String(f.plan.version) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Say how the baby will leave hospital and go home');
    const saved = await worker.post(`/plans/${f.plan.id}/discharge-home`, { dischargeHomePlan: 'Home with mother after two nights; health visitor on day 3', version: String(f.plan.version) });
    expect(saved.statusCode).toBe(302);
    const [plan] = await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f.plan.id));
    expect(plan?.dischargeHomePlan).toBe('Home with mother after two nights; health visitor on day 3');
    expect((await worker.get('/')).body).not.toContain(`/plans/${f.plan.id}/discharge-home`);
    expect(plan).toMatchObject({ dischargeHomePlanBy: f.meeting.socialWorker.id, dischargeHomePlanAt: new Date('2026-04-20T10:00:00Z') });

    // The plan page shows what was written, by whom and when (UB2).
    const page = await worker.get(`/plans/${f.plan.id}`);
    expect(page.body).not.toContain('does not yet say how the baby will leave hospital');
    const shown = page.body.slice(page.body.indexOf('data-testid="discharge-home"'));
    expect(shown).toContain('Home with mother after two nights; health visitor on day 3');
    expect(shown).toContain(`Written by ${f.meeting.socialWorker.displayName} on 20 Apr 2026, 11:00`);
    expect(shown).toContain('Change how the baby goes home');
  });

  it('a plan made after the birth has no discharge-home section', async () => {
    const born = await planFixture(db(), { now: new Date('2026-04-20T10:00:00Z') });
    const worker = await signedIn(born.meeting.socialWorker.username);
    const page = await worker.get(`/plans/${born.plan.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('data-testid="discharge-home"');
  });

  it('refuses someone with no relationship to the plan', async () => {
    const outsider = await createUser(db(), { roles: ['social-worker'], organisationId: f.meeting.socialWorker.organisationId, username: `other-sw-${engine}` });
    const other = await signedIn(outsider.username);
    expect([403, 404]).toContain((await other.get(`/plans/${f.plan.id}/discharge-home`)).statusCode);
    const [second] = await db().select().from(users).where(eq(users.id, f.as.secondTeamManager.actor!.id));
    const manager = await signedIn(second!.username);
    expect((await manager.get(`/plans/${f.plan.id}/discharge-home`)).statusCode).toBe(403);
  });
});
