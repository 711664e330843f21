import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { designatedReviewLegalAdvice } from '../../../db/schema/index.js';
import { holdDesignatedReview, planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';

describeEachEngine('RV4 legal advice pages', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  let reviewId: string;
  const { db, signedIn } = signedInApp(engine, { at: '2027-12-20T10:00:00Z', env: { CONVENE_PACK: 'newcastle' } });
  beforeAll(async () => {
    f = await planFixture(db(), { pack: 'newcastle', now: new Date('2027-12-20T10:00:00Z') });
    reviewId = await holdDesignatedReview(db(), f);
  });

  it('the team manager sees the task on their home page, is refused with every value kept, then records the advice that the plan page shows', async () => {
    const manager = await signedIn(f.meeting.teamManager.username);
    const home = await manager.get('/');
    expect(home.body).toContain('Legal advice after designated reviews');
    expect(home.body).toContain(`/plans/${f.plan.id}/legal-advice`);
    const plan = await manager.get(`/plans/${f.plan.id}`);
    expect(plan.body).toContain('still waiting for the chair’s briefing note and the team manager’s record of legal advice');

    expectPage(await manager.get(`/plans/${f.plan.id}/legal-advice`), {
      status: 200, shows: ['Designated review held 6 December 2027'], lacks: ['govuk-error-message'],
    });

    const typed = { conferenceId: reviewId, soughtOn: '2027-12-01', adviser: 'Lee Lawful, authority solicitor', advice: 'Threshold for proceedings not met.' };
    expectPage(await manager.post(`/plans/${f.plan.id}/legal-advice`, typed), {
      status: 400, shows: ['on or after the day of the designated review', 'Lee Lawful, authority solicitor', 'Threshold for proceedings not met.'],
    });

    expectPage(await manager.post(`/plans/${f.plan.id}/legal-advice`, { ...typed, soughtOn: '2027-12-08', adviser: '' }), {
      status: 400, shows: ['Enter who gave the advice', 'Threshold for proceedings not met.'],
    });

    const saved = await manager.post(`/plans/${f.plan.id}/legal-advice`, { ...typed, soughtOn: '2027-12-08' });
    expect(saved.statusCode).toBe(302);
    const [row] = await db().select().from(designatedReviewLegalAdvice).where(eq(designatedReviewLegalAdvice.planId, f.plan.id));
    expect(row?.advice).toBe('Threshold for proceedings not met.');
    const after = await manager.get(`/plans/${f.plan.id}`);
    expect(after.body).toContain('Threshold for proceedings not met.');
    expect(after.body).toContain('Sought 8 December 2027 from Lee Lawful, authority solicitor');
    expect((await manager.get('/')).body).not.toContain(`/plans/${f.plan.id}/legal-advice`);
  });

  it('refuses a team manager from another team and a social worker', async () => {
    const other = await signedIn(f.as.secondTeamManager.actor!.username);
    expect((await other.get(`/plans/${f.plan.id}/legal-advice`)).statusCode).toBe(403);
    const worker = await signedIn(f.meeting.socialWorker.username);
    expect((await worker.get(`/plans/${f.plan.id}/legal-advice`)).statusCode).toBe(403);
  });
});
