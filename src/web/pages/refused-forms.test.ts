import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { COMPLETE_OUTLINE, attendanceByName, createMeetingFixture, meetingUnderWay, planDecision, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { concludeMeeting } from '../../modules/meeting/conclude-meeting.js';
import { recordDecision } from '../../modules/meeting/record-decision.js';
import { saveOutlinePlan } from '../../modules/meeting/save-outline-plan.js';
import { saveView } from '../../modules/meeting/save-view.js';
import { invitations, reports } from '../../db/schema/index.js';
import { headingsFor } from '../../domain/reports/headings.js';
import { sectionField } from '../../domain/reports/report-content.js';
import { contextFor, createFamily, discussionInput, referralInput } from '../../../test/support/front-door-fixtures.js';
import { signedInApp } from '../../../test/support/signed-in-app.js';
import { decideReferral } from '../../modules/front-door/decide-referral.js';
import { recordAgencyRequest } from '../../modules/front-door/record-agency-request.js';
import { recordReferral } from '../../modules/front-door/record-referral.js';
import { recordStrategyDiscussion } from '../../modules/front-door/record-strategy-discussion.js';
import { startSection47Enquiries } from '../../modules/front-door/start-section-47.js';

/** Every text typed into a form, each one a token that cannot appear on the page by chance. */
function typed(fields: readonly string[], tag: string): Record<string, string> {
  return Object.fromEntries(fields.map((f, i) => [f, `${tag}${i}typed${f.replace(/[^a-zA-Z0-9]/g, '')}`]));
}

/** The refusal comes back as the form: an error summary (or, for someone else's save, the notice that says so), and every value that was typed. */
function expectEverythingKept(res: { statusCode: number; body: string }, values: Record<string, string>) {
  expect(res.statusCode, res.body.slice(0, 400)).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.body.includes('govuk-error-summary') || (res.statusCode === 409 && res.body.includes('What you typed is kept'))).toBe(true);
  for (const [field, value] of Object.entries(values)) expect(res.body, `${field} was typed and lost`).toContain(value);
}

