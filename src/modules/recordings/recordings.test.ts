import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { recordingReleaseRequests } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { UPLOAD_FILES } from '../../../test/support/upload-files.js';
import { CONFERENCE_START, contextFor, createMeetingFixture, meetingUnderWay } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { attachRecording } from './attach-recording.js';
import { releaseRecording } from './release-recording.js';
import { requestRecording } from './request-recording.js';

const MP3 = { fileName: 'conference.mp3', fileType: 'audio/mpeg', content: UPLOAD_FILES.mp3(), truncated: false };

describeEachEngine('conference recordings: keeping and releasing (RC5)', (engine) => {
  const { db } = suiteDatabase(engine);

  it('RC5: only the conference’s own chair keeps a recording, and only once it has met', async () => {
    const f = await createMeetingFixture(db());
    const chair = contextFor(f.chair, CONFERENCE_START);
    const input = { kind: 'original' as const, redactedForInvitationId: null, description: '', file: MP3 };
    await expect(attachRecording(db(), chair, f.conferenceId, input)).rejects.toThrow(ConflictError);
    await meetingUnderWay(db(), f);
    await expect(attachRecording(db(), contextFor(f.minuteTaker, CONFERENCE_START), f.conferenceId, input)).rejects.toThrow(ForbiddenError);
    await expect(attachRecording(db(), contextFor(f.socialWorker, CONFERENCE_START), f.conferenceId, input)).rejects.toThrow(ForbiddenError);
    await expect(attachRecording(db(), chair, f.conferenceId, { ...input, kind: 'redacted', redactedForInvitationId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(ValidationError);
    expect(await attachRecording(db(), chair, f.conferenceId, input)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('RC5: a request is answered once, by the chair, with reasons for a refusal', async () => {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const chair = contextFor(f.chair, CONFERENCE_START);
    await expect(requestRecording(db(), contextFor(f.minuteTaker, CONFERENCE_START), f.conferenceId, { invitationId: f.invitationIds.mother, howAsked: 'Letter', requestedOn: '2026-03-03' })).rejects.toThrow(ValidationError);
    const id = await requestRecording(db(), contextFor(f.minuteTaker, CONFERENCE_START), f.conferenceId, { invitationId: f.invitationIds.mother, howAsked: 'Letter', requestedOn: '2026-03-02' });
    await expect(releaseRecording(db(), chair, id, { decision: 'refuse', recordingId: null, noRedactionReason: null, refusalReasons: ' ', version: 1 })).rejects.toThrow(ValidationError);
    await expect(releaseRecording(db(), chair, id, { decision: 'release', recordingId: null, noRedactionReason: null, refusalReasons: null, version: 1 })).rejects.toThrow(ValidationError);
    await releaseRecording(db(), chair, id, { decision: 'refuse', recordingId: null, noRedactionReason: null, refusalReasons: 'The recording failed', version: 1 });
    expect((await db().select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, id)))[0]).toMatchObject({ status: 'refused', refusalReasons: 'The recording failed' });
    await expect(releaseRecording(db(), chair, id, { decision: 'refuse', recordingId: null, noRedactionReason: null, refusalReasons: 'Again', version: 2 })).rejects.toThrow(ConflictError);
    void engine;
  });
});
