import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, childParticipation, exclusionRequests, familyParticipation, meetingAttendance, outboxMessages } from '../../../db/schema/index.js';
import { openMeeting } from '../../../modules/meeting/open-meeting.js';
import { contextFor, CONFERENCE_START } from '../../../../test/support/meeting-factory.js';
import { createUser } from '../../../../test/support/factories.js';
import { pdfText } from '../../../documents/pdf-text.js';

const assessment = {
  assessment_understanding: 'Understands at her level',
  assessment_wishExpressed: 'Says she does not want to come',
  assessment_parentsViews: 'Mother agrees',
  assessment_benefit: 'Little benefit in attending',
  assessment_conflictRisk: 'Father may blame her',
};

describeEachEngine('participation and exclusion pages', (engine) => {
  // Thursday 26 February 2026: the conference (Monday 2 March) is 4 days away, so requests are in time (TS18).
  const clock = new TestClock(new Date('2026-02-26T10:00:00Z'));
  const { db, app, signedIn: signedInAs } = signedInApp(engine, { clock });
  let f: MeetingFixture;

  beforeAll(async () => {
    f = await createMeetingFixture(db(), { pack: 'newcastle' });
  });

  async function signedIn(username: string, page: string) {
    const client = await signedInAs(username);
    expect((await client.get(page)).statusCode).toBe(200);
    return client;
  }

  it('IN5: a declared wish not to attend is respected, and the views reach the conference another way', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/participation`);
    const url = `/conferences/${f.conferenceId}/participation/children/${f.alphaId}`;
    const base = { ...assessment, wish: 'not-attend', advocacyOfferedOn: '2026-02-10', advocacyConsent: 'given', version: '0' };
    const wrong = await worker.post(url, { ...base, attendance: 'part', viewsRoutes: ['writing'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('that wish is respected');
    const noRoute = await worker.post(url, { ...base, attendance: 'none' });
    expect(noRoute.statusCode).toBe(400);
    expect(noRoute.body).toContain('views will reach the conference');
    const ok = await worker.post(url, { ...base, attendance: 'none', viewsRoutes: ['advocate', 'drawings'] });
    expect(ok.statusCode).toBe(302);
    const [row] = await db().select().from(childParticipation).where(eq(childParticipation.childId, f.alphaId));
    expect(row).toMatchObject({ wish: 'not-attend', attendance: 'none', viewsRoutes: ['advocate', 'drawings'], advocacyConsent: 'given', advocacyOfferedOn: '2026-02-10' });
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-participation-saved'), eq(auditEvents.childId, f.alphaId)));
    expect(audit).toHaveLength(1);
  });

  it('IN7: refuses a family member as interpreter with a message; IN8 and EX4: saves preparation and the supporter', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/participation`);
    const url = `/conferences/${f.conferenceId}/participation/family/${f.invitationIds.father}`;
    const refused = await worker.post(url, { interpreterNeeded: 'yes', interpreterName: 'Demi Testington', interpreterRelationship: 'professional', interpreterAccredited: 'yes', version: '0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A family member cannot interpret at a conference');
    expect(await db().select().from(familyParticipation)).toHaveLength(0);
    const ok = await worker.post(url, {
      firstLanguage: 'Polish', interpreterNeeded: 'yes', interpreterName: 'Ira Interpreter', interpreterRelationship: 'professional', interpreterAccredited: 'yes',
      needsTranslation: 'yes', supporterName: 'Sam Supporter', preparation: ['purpose-explained', 'leaflets-given', 'report-shared'], version: '0',
    });
    expect(ok.statusCode).toBe(302);
    const [row] = await db().select().from(familyParticipation).where(eq(familyParticipation.invitationId, f.invitationIds.father));
    expect(row).toMatchObject({ interpreterName: 'Ira Interpreter', interpreterAccredited: true, needsTranslation: true, supporterName: 'Sam Supporter', preparation: ['purpose-explained', 'leaflets-given', 'report-shared'] });
  });

  it('TS16: once a parent needs translation, reports reach the family 7 days before (newcastle)', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/reports`);
    expect(worker.lastBody).toContain('23 February 2026 (TS16)');
    expect(worker.lastBody).toContain('7 days: a parent needs time or translation');
  });

  it('EX1: refuses a prosecution alone as a ground, and writes nothing', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    const res = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.father, reasons: ['prosecution'], evidence: 'Charged with assault', scope: 'whole' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('A prosecution or police investigation alone is not a ground');
    expect(await db().select().from(exclusionRequests)).toHaveLength(0);
  });

  it('EX2, EX3, EX4 and TS18: the chair decides with reasons and period; the letter and the supporter rule follow', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    const asked = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.father, reasons: ['disruptive-behaviour', 'prosecution'], evidence: 'Threatened the health visitor on 20 February', scope: 'part' });
    expect(asked.statusCode).toBe(302);
    const [request] = await db().select().from(exclusionRequests);
    expect(request).toMatchObject({ grounds: ['disruptive-behaviour'], inTime: true, status: 'pending' });

    expect((await worker.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'x', period: 'y' })).statusCode).toBe(403);

    const chair = await signedIn(f.chair.username, `/conferences/${f.conferenceId}/exclusions`);
    const bad = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: '', period: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the reasons for the decision');
    const ok = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'Threats to staff', period: 'Reports and information sharing', legalAdviceTaken: 'yes', excludedParts: 'information', recordScope: 'whole' });
    expect(ok.statusCode).toBe(302);
    const [decided] = await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id));
    expect(decided).toMatchObject({ status: 'excluded', period: 'Reports and information sharing', legalAdviceTaken: true, supporterName: 'Sam Supporter', decidedBy: f.chair.id });
    const page = await chair.get(`/conferences/${f.conferenceId}/exclusions`);
    expect(page.body).toContain('Sam Supporter, their supporter, leaves with them.');
    const again = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '2', decision: 'refused', reasons: 'Changed my mind', period: '' });
    expect(again.statusCode).toBe(409);

    const letter = await worker.get(`/exclusions/${request!.id}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload);
    for (const part of ['Fred Testington', 'How to give your views', 'How you will hear the outcome', 'social work report', 'complain', 'Sam Supporter']) expect(text).toContain(part);
  });

  it('EX2 and EX3: the decision names the parts and the record they get; a part-only record without a ground is refused, keeping what was typed', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    expect((await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.mother, reasons: ['confidential-information'], evidence: 'Police will share intelligence about a third party', scope: 'part' })).statusCode).toBe(302);
    const [request] = await db().select().from(exclusionRequests).where(and(eq(exclusionRequests.invitationId, f.invitationIds.mother), eq(exclusionRequests.status, 'pending'), eq(exclusionRequests.evidence, 'Police will share intelligence about a third party')));
    const chair = await signedIn(f.chair.username, `/conferences/${f.conferenceId}/exclusions`);
    const typed = { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'Intelligence about Zed cannot be shared', period: 'While the police share intelligence', excludedParts: 'confidential-information', recordScope: 'attended-part' };
    const refused = await chair.post(`/exclusions/${request!.id}/decision`, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Give the ground for withholding the parts they missed');
    expect(refused.body).toContain('Intelligence about Zed cannot be shared');
    expect(refused.body).toContain('While the police share intelligence');
    expect((await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id)))[0]?.status).toBe('pending');
    const { excludedParts: _parts, ...withoutParts } = typed;
    const noParts = await chair.post(`/exclusions/${request!.id}/decision`, { ...withoutParts, recordWithheldGround: 'criminal-investigation' });
    expect(noParts.statusCode).toBe(400);
    expect(noParts.body).toContain('Select the parts of the conference they are excluded from');
    expect((await chair.post(`/exclusions/${request!.id}/decision`, { ...typed, recordWithheldGround: 'criminal-investigation' })).statusCode).toBe(302);
    const [decided] = await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id));
    expect(decided).toMatchObject({ status: 'excluded', excludedParts: ['confidential-information'], recordScope: 'attended-part', recordWithheldGround: 'criminal-investigation', letterSentAt: null });
    const page = await chair.get(`/conferences/${f.conferenceId}/exclusions`);
    expect(page.body).toContain('Excluded from:</strong> Confidential information');
    expect(page.body).toContain('only the parts they attended. Ground: A current criminal investigation');
  });

  it('EX3: the letter waits on the chair’s and business support’s My work until it is sent through the outbox, once; nobody else may send it', async () => {
    const [request] = await db().select().from(exclusionRequests).where(and(eq(exclusionRequests.invitationId, f.invitationIds.father), eq(exclusionRequests.status, 'excluded')));
    const chair = await signedIn(f.chair.username, '/');
    expect((await chair.get('/')).body).toContain('Exclusion letter to send: Fred Testington');
    const support = await signedIn(f.minuteTaker.username, '/');
    expect((await support.get('/')).body).toContain('Exclusion letter to send: Fred Testington');

    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    expect((await worker.post(`/exclusions/${request!.id}/letter`, { conferenceId: f.conferenceId })).statusCode).toBe(403);
    const stranger = await createUser(db(), { roles: ['business-support'], username: `bs-elsewhere-${engine}` });
    const outsider = new WebClient(app());
    expect((await outsider.signIn(stranger.username, TEST_PASSWORD)).statusCode).toBe(302);
    expect([403, 404]).toContain((await outsider.post(`/exclusions/${request!.id}/letter`, { conferenceId: f.conferenceId })).statusCode);
    expect((await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id)))[0]?.letterSentAt).toBeNull();

    const sent = await support.post(`/exclusions/${request!.id}/letter`, { conferenceId: f.conferenceId });
    expect(sent.statusCode).toBe(302);
    expect(sent.headers.location).toContain('done=letter-post');
    const [row] = await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id));
    expect(row).toMatchObject({ letterMethod: 'post', letterSentBy: f.minuteTaker.id });
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, row!.letterOutboxId!));
    // Posted: it goes into the next printed batch of letters to post.
    expect(message).toMatchObject({ status: 'to-print', toName: 'Fred Testington', relatedType: 'exclusion-letter', conferenceId: f.conferenceId });
    const text = pdfText(Buffer.from(message!.attachments[0]!.content, 'base64'));
    for (const part of ['Dear Fred Testington,', 'Chris Chairington, the chair of the conference,', 'How to give your views', 'How you will hear the outcome', 'complaints procedure', 'Threats to staff']) expect(text.replace(/\s+/g, ' ')).toContain(part);
    expect((await support.get('/letters')).body).toContain('Fred Testington');
    expect((await support.get('/')).body).not.toContain('Exclusion letter to send: Fred Testington');
    expect((await chair.get(`/conferences/${f.conferenceId}/exclusions`)).body).toContain('By post, in the letters to post');
    expect((await support.post(`/exclusions/${request!.id}/letter`, { conferenceId: f.conferenceId })).statusCode).toBe(409);
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'exclusion-letter-sent'), eq(auditEvents.recordId, request!.id)))).toHaveLength(1);
  });

  it('EX2: on the day, the attendance screen shows each parent excluded for the period the chair decided', async () => {
    clock.current = CONFERENCE_START;
    try {
      await openMeeting(db(), contextFor(f.minuteTaker), f.conferenceId);
      const rows = await db().select().from(meetingAttendance).where(eq(meetingAttendance.conferenceId, f.conferenceId));
      const mother = rows.find((r) => r.name === 'Demi Testington');
      expect(mother).toMatchObject({ excludedParts: ['confidential-information'], recordScope: 'attended-part', recordWithheldGround: 'criminal-investigation' });
      expect(mother?.exclusionRequestId).not.toBeNull();
      const chair = await signedIn(f.chair.username, `/conferences/${f.conferenceId}/meeting`);
      const screen = (await chair.get(`/conferences/${f.conferenceId}/meeting`)).body;
      expect(screen).toContain('Excluded by the chair before the conference: While the police share intelligence');
      expect(screen).toContain('Excluded by the chair before the conference: Reports and information sharing');
      expect(screen).toContain('Gets the attended part only: a current criminal investigation that sharing could undermine');
    } finally {
      clock.current = new Date('2026-02-26T10:00:00Z');
    }
  });

  it('TS18: a request made later than 3 days before is still taken, and shown as late', async () => {
    clock.current = new Date('2026-02-28T10:00:00Z');
    try {
      const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
      const res = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.mother, reasons: ['family-conflict'], evidence: 'Domestic abuse between the parents', scope: 'part' });
      expect(res.statusCode).toBe(302);
      const rows = await db().select().from(exclusionRequests).where(and(eq(exclusionRequests.invitationId, f.invitationIds.mother), eq(exclusionRequests.evidence, 'Domestic abuse between the parents')));
      expect(rows[0]?.inTime).toBe(false);
      expect((await worker.get(`/conferences/${f.conferenceId}/exclusions`)).body).toContain('later than 3 days before the conference');
    } finally {
      clock.current = new Date('2026-02-26T10:00:00Z');
    }
  });
});