// Issue 14, "Nothing typed is ever lost": a refused submission of any long form re-shows all of it.
describeEachEngine('a refused form keeps everything typed', (engine) => {
  const now = new Date('2026-02-23T10:00:00Z');
  const clock = new TestClock(now);
  let f: MeetingFixture;
  let practitioner: Awaited<ReturnType<typeof createUser>>;

  const { db, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    f = await createMeetingFixture(db());
    practitioner = await createUser(db(), { roles: ['agency-practitioner'], displayName: 'Hana Exampleton', username: `hana-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, f.invitationIds.healthVisitor));
  });

  const headings = headingsFor('agency', 'initial');
  const reportTexts = (tag: string) => typed([...headings.map((_, i) => sectionField(i, 'text')), 'confidentialText'], tag);
  const markings = Object.fromEntries(headings.map((_, i) => [sectionField(i, 'marking'), 'fact']));

  it('agency report: a refused confidential section keeps every value, and the corrected form then starts the report', async () => {
    const client = await signedIn(practitioner.username);
    const newUrl = `/conferences/${f.conferenceId}/reports/new`;
    await client.get(`${newUrl}?kind=agency`);
    const texts = reportTexts('first');
    const refused = await client.post(newUrl, { kind: 'agency', intent: 'save', ...texts, ...markings, confidentialReason: '', confidentialCategories: 'police-information' });
    expectEverythingKept(refused, texts);
    expect(refused.body).toContain('Say why this information cannot be shared with the family');
    expect(refused.body).toMatch(/value="police-information" checked/);
    expect(await db().select().from(reports).where(eq(reports.conferenceId, f.conferenceId))).toEqual([]);

    const started = await client.post(newUrl, { kind: 'agency', intent: 'save', ...texts, ...markings, confidentialReason: 'Police investigation', confidentialCategories: 'police-information' });
    expect(started.statusCode).toBe(302);
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(started.headers.location as string)![1]!;

    // Opening the new-report page again opens the started report.
    const reopened = await client.get(`${newUrl}?kind=agency`);
    expect(reopened.statusCode).toBe(302);
    expect(reopened.headers.location).toBe(`/reports/${reportId}`);
    // The same new-report form sent again (the back button, a second click): not "already started"
    // with everything gone, but the started report's form holding what was just typed.
    const again = reportTexts('second');
    const resent = await client.post(newUrl, { kind: 'agency', intent: 'save', ...again, ...markings, confidentialReason: 'Police investigation', confidentialCategories: 'police-information' });
    expectEverythingKept(resent, again);
    expect(resent.statusCode).toBe(409);
    expect(resent.body).toContain(`action="/reports/${reportId}"`);
    const version = /name="version" value="(\d+)"/.exec(resent.body)![1]!;
    const saved = await client.post(`/reports/${reportId}`, { intent: 'save', ...again, ...markings, confidentialReason: 'Police investigation', confidentialCategories: 'police-information', version });
    expect(saved.statusCode).toBe(302);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row!.sections[0]!.text).toBe(again[sectionField(0, 'text')]);
  });

  it('agency report: a save refused because the report changed since it was opened keeps every value, the confidential section included', async () => {
    const client = await signedIn(practitioner.username);
    const [row] = await db().select().from(reports).where(eq(reports.authorId, practitioner.id));
    await client.get(`/reports/${row!.id}`);
    const texts = reportTexts('fourth');
    const confidential = { confidentialReason: 'fourthtypedReason under police investigation', confidentialCategories: 'police-information' };
    const stale = await client.post(`/reports/${row!.id}`, { intent: 'save', ...texts, ...markings, ...confidential, version: String(row!.version - 1) });
    expectEverythingKept(stale, { ...texts, confidentialReason: confidential.confidentialReason });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toMatch(/value="police-information" checked/);
    const [after] = await db().select().from(reports).where(eq(reports.id, row!.id));
    expect(after!.version).toBe(row!.version);
  });

  it('agency report: submitting with a heading missing keeps every value, and the corrected form submits', async () => {
    const client = await signedIn(practitioner.username);
    const [row] = await db().select().from(reports).where(eq(reports.authorId, practitioner.id));
    const page = await client.get(`/reports/${row!.id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const texts = reportTexts('third');
    const firstRequired = headings.findIndex((h) => h.required);
    const missing = { ...texts, [sectionField(firstRequired, 'text')]: '' };
    delete (missing as Record<string, string>)[sectionField(firstRequired, 'text')];
    const body = { ...missing, ...markings, confidentialReason: 'Police investigation', confidentialCategories: 'police-information' };
    const refused = await client.post(`/reports/${row!.id}`, { ...body, version, intent: 'submit' });
    expectEverythingKept(refused, Object.fromEntries(Object.entries(missing).filter(([, v]) => v)));
    const next = /name="version" value="(\d+)"/.exec(refused.body)![1]!;
    const submitted = await client.post(`/reports/${row!.id}`, { ...body, [sectionField(firstRequired, 'text')]: 'Written now', version: next, intent: 'submit' });
    expect(submitted.statusCode, submitted.body.slice(0, 2000)).toBe(302);
    const [after] = await db().select().from(reports).where(eq(reports.id, row!.id));
    expect(after!.status).toBe('submitted');
  });

  it('the social work report, the meeting record and the outline plan keep every value on refusal', async () => {
    const worker = await signedIn(f.socialWorker.username);
    const swUrl = `/conferences/${f.conferenceId}/reports/new`;
    await worker.get(`${swUrl}?kind=social-work&child=${f.alphaId}`);
    const swTexts = typed(headingsFor('social-work', 'initial').map((_, i) => sectionField(i, 'text')).concat('confidentialText', 'legalActionRecommendation'), 'sw');
    const swRefused = await worker.post(swUrl, { kind: 'social-work', childId: f.alphaId, ...swTexts, confidentialReason: '', legalActionRecommended: 'yes' });
    expectEverythingKept(swRefused, swTexts);
    expect(swRefused.body).toMatch(/name="legalActionRecommended" type="radio" value="yes" checked/);

    // The meeting of a second conference: the outline plan while it runs, the record once it is over.
    clock.current = new Date('2026-03-02T10:20:00Z');
    const m = await createMeetingFixture(db());
    const { chair: chairCtx, minuteTaker: takerCtx } = await meetingUnderWay(db(), m);
    const planUrl = `/conferences/${m.conferenceId}/meeting/children/${m.alphaId}/plan`;
    const chair = await signedIn(m.chair.username);
    expect((await chair.get(planUrl)).statusCode).toBe(200);
    const planTexts = typed(['riskStatement', 'aim', 'outcomes', 'shortTermObjectives', 'longTermObjectives', 'nonNegotiables', 'immediateActions', 'contingency', 'endConditions', 'explainedToChild', 'familyLanguage', 'familyCopyArrangements', 'action_0_action', 'action_0_owner', 'action_0_timescale'], 'plan');
    expectEverythingKept(await chair.post(planUrl, { ...planTexts, visitFrequencyWeeks: 'fortnightly', actionRows: '1' }), { ...planTexts, visitFrequencyWeeks: 'fortnightly' });

    const people = await attendanceByName(db(), m.conferenceId);
    await saveView(db(), takerCtx, m.conferenceId, m.alphaId, null, { attendanceId: people.get('Sam Sampleford')!.id, planNeeded: true, categories: ['PHY'], reasons: 'Risk' }, null);
    await recordDecision(db(), chairCtx, m.conferenceId, m.alphaId, planDecision(m), null);
    await saveOutlinePlan(db(), takerCtx, m.conferenceId, m.alphaId, COMPLETE_OUTLINE, null);
    await concludeMeeting(db(), chairCtx, m.conferenceId, { version: 2 });
    const minuteTaker = await signedIn(m.minuteTaker.username);
    const recordPage = await minuteTaker.get(`/conferences/${m.conferenceId}/record`);
    expect(recordPage.statusCode).toBe(200);
    const sectionNames = [...recordPage.body.matchAll(/<textarea[^>]*name="(section_[^"]+)"/g)].map((m) => m[1]!);
    expect(sectionNames.length).toBeGreaterThan(3);
    const recordTexts = typed(sectionNames, 'rec');
    expectEverythingKept(await minuteTaker.post(`/conferences/${m.conferenceId}/record`, { ...recordTexts, version: '999' }), recordTexts);

  });

  it('the referral, the strategy discussion and the section 47 outcome keep every value on refusal', async () => {
    const orgId = (await createOrganisation(db())).id;
    const sw = await createUser(db(), { roles: ['social-worker'], organisationId: orgId, username: `fd-${engine}` });
    const family = await createFamily(db(), orgId, 'Mockworth', [{ givenNames: 'Golf' }]);
    const golf = family.children[0]!;
    clock.current = new Date('2026-03-09T12:00:00Z');
    const ctx = contextFor(sw, clock.current);
    const client = await signedIn(sw.username);

    await client.get(`/cases/${golf.caseId}/referral/new`);
    const referralTexts = typed(['referrerName', 'referrerRole', 'referrerOrganisation', 'natureOfConcerns', 'howConcernsArose', 'needs', 'referrerInvolvement'], 'ref');
    expectEverythingKept(await client.post(`/cases/${golf.caseId}/referral/new`, { ...referralTexts, receivedDate: '2026-03-09', receivedTime: '09:00', referrerIsProfessional: 'yes', anonymous: 'no' }), referralTexts);

    const referralId = await recordReferral(db(), ctx, golf.caseId, referralInput());
    await decideReferral(db(), ctx, referralId, { decision: 'strategy-discussion', reasons: 'x', decidedDate: '2026-03-02', decidedTime: '15:00' });
    const sdUrl = `/households/${family.householdId}/strategy-discussions/new`;
    expect((await client.get(sdUrl)).statusCode).toBe(200);
    const sdTexts = typed(['informationShared', 'decisions', 'basisForDecisions', 'immediateSafetyActions', 'sharedWithFamily', 'legalAction'], 'sd');
    expectEverythingKept(await client.post(sdUrl, { ...sdTexts, caseIds: golf.caseId, heldTime: '10:00' }), sdTexts);

    const discussion = await recordStrategyDiscussion(db(), ctx, family.householdId, discussionInput([golf.caseId]));
    const [enquiry] = await startSection47Enquiries(db(), ctx, discussion, [golf.caseId]);
    await client.get(`/section-47/${enquiry}/outcome`);
    const outcomeTexts = typed(['reasons'], 's47');
    expectEverythingKept(await client.post(`/section-47/${enquiry}/outcome`, { ...outcomeTexts }), outcomeTexts);
  });

  it('a refusal that cannot show the form again (someone decided first) still shows everything typed', async () => {
    const orgId = (await createOrganisation(db())).id;
    const sw = await createUser(db(), { roles: ['social-worker'], organisationId: orgId, username: `ar-sw-${engine}` });
    await createUser(db(), { roles: ['team-manager'], organisationId: orgId, username: `ar-tm1-${engine}` });
    await createUser(db(), { roles: ['team-manager'], organisationId: orgId, username: `ar-tm2-${engine}` });
    const family = await createFamily(db(), orgId, 'Samplewell', [{ givenNames: 'India' }]);
    clock.current = new Date('2026-03-09T12:00:00Z');
    const requestId = await recordAgencyRequest(db(), contextFor(sw, clock.current), family.children[0]!.caseId, { professionalName: 'Dr Example', professionalRole: 'Designated doctor', reasons: 'Worried', receivedDate: '2026-03-09' });
    const first = await signedIn(`ar-tm1-${engine}`);
    const second = await signedIn(`ar-tm2-${engine}`);
    await first.get(`/agency-requests/${requestId}`);
    await second.get(`/agency-requests/${requestId}`);
    expect((await first.post(`/agency-requests/${requestId}`, { decision: 'agreed', reasons: 'Agreed at once', version: '1' })).statusCode).toBe(302);
    const typedReasons = 'Second manager wrote these reasons at length before the first one saved';
    const late = await second.post(`/agency-requests/${requestId}`, { decision: 'declined', reasons: typedReasons, version: '1' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('What you typed');
    expect(late.body).toContain(typedReasons);
    const typedSection = late.body.slice(late.body.indexOf('What you typed'));
    expect(typedSection).not.toContain(`convene-pre-wrap">1</p>`);
  });
});
