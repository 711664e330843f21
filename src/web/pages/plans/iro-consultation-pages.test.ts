import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cases, conferenceChildren, conferences, reviewTriggers } from '../../../db/schema/index.js';
import { planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';
import { followPlanFailingPrompt } from './bring-forward-prompt.test-support.js';

describeEachEngine('RV2 in newcastle: the IRO consulted on a bring-forward prompt', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  const { handle, signedIn } = signedInApp(engine, { at: '2026-04-20T10:00:00Z', env: { CONVENE_PACK: 'newcastle' } });
  beforeAll(async () => {
    f = await planFixture(handle().db, { pack: 'newcastle' });
    await handle().db.update(cases).set({ lookedAfter: true }).where(eq(cases.id, f.caseId));
  });

  it('the prompt asks for the IRO; a refusal keeps what was typed; the consultation is recorded with the decision', async () => {
    const worker = await signedIn(f.meeting.socialWorker.username);
    const on = await followPlanFailingPrompt(worker, { homeShows: 'Consult the child’s IRO first (004 2.2.9).', pageShows: 'data-testid="iro-consultation"' });
    const refused = await worker.post(`/plans/${f.plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: 'Visits have resumed weekly', iroConsultedOn: '', iroConsultedNote: 'Agrees it can wait' });
    expectPage(refused, {
      status: 400,
      shows: ['govuk-error-summary', 'Enter the date the IRO was consulted', 'Enter the name of the IRO you consulted', 'Visits have resumed weekly', 'Agrees it can wait'],
    });
    expect(await handle().db.select().from(reviewTriggers).where(eq(reviewTriggers.planId, f.plan.id))).toHaveLength(0);
    const done = await worker.post(`/plans/${f.plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: 'Visits have resumed weekly', iroConsultedName: 'Ira Reviewford', iroConsultedOn: '2026-04-20', iroConsultedNote: 'Agrees it can wait' });
    expect(done.statusCode).toBe(302);
    const [row] = await handle().db.select().from(reviewTriggers).where(eq(reviewTriggers.planId, f.plan.id));
    expect(row).toMatchObject({ trigger: 'plan-failing', iroConsultedName: 'Ira Reviewford', iroConsultedOn: '2026-04-20', iroConsultedNote: 'Agrees it can wait' });
  });

  it('bringing the review forward asks for the IRO’s consultation (who, when, what they said), refuses without it, and records it (004 2.2.9)', async () => {
    // Any child on a plan in newcastle, looked after or not.
    const g = await planFixture(handle().db, { pack: 'newcastle' });
    const worker = await signedIn(g.meeting.socialWorker.username);
    const page = await worker.get(`/plans/${g.plan.id}/review`);
    expect(page.body).toContain('data-testid="iro-consultation"');
    const form = { trigger: 'plan-failing', details: 'Three appointments missed', occurredOn: '2026-04-17', holdBy: '2026-05-15' };
    const refused = await worker.post(`/plans/${g.plan.id}/review`, form);
    expectPage(refused, { status: 400, shows: ['govuk-error-summary', 'Enter the name of the IRO you consulted', 'Say what the IRO said', 'Three appointments missed'] });
    const db = handle().db;
    expect(await db.select().from(reviewTriggers).where(eq(reviewTriggers.planId, g.plan.id))).toHaveLength(0);
    const requested = async () => (await db.select({ id: conferenceChildren.conferenceId }).from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(eq(conferenceChildren.childId, g.meeting.alphaId), eq(conferences.status, 'requested'))));
    expect(await requested()).toHaveLength(0);

    const done = await worker.post(`/plans/${g.plan.id}/review`, { ...form, iroConsultedName: 'Ira Reviewford', iroConsultedOn: '2026-04-18', iroConsultedNote: 'Agrees: bring it forward' });
    expect(done.statusCode).toBe(302);
    const [row] = await db.select().from(reviewTriggers).where(eq(reviewTriggers.planId, g.plan.id));
    expect(row).toMatchObject({ trigger: 'plan-failing', holdBy: '2026-05-15', iroConsultedName: 'Ira Reviewford', iroConsultedOn: '2026-04-18', iroConsultedNote: 'Agrees: bring it forward' });
    expect(await requested()).toHaveLength(1);
    const plan = await worker.get(`/plans/${g.plan.id}`);
    expect(plan.body).toContain('The IRO, Ira Reviewford, was consulted on 18 April 2026: “Agrees: bring it forward”.');
  });

  it('asking for the review now, with no new event, does not ask for the IRO', async () => {
    const g = await planFixture(handle().db, { pack: 'newcastle' });
    const worker = await signedIn(g.meeting.socialWorker.username);
    await worker.get(`/plans/${g.plan.id}/review`);
    const res = await worker.post(`/plans/${g.plan.id}/review`, { trigger: 'now', occurredOn: '2026-04-20', holdBy: '2026-05-15' });
    expect(res.statusCode).toBe(302);
  });

  it('refuses someone without a relationship to the plan', async () => {
    const outsider = await signedIn(f.meeting.minuteTaker.username);
    expect([403, 404]).toContain((await outsider.post(`/plans/${f.plan.id}/bring-forward`, { trigger: 'plan-failing', on: '2026-03-16', reasons: 'x', iroConsultedOn: '2026-04-20', iroConsultedNote: 'x' })).statusCode);
  });
});
