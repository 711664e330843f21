import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { concludedMeeting, createMeetingFixture, type MeetingFixture, meetingUnderWay } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { auditEvents, conferenceRecords, formDrafts, invitations, reports, sessions } from '../../../db/schema/index.js';
import { sectionField } from '../../../domain/reports/report-content.js';
import { draftFields } from '../../../modules/drafts/draft-fields.js';

describe('draftFields: what of a posted form a draft keeps', () => {
  it('keeps text and lists of text, never the CSRF token, the version seen or the button pressed', () => {
    expect(draftFields({ _csrf: 't', version: '3', intent: 'submit', a: 'typed', b: ['x', 'y'], c: 4, d: { e: 'f' } })).toEqual({ a: 'typed', b: ['x', 'y'] });
  });
  it('keeps nothing of something that is not a form', () => {
    expect(draftFields(null)).toEqual({});
    expect(draftFields(['a'])).toEqual({});
  });
});

// Issue 14: long forms keep a draft as the person types, and nothing typed is lost across a session timeout.
describeEachEngine('drafts of the long forms', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T10:20:00Z'));
  let meeting: MeetingFixture; // the meeting under way: the outline plan
  let held: MeetingFixture; // the meeting concluded: the record
  let recordUrl: string;
  let sectionNames: string[];

  const { db, app, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    meeting = await createMeetingFixture(db());
    await meetingUnderWay(db(), meeting);
    held = await createMeetingFixture(db());
    await concludedMeeting(db(), held, { views: { 'Sam Sampleford': { planNeeded: true, categories: ['PHY'], reasons: 'Risk' } } });
    recordUrl = `/conferences/${held.conferenceId}/record`;
  });

  async function recordSections(client: WebClient): Promise<string[]> {
    const page = await client.get(recordUrl);
    expect(page.statusCode).toBe(200);
    return [...page.body.matchAll(/<textarea[^>]*name="(section_[^"]+)"/g)].map((m) => m[1]!);
  }

  const draftsOf = (userId: string) => db().select().from(formDrafts).where(and(eq(formDrafts.userId, userId), isNull(formDrafts.clearedAt)));

  it('the record: saved as typed (audited per child), restored only for its author with the time it was saved, then discarded', async () => {
    const taker = await signedIn(held.minuteTaker.username);
    sectionNames = await recordSections(taker);
    expect(sectionNames.length).toBeGreaterThan(3);
    expect(taker.lastBody).toContain(`data-draft-url="${recordUrl}/draft"`);
    const first = sectionNames[0]!;

    const saved = await taker.post(`${recordUrl}/draft`, { [first]: 'Typed in the meeting, not yet saved', version: '1' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ savedAtText: '10:20' });
    const [draft] = await draftsOf(held.minuteTaker.id);
    expect(draft).toMatchObject({ formKey: 'record', recordId: held.conferenceId, path: recordUrl });
    expect(draft!.fields).toEqual({ [first]: 'Typed in the meeting, not yet saved' }); // the version seen is never kept
    const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'form-draft-saved'), eq(auditEvents.recordId, draft!.id)));
    expect(audited.map((a) => a.childId)).toEqual([held.alphaId]);

    clock.advanceMinutes(5);
    const back = await taker.get(recordUrl);
    expect(back.body).toContain('Restored from your draft saved at 10:20');
    expect(back.body).toContain('Typed in the meeting, not yet saved');

    // Another of the authority's business support staff, who may write the record too, never sees it.
    const colleague = await createUser(db(), { roles: ['business-support'], organisationId: held.minuteTaker.organisationId, username: `colleague-${engine}` });
    const other = await signedIn(colleague.username);
    const theirs = await other.get(recordUrl);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Typed in the meeting, not yet saved');
    expect(theirs.body).not.toContain('Restored from your draft');
    // Nor can they throw it away.
    expect((await other.post(`/drafts/${draft!.id}/discard`, {})).statusCode).toBe(404);
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(1);

    const discarded = await taker.post(`/drafts/${draft!.id}/discard`, {});
    expect(discarded.statusCode).toBe(303);
    expect(discarded.headers.location).toBe(recordUrl);
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(0);
    const after = await taker.get(recordUrl);
    expect(after.body).not.toContain('Typed in the meeting, not yet saved');
    expect((await db().select().from(auditEvents).where(eq(auditEvents.action, 'form-draft-discarded'))).length).toBeGreaterThan(0);
  });

  it('someone with no relationship to the children can neither keep nor see a draft of the record', async () => {
    const elsewhere = await createOrganisation(db(), { name: `Elsewhere Council ${engine}`, kind: 'local-authority' });
    const outsider = await createUser(db(), { roles: ['business-support'], organisationId: elsewhere.id, username: `outsider-${engine}` });
    const client = await signedIn(outsider.username);
    await client.get('/');
    const refused = await client.post(`${recordUrl}/draft`, { [sectionNames[0]!]: 'Should never be kept' });
    expect(refused.statusCode).toBe(404);
    expect(await draftsOf(outsider.id)).toHaveLength(0);
    // A role without the record's pen is refused before anything is read.
    const worker = await signedIn(held.socialWorker.username);
    await worker.get(recordUrl);
    expect((await worker.post(`${recordUrl}/draft`, { [sectionNames[0]!]: 'x' })).statusCode).toBe(403);
    expect(await draftsOf(held.socialWorker.id)).toHaveLength(0);
  });

  it('a successful save of the record deletes the draft', async () => {
    clock.advanceMinutes(1); // typing after the draft above was discarded
    const taker = await signedIn(held.minuteTaker.username);
    await taker.get(recordUrl);
    await taker.post(`${recordUrl}/draft`, { [sectionNames[0]!]: 'About to be saved' });
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(1);
    const page = await taker.get(recordUrl);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const form = Object.fromEntries(sectionNames.map((n) => [n, `Saved text for ${n}`]));
    const res = await taker.post(recordUrl, { ...form, version });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(302);
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(0);
    expect((await db().select().from(auditEvents).where(eq(auditEvents.action, 'form-draft-submitted'))).length).toBeGreaterThan(0);
  });

  it('a form sent after the session has ended is kept as a draft, and signing in again returns to it filled in: nothing typed is lost', async () => {
    const taker = await signedIn(held.minuteTaker.username);
    const page = await taker.get(recordUrl);
    const [record] = await db().select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, held.conferenceId));
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const typed = Object.fromEntries(sectionNames.map((n) => [n, `Written over lunch: ${n}`]));

    clock.advanceMinutes(31); // past the 30-minute idle timeout
    const sent = await taker.post(recordUrl, { ...typed, version });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/sign-in?ended=1&next=${encodeURIComponent(recordUrl)}`);
    // Nothing was saved to the record itself: the session had ended.
    const [unchanged] = await db().select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, held.conferenceId));
    expect(unchanged!.version).toBe(record!.version);
    const [kept] = await draftsOf(held.minuteTaker.id);
    expect(kept!.fields).toEqual(typed);

    const signInPage = await taker.get(sent.headers.location as string);
    expect(signInPage.body).toContain('You were signed out');
    const again = await taker.post('/sign-in', { username: held.minuteTaker.username, password: TEST_PASSWORD, next: recordUrl });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toBe(recordUrl);
    const restored = await taker.get(recordUrl);
    expect(restored.body).toContain('Restored from your draft saved at');
    for (const value of Object.values(typed)) expect(restored.body).toContain(value);
    // And it saves as normal, with today's version.
    const version2 = /name="version" value="(\d+)"/.exec(restored.body)![1]!;
    expect((await taker.post(recordUrl, { ...typed, version: version2 })).statusCode).toBe(302);
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(0);
  });

  it('a form sent after the session ended with a token that is not that session\'s is refused as before, and nothing is kept', async () => {
    const taker = await signedIn(held.minuteTaker.username);
    await taker.get(recordUrl);
    clock.advanceMinutes(31);
    const res = await taker.post(recordUrl, { [sectionNames[0]!]: 'forged' }, { csrf: 'not-the-token' });
    expect(res.statusCode).toBe(403);
    expect(await draftsOf(held.minuteTaker.id)).toHaveLength(0);
  });

  it('the outline plan in the meeting: a draft per child, restored with its action rows, gone once the plan is saved', async () => {
    const planUrl = `/conferences/${meeting.conferenceId}/meeting/children/${meeting.alphaId}/plan`;
    const chair = await signedIn(meeting.chair.username);
    expect((await chair.get(planUrl)).body).toContain(`data-draft-url="${planUrl}/draft"`);
    const typed = { riskStatement: 'Draft risk statement', action_0_action: 'Draft action one', action_0_owner: 'Sam', action_0_timescale: 'By Friday', action_0_checkedBy: 'Sam Sampleford', actionRows: '4', visitFrequencyWeeks: '2' };
    expect((await chair.post(`${planUrl}/draft`, typed)).statusCode).toBe(200);
    const back = await chair.get(planUrl);
    expect(back.body).toContain('Restored from your draft saved at');
    expect(back.body).toContain('Draft risk statement');
    expect(back.body).toContain('Draft action one');
    expect(back.body).toContain('name="action_3_action"'); // the four rows that were on the page
    // The minute taker, who may write the plan too, has their own (none).
    const taker = await signedIn(meeting.minuteTaker.username);
    expect((await taker.get(planUrl)).body).not.toContain('Draft risk statement');

    const saved = await chair.post(planUrl, { ...typed, version: '' });
    expect(saved.statusCode, /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(saved.body)?.[1]).toBe(302);
    expect(await draftsOf(meeting.chair.id)).toHaveLength(0);
  });

  it('a new agency report: the practitioner’s draft comes back on the new-report page, and starting the report deletes it', async () => {
    const practitioner = await createUser(db(), { roles: ['agency-practitioner'], username: `hv-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, meeting.invitationIds.healthVisitor));
    const client = await signedIn(practitioner.username);
    const newUrl = `/conferences/${meeting.conferenceId}/reports/new`;
    expect((await client.get(`${newUrl}?kind=agency`)).body).toContain(`data-draft-url="${newUrl}/draft"`);
    const text = sectionField(0, 'text');
    expect((await client.post(`${newUrl}/draft`, { kind: 'agency', [text]: 'The health visitor’s first paragraph' })).statusCode).toBe(200);
    const back = await client.get(`${newUrl}?kind=agency`);
    expect(back.body).toContain('Restored from your draft saved at');
    expect(back.body).toContain('The health visitor’s first paragraph');

    const started = await client.post(newUrl, { kind: 'agency', [text]: 'The health visitor’s first paragraph' });
    expect(started.statusCode, started.body.slice(0, 300)).toBe(302);
    expect(await draftsOf(practitioner.id)).toHaveLength(0);
    const [report] = await db().select().from(reports).where(eq(reports.authorId, practitioner.id));
    // Carrying on the started report keeps a draft of that report in the same way.
    const reportUrl = `/reports/${report!.id}`;
    await client.get(reportUrl);
    expect((await client.post(`${reportUrl}/draft`, { [text]: 'Carried on later' })).statusCode).toBe(200);
    expect((await client.get(reportUrl)).body).toContain('Carried on later');
    // A practitioner not invited to this conference can keep no draft of its report.
    const stranger = await createUser(db(), { roles: ['agency-practitioner'], username: `stranger-${engine}` });
    const strangerClient = await signedIn(stranger.username);
    await strangerClient.get('/');
    expect((await strangerClient.post(`${reportUrl}/draft`, { [text]: 'x' })).statusCode).toBe(404);
    expect(await draftsOf(stranger.id)).toHaveLength(0);
  });

  it('a signed-in page carries the session timeout for its script; "Stay signed in" keeps the session going', async () => {
    const taker = await signedIn(held.minuteTaker.username);
    const home = await taker.get('/');
    expect(home.body).toContain('data-session-idle-seconds="1800"');
    expect(home.body).toContain('data-session-warn-seconds="300"');
    expect(home.body).toContain('data-session-remaining-seconds="1800"');
    expect(home.body).toContain('src="/public/session.js"');
    expect((await new WebClient(app()).get('/sign-in')).body).not.toContain('session.js');

    clock.advanceMinutes(20);
    expect((await taker.post('/session/extend', {})).statusCode).toBe(200);
    clock.advanceMinutes(20); // 40 minutes after signing in, 20 after "Stay signed in"
    const still = await taker.get('/');
    expect(still.statusCode).toBe(200);
    expect(still.body).toContain('Signed in as');
    expect(still.body).toContain('data-session-remaining-seconds="1800"'); // that request touched it again
    const rows = await db().select().from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    // Signed out, the extension is refused (to sign in), and nothing is kept going.
    const stranger = new WebClient(app());
    await stranger.get('/sign-in');
    expect((await stranger.post('/session/extend', {})).statusCode).toBe(302);
  });
});
