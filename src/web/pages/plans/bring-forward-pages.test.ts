import { expect, it } from 'vitest';
import { planPageSuite } from './plan-page-suite.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { followPlanFailingPrompt } from './bring-forward-prompt.test-support.js';

describeEachEngine('RV2 bring-forward pages', (engine) => {
  const { signedIn, f } = planPageSuite(engine, { app: { env: { CONVENE_PACK: 'national' } } });

  it('the chair opens a prompt, is refused without reasons (typed text kept), and the review request arrives filled in from it', async () => {
    const chair = await signedIn(f().meeting.chair.username);
    // Missed visits (the fixture's plan has none recorded) are a reason on the chair's list.
    const on = await followPlanFailingPrompt(chair, { homeShows: 'Reviews to consider bringing forward', pageShows: 'The plan is not working' });
    const refused = await chair.post(`/plans/${f().plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Say why the review need not be brought forward');
    const review = await chair.get(`/plans/${f().plan.id}/review?trigger=plan-failing&occurredOn=${on}`);
    expect(review.body).toMatch(/value="plan-failing" checked/);
    // The date it happened arrives in the GOV.UK date input's three boxes (issue 14).
    const [year, month, day] = on.split('-');
    expect(review.body).toMatch(new RegExp(`id="occurredOn-day" name="occurredOn-day" type="text" value="${Number(day)}"`));
    expect(review.body).toMatch(new RegExp(`id="occurredOn-month" name="occurredOn-month" type="text" value="${Number(month)}"`));
    expect(review.body).toMatch(new RegExp(`id="occurredOn-year" name="occurredOn-year" type="text" value="${year}"`));
    expect((await chair.get(`/plans/${f().plan.id}/bring-forward?trigger=bogus&on=${on}`)).statusCode).toBe(404);
    const saved = await chair.post(`/plans/${f().plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: 'Visits resumed this week; the review in May will look at it.' });
    expect(saved.statusCode).toBe(302);
    expect((await chair.get('/')).body).not.toContain(`/plans/${f().plan.id}/bring-forward?trigger=plan-failing`);
  });
});
