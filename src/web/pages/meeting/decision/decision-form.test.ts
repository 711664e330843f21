import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { meetingDecisions } from '../../../../db/schema/index.js';
import { TestClock } from '../../../../../test/support/app.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { attendanceByName, createMeetingFixture, meetingUnderWay } from '../../../../../test/support/meeting-factory.js';
import { saveView } from '../../../../modules/meeting/save-view.js';

describeEachEngine('the progressive decision form (issue 14)', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T10:20:00Z'));
  const { db, signedIn } = signedInApp(engine, { clock });

  it('starts from the case: the allocated social worker as lead, the core group from those present, the latest dates the timescales allow', async () => {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const chair = await signedIn(f.chair);
    const page = await chair.get(`/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/decision`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${f.socialWorker.id}" selected>Sam Sampleford</option>`);
    expect(page.body).not.toMatch(/<option value="" selected>Not yet allocated/);
    expect(page.body).toContain('Hana Exampleton, Health visitor');
    expect(page.body).toContain('Demi Testington, Mother');
    expect(page.body).not.toContain('Hal Housington, Housing officer'); // sent apologies
    expect(page.body).toMatch(/name="reviewOn" type="date" value="2026-\d\d-\d\d"/);
    // Each outcome reveals only its own questions (GOV.UK conditional reveal).
    expect(page.body).toContain('data-aria-controls="conditional-outcome"');
    expect(page.body).toContain('id="conditional-outcome"');
  });

  it('drops what the chosen outcome hides: a defaulted plan section does not refuse or colour a no-plan decision', async () => {
    const f = await createMeetingFixture(db());
    const { minuteTaker } = await meetingUnderWay(db(), f);
    const sam = (await attendanceByName(db(), f.conferenceId)).get('Sam Sampleford')!;
    await saveView(db(), minuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: sam.id, planNeeded: false, categories: [], reasons: 'No continuing risk' }, null);
    const chair = await signedIn(f.chair);
    const url = `/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/decision`;
    await chair.get(url);
    const res = await chair.post(url, {
      outcome: 'no-plan-nfa', sufferedHarm: 'no', sufferedHarmReasons: 'No injury found', likelyHarm: 'no', likelyHarmReasons: 'The risk has gone',
      // Still sent from the hidden plan section, as a browser does.
      categories: 'PHY', leadSocialWorkerId: f.socialWorker.id, coreGroup: 'Demi Testington, Mother', reviewTriggers: 'Anything', interimSafetyPlan: 'Hidden',
      parentsView: 'agree',
    });
    expect(res.statusCode, res.body.match(/govuk-error-summary__list[\s\S]{0,800}/)?.[0]).toBe(302);
    const [decision] = await db().select().from(meetingDecisions).where(and(eq(meetingDecisions.conferenceId, f.conferenceId), eq(meetingDecisions.childId, f.alphaId)));
    expect(decision).toMatchObject({ outcome: 'no-plan-nfa', categories: [], leadSocialWorkerId: null, coreGroupMembers: [], interimSafetyPlan: null });
  });

  it('links every error in a refused decision\'s summary to a field on the page (the core group, the review date, the categories)', async () => {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const chair = await signedIn(f.chair);
    const url = `/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/decision`;
    await chair.get(url);
    // A plan with nothing filled in past the outcome: every plan question is refused at once.
    const res = await chair.post(url, { outcome: 'plan', coreGroup: '', reviewOn: '', categories: '' });
    expect(res.statusCode).toBe(400);
    const summary = res.body.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)?.[0] ?? '';
    const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toContain('coreGroupMembers');
    for (const id of targets) expect(res.body, `the summary links #${id}`).toContain(`id="${id}"`);
  });
});
