import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { attendanceByName, CONFERENCE_START, createMeetingFixture, meetingUnderWay, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { expectEachUploadRefused, UPLOAD_FILES } from '../../../../test/support/upload-files.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, conferenceRecordings, recordingReleaseRequests } from '../../../db/schema/index.js';
import { recordLeaving } from '../../../modules/meeting/record-leaving.js';
import { RECORDING_MAX_BYTES } from '../../../domain/conference/recordings.js';

const MP3 = UPLOAD_FILES.mp3('the whole conference, every part');
const CUT = UPLOAD_FILES.mp3('only the parts Fred attended');

describeEachEngine('conference recordings (RC5)', (engine) => {
  const clock = new TestClock(CONFERENCE_START);
  const { db, app } = signedInApp(engine, { clock });
  let f: MeetingFixture;

  beforeAll(async () => {
    f = await createMeetingFixture(db());
    const { chair } = await meetingUnderWay(db(), f);
    const father = (await attendanceByName(db(), f.conferenceId)).get('Fred Testington')!;
    await recordLeaving(db(), chair, f.conferenceId, father.id, {
      part: 'analysis', at: new Date('2026-03-02T10:40:00Z'), forRest: false, askedToLeave: true, reason: 'Threats to the mother',
      recordScope: 'attended-part', recordWithheldGround: 'safety', version: father.version,
    });
  }, 180_000);

  async function signedIn(username: string, page = `/conferences/${f.conferenceId}/recordings`) {
    const client = new WebClient(app());
    expect((await client.signIn(username, TEST_PASSWORD)).statusCode).toBe(302);
    expect((await client.get(page)).statusCode).toBe(200);
    return client;
  }
  const url = () => `/conferences/${f.conferenceId}/recordings`;

  it('RC5: the chair keeps the recording with the record; a refused upload keeps what was typed; every download is audited', async () => {
    const chair = await signedIn(f.chair.username);
    const wrong = await chair.postFile(url(), { kind: 'original', description: 'Teams recording, 2 March' }, { field: 'file', filename: 'notes.mp3', contentType: 'audio/mpeg', content: Buffer.from('%PDF-1.7 not audio') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('The file is not really MP3 audio: its content does not match its name. Upload the recording itself');
    expect(wrong.body).toContain('Teams recording, 2 March');
    // Crafted files: a web page with a script named .mp3, a program named .wav, a text file of another type, one too big.
    await expectEachUploadRefused([
      ['views.mp3', 'audio/mpeg', UPLOAD_FILES.html, 'The file is not really MP3 audio'],
      ['conference.wav', 'audio/wav', UPLOAD_FILES.exe, 'The file is not really WAV audio'],
      ['conference.html', 'text/html', UPLOAD_FILES.html, 'The recording must be MP3, M4A, MP4, WAV or WebM audio or video'],
      ['conference.pdf', 'audio/mpeg', MP3, 'The recording must be MP3, M4A, MP4, WAV or WebM audio or video'],
      ['long.mp3', 'audio/mpeg', Buffer.concat([MP3, Buffer.alloc(RECORDING_MAX_BYTES)]), 'The recording must be smaller than 5 MB'],
    ], (file) => chair.postFile(url(), { kind: 'original', description: 'Teams recording, 2 March' }, file), ['href="#file"']);
    expect(await db().select().from(conferenceRecordings)).toHaveLength(0);

    const ok = await chair.postFile(url(), { kind: 'original', description: 'Teams recording, 2 March' }, { field: 'file', filename: 'conference.mp3', contentType: 'audio/mpeg', content: MP3 });
    expect(ok.statusCode).toBe(302);
    const [kept] = await db().select().from(conferenceRecordings);
    expect(kept).toMatchObject({ kind: 'original', uploadedBy: f.chair.id, fileType: 'audio/mpeg', bytes: MP3.length });

    const support = await signedIn(f.minuteTaker.username);
    const file = await support.get(`/recordings/${kept!.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(MP3)).toBe(true);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'conference-recording-downloaded'), eq(auditEvents.recordId, kept!.id)));
    expect(audits.map((a) => a.userId)).toEqual([f.minuteTaker.id]);
  });

  it('RC5: nobody without a tie to the record reads it: not the social worker, not an agency practitioner, not another authority’s chair', async () => {
    const [kept] = await db().select().from(conferenceRecordings);
    for (const user of [f.socialWorker, await createUser(db(), { roles: ['agency-practitioner'], username: `ap-${engine}` }), await createUser(db(), { roles: ['chair'], username: `chair-elsewhere-${engine}` })]) {
      const client = new WebClient(app());
      expect((await client.signIn(user.username, TEST_PASSWORD)).statusCode).toBe(302);
      expect([403, 404]).toContain((await client.get(`/recordings/${kept!.id}/file`)).statusCode);
      expect([403, 404]).toContain((await client.get(url())).statusCode);
    }
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'conference-recording-downloaded'))).toHaveLength(1);
  });

  it('RC5 and EX3: the excluded father’s request waits on the chair’s list; the recording goes to him only redacted to what he attended, or with the chair’s reason', async () => {
    const support = await signedIn(f.minuteTaker.username);
    const bad = await support.post(`${url()}/requests`, { invitationId: f.invitationIds.father, howAsked: '', requestedOn: '2026-03-02' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say how they asked');
    expect((await support.post(`${url()}/requests`, { invitationId: f.invitationIds.father, howAsked: 'Phoned the chair', requestedOn: '2026-03-02' })).statusCode).toBe(302);
    const [request] = await db().select().from(recordingReleaseRequests);
    const chair = await signedIn(f.chair.username, '/');
    expect((await chair.get('/')).body).toContain('Recording asked for: Fred Testington');

    const [original] = await db().select().from(conferenceRecordings);
    const decide = (form: Record<string, string>) => chair.post(`/recording-requests/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', ...form });
    const refused = await decide({ decision: 'release', recordingId: original!.id, refusalReasons: 'Typed before changing my mind' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Release a redacted copy, or record why no redaction is needed.');
    expect(refused.body).toContain('Typed before changing my mind');
    // Decided on a form opened before the request last changed: the form again at 409, with what was typed.
    const stale = await decide({ version: '7', decision: 'release', recordingId: original!.id, noRedactionReason: 'Typed on an old copy of the form' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('This request changed since you opened it.');
    expect(stale.body).toMatch(/name="noRedactionReason"[^>]*>Typed on an old copy of the form<\/textarea>/);
    expect((await db().select().from(recordingReleaseRequests))[0]?.status).toBe('pending');

    expect((await chair.postFile(url(), { kind: 'redacted', redactedForInvitationId: f.invitationIds.father, description: 'Without the analysis of risk' }, { field: 'file', filename: 'for-fred.mp3', contentType: 'audio/mpeg', content: CUT })).statusCode).toBe(302);
    const [cut] = await db().select().from(conferenceRecordings).where(eq(conferenceRecordings.kind, 'redacted'));
    expect((await chair.post(`/recording-requests/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'release', recordingId: cut!.id })).statusCode).toBe(302);
    expect((await db().select().from(recordingReleaseRequests))[0]).toMatchObject({ status: 'released', recordingId: cut!.id, decidedBy: f.chair.id });
    expect((await chair.get('/')).body).not.toContain('Recording asked for: Fred Testington');

    const handed = await support.get(`/recording-requests/${request!.id}/file`);
    expect(handed.statusCode).toBe(200);
    expect(handed.rawPayload.equals(CUT)).toBe(true);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'conference-recording-downloaded'), eq(auditEvents.recordId, cut!.id)));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]?.details).toMatchObject({ releaseRequestId: request!.id, invitationId: f.invitationIds.father });
  });

  it('RC5: a professional’s request is released the recording itself; only the chair decides', async () => {
    const support = await signedIn(f.minuteTaker.username);
    expect((await support.post(`${url()}/requests`, { invitationId: f.invitationIds.police, howAsked: 'Email from the police', requestedOn: '2026-03-02' })).statusCode).toBe(302);
    const [request] = await db().select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.invitationId, f.invitationIds.police));
    const [original] = await db().select().from(conferenceRecordings).where(eq(conferenceRecordings.kind, 'original'));
    expect((await support.post(`/recording-requests/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'release', recordingId: original!.id })).statusCode).toBe(403);
    const chair = await signedIn(f.chair.username);
    expect((await chair.post(`/recording-requests/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'release', recordingId: original!.id })).statusCode).toBe(302);
    expect((await db().select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, request!.id)))[0]).toMatchObject({ status: 'released', recordingId: original!.id, noRedactionReason: null });
  });
});
