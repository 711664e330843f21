import { beforeAll, expect, it } from 'vitest';
import { planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('RV2 bring-forward pages', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  const { db, signedIn } = signedInApp(engine, { at: '2026-04-20T10:00:00Z', env: { CONVENE_PACK: 'national' } });
  beforeAll(async () => {
    f = await planFixture(db());
  });

  it('the chair opens a prompt, is refused without reasons (typed text kept), and the review request arrives filled in from it', async () => {
    const chair = await signedIn(f.meeting.chair.username);
    // Missed visits (the fixture's plan has none recorded) are a reason on the chair's list.
    const home = await chair.get('/');
    expect(home.body).toContain('Reviews to consider bringing forward');
    const href = /href="(\/plans\/[^"]+\/bring-forward\?trigger=plan-failing&amp;on=[0-9-]+)"/.exec(home.body)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBeDefined();
    const page = await chair.get(href!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The plan is not working');
    const on = new URL(href!, 'http://x').searchParams.get('on')!;
    const refused = await chair.post(`/plans/${f.plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Say why the review need not be brought forward');
    const review = await chair.get(`/plans/${f.plan.id}/review?trigger=plan-failing&occurredOn=${on}`);
    expect(review.body).toMatch(/value="plan-failing" checked/);
    // The date it happened arrives in the GOV.UK date input's three boxes (issue 14).
    const [year, month, day] = on.split('-');
    expect(review.body).toMatch(new RegExp(`id="occurredOn-day" name="occurredOn-day" type="text" value="${Number(day)}"`));
    expect(review.body).toMatch(new RegExp(`id="occurredOn-month" name="occurredOn-month" type="text" value="${Number(month)}"`));
    expect(review.body).toMatch(new RegExp(`id="occurredOn-year" name="occurredOn-year" type="text" value="${year}"`));
    expect((await chair.get(`/plans/${f.plan.id}/bring-forward?trigger=bogus&on=${on}`)).statusCode).toBe(404);
    const saved = await chair.post(`/plans/${f.plan.id}/bring-forward`, { trigger: 'plan-failing', on, reasons: 'Visits resumed this week; the review in May will look at it.' });
    expect(saved.statusCode).toBe(302);
    expect((await chair.get('/')).body).not.toContain(`/plans/${f.plan.id}/bring-forward?trigger=plan-failing`);
  });
});
