import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, conferenceChildren, conferences } from '../../../db/schema/index.js';
import { contextFor, createFamily, discussionInput, referralInput } from '../../../../test/support/front-door-fixtures.js';
import { decideReferral } from '../../../modules/front-door/decide-referral.js';
import { recordAgencyRequest } from '../../../modules/front-door/record-agency-request.js';
import { recordReferral } from '../../../modules/front-door/record-referral.js';
import { recordStrategyDiscussion } from '../../../modules/front-door/record-strategy-discussion.js';
import { startSection47Enquiries } from '../../../modules/front-door/start-section-47.js';
import { testApp, TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

const NOW = new Date('2026-03-09T12:00:00Z');


describeEachEngine('front-door pages: timings, agency requests, CV3, TS29', (engine) => {
  const { db, handle, orgId, staffMember, signedIn: signInAs } = signedInApp(engine, { at: NOW, staff: { sw: ['social-worker'], tm: ['team-manager'] } });
  // Signed in and landed on the home page, as a person arrives.
  const signedIn = async (username: string) => {
    const client = await signInAs(username);
    await client.get('/');
    return client;
  };

  it('shows every front-door page of a family part-way through, FD3 urgent timings included, and audits each read', async () => {
    const family = await createFamily(db(), orgId(), 'Mockworth', [{ givenNames: 'Golf' }, { givenNames: 'Hotel' }]);
    const [golf, hotel] = family.children;
    const ctx = contextFor(staffMember('sw'), NOW);
    for (const c of [golf!, hotel!]) {
      const id = await recordReferral(db(), ctx, c.caseId, referralInput());
      await decideReferral(db(), ctx, id, { decision: 'strategy-discussion', reasons: 'x', decidedDate: '2026-03-02', decidedTime: '15:00' });
    }
    const discussion = await recordStrategyDiscussion(db(), ctx, family.householdId, discussionInput([golf!.caseId, hotel!.caseId], {
      physicalAbuseOrSeriousNeglect: true, concernDate: '2026-03-02', concernTime: '16:00',
    }));
    const [enquiry] = await startSection47Enquiries(db(), ctx, discussion, [golf!.caseId, hotel!.caseId]);
    const request = await recordAgencyRequest(db(), ctx, hotel!.caseId, { professionalName: 'Dr Example', professionalRole: 'Designated doctor', reasons: 'Worried', receivedDate: '2026-03-09' });
    const sw = await signedIn('sw');
    for (const url of [
      `/households/${family.householdId}/front-door`, `/cases/${golf!.caseId}/front-door`, `/section-47/${enquiry}`,
      `/cases/${hotel!.caseId}/agency-requests/new`, `/agency-requests/${request}`,
    ]) {
      const res = await sw.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('govuk-error-message');
    }
    const page = await sw.get(`/strategy-discussions/${discussion}`);
    // Concern at 16:00 on Monday 2 March: discussion due that day, held on the 3rd (late); child seen by 10:00 on 4 March.
    expect(page.body).toMatch(/data-testid="same-day-due">[\s\S]*?2 March 2026[\s\S]*?Done late/);
    expect(page.body).toMatch(/data-testid="seen-within-24-hours">[\s\S]*?Golf Mockworth[\s\S]*?4 Mar 2026, 10:00[\s\S]*?Overdue/);
    const reads = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-record-viewed'), eq(auditEvents.childId, golf!.childId)));
    expect(reads.map((r) => r.recordType)).toEqual(expect.arrayContaining(['household', 'case-front-door', 'section-47-enquiry', 'strategy-discussion']));
    expect((await sw.get('/cases/not-a-case/front-door')).statusCode).toBe(404);
  });

  it('FD5: a manager agreeing an agency’s request goes on to the decision to convene; a social worker cannot decide it', async () => {
    const family = await createFamily(db(), orgId(), 'Dummington', [{ givenNames: 'India' }]);
    const caseId = family.children[0]!.caseId;
    const ctx = contextFor(staffMember('sw'), NOW);
    const sw = await signedIn('sw');
    await sw.get(`/cases/${caseId}/agency-requests/new`);
    const missing = await sw.post(`/cases/${caseId}/agency-requests/new`, { organisationId: '', professionalName: '', professionalRole: 'Designated nurse', reasons: '', receivedDate: '2026-03-09' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the name of the professional making the request');
    const id = await recordAgencyRequest(db(), ctx, caseId, { professionalName: 'Nurse Example', professionalRole: 'Designated nurse', reasons: 'Repeated injuries', receivedDate: '2026-03-09' });
    expect((await sw.post(`/agency-requests/${id}`, { decision: 'agreed', reasons: 'x', version: '1' })).statusCode).toBe(403);
    const tm = await signedIn('tm');
    await tm.get(`/agency-requests/${id}`);
    const noReasons = await tm.post(`/agency-requests/${id}`, { decision: 'agreed', reasons: '', version: '1' });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain('Enter the reasons for the decision');
    const agreed = await tm.post(`/agency-requests/${id}`, { decision: 'agreed', reasons: 'A designated professional’s request is normally agreed', version: '1' });
    expect(agreed.statusCode).toBe(302);
    expect(agreed.headers.location).toBe(`/households/${family.householdId}/convene`);
  });

  it('CV3: adding a new baby to the siblings’ review without its own strategy discussion and section 47 says a new ICPC is needed', async () => {
    const family = await createFamily(db(), orgId(), 'Samplewood', [{ givenNames: 'Juliet' }, { givenNames: '', dateOfBirth: null, expectedDeliveryDate: '2026-08-01' }]);
    const [sibling, baby] = family.children;
    const [review] = await db().insert(conferences).values({ householdId: family.householdId, kind: 'review', status: 'booked', pack: 'national' }).returning();
    await db().insert(conferenceChildren).values({ conferenceId: review!.id, caseId: sibling!.caseId, childId: sibling!.childId, role: 'subject', childType: 'review' });
    const sw = await signedIn('sw');
    const household = await sw.get(`/households/${family.householdId}/front-door`);
    expect(household.body).toContain('Add a child as a subject of the review child protection conference');
    const refused = await sw.post(`/conferences/${review!.id}/review-subjects`, { caseId: baby!.caseId, likelyHarm: 'Neglect', harmFrom: 'Parents' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Unborn baby Samplewood has not had their own strategy discussion and section 47 enquiry');
    expect(refused.body).toContain('a new initial child protection conference is needed');
    expect(await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, review!.id))).toHaveLength(1);
  });

  it('TS29: in nottinghamshire the decision to convene tells the social worker to contact the diary co-ordinator the same day', async () => {
    const notts = await testApp(handle(), { clock: new TestClock(NOW), env: { CONVENE_PACK: 'nottinghamshire' } });
    try {
      const family = await createFamily(db(), orgId(), 'Exemplar', [{ givenNames: 'Kilo' }]);
      const client = new WebClient(notts);
      await client.signIn('sw', TEST_PASSWORD);
      const page = await client.get(`/households/${family.householdId}/convene`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Booking (TS29):');
      expect(page.body).toContain('Due 9 March 2026: the same day as the decision to convene on 9 March 2026; the social worker contacts the diary co-ordinator');
    } finally {
      await notts.close();
    }
    const national = await signedIn('sw');
    const family = await createFamily(db(), orgId(), 'Exemplary', [{ givenNames: 'Lima' }]);
    expect((await national.get(`/households/${family.householdId}/convene`)).body).not.toContain('Booking (TS29)');
  });
});
