import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { conferenceChildren, conferences, exclusionRequests, invitations, meetingAttendance, outboxMessages } from '../../db/schema/index.js';
import { MEETING_PARTS } from '../../domain/conference/meeting-parts.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { CONFERENCE_START, contextFor, createMeetingFixture, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { openMeeting } from '../meeting/open-meeting.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { decideExclusion, requestExclusion } from './exclusions.js';
import { sendExclusionLetter } from './send-exclusion-letter.js';

const BEFORE = new Date('2026-02-26T10:00:00Z');
const REVIEW_START = new Date('2026-05-28T09:00:00Z');

describeEachEngine('exclusion reaches the attendance, the letter and never the next conference', (engine) => {
  const { db } = suiteDatabase(engine);

  async function exclude(f: MeetingFixture, invitationId: string, scope: 'whole' | 'part') {
    const id = await requestExclusion(db(), contextFor(f.socialWorker, BEFORE), f.conferenceId, { invitationId, reasons: ['disruptive-behaviour'], evidence: 'Threatened staff on 20 February', scope });
    await decideExclusion(db(), contextFor(f.chair, BEFORE), id, {
      decision: 'excluded', reasons: 'Threats to staff', period: scope === 'whole' ? 'The whole conference' : 'While the police report', legalAdviceTaken: false,
      excludedParts: scope === 'whole' ? [] : ['confidential-information'], recordScope: 'attended-part', recordWithheldGround: 'safety', version: 1,
    });
    return id;
  }

  /** The review after it: the same child and father, a new conference and a new invitation. */
  async function nextConference(f: MeetingFixture): Promise<string> {
    const [first] = await db().select().from(conferences).where(eq(conferences.id, f.conferenceId));
    const [next] = await db().insert(conferences).values({
      householdId: first!.householdId, kind: 'review', status: 'invitations-sent', pack: first!.pack, chairId: first!.chairId, minuteTakerId: first!.minuteTakerId,
      scheduledStart: REVIEW_START, slotMinutes: 90, format: 'face-to-face',
    }).returning();
    const [child] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.conferenceId), eq(conferenceChildren.childId, f.alphaId)));
    await db().insert(conferenceChildren).values({ conferenceId: next!.id, caseId: child!.caseId, childId: f.alphaId, role: 'subject', childType: 'review' });
    await db().insert(invitations).values({ conferenceId: next!.id, state: 'sent', channel: 'post', inviteeKind: 'parent', name: 'Fred Testington', role: 'Father', postalAddress: '1 Example Road, Sampletown, ST1 1AA' });
    return next!.id;
  }

  it('EX2: the father excluded from the initial conference is excluded on its attendance, and the review’s attendance does not inherit it', async () => {
    const f = await createMeetingFixture(db());
    const decisionId = await exclude(f, f.invitationIds.father, 'whole');
    await openMeeting(db(), contextFor(f.minuteTaker, CONFERENCE_START), f.conferenceId);
    const [atInitial] = await db().select().from(meetingAttendance).where(and(eq(meetingAttendance.conferenceId, f.conferenceId), eq(meetingAttendance.name, 'Fred Testington')));
    expect(atInitial).toMatchObject({ status: 'excluded', excludedParts: [...MEETING_PARTS], exclusionRequestId: decisionId, recordScope: 'attended-part', recordWithheldGround: 'safety' });

    const reviewId = await nextConference(f);
    await openMeeting(db(), contextFor(f.minuteTaker, REVIEW_START), reviewId);
    const [atReview] = await db().select().from(meetingAttendance).where(and(eq(meetingAttendance.conferenceId, reviewId), eq(meetingAttendance.name, 'Fred Testington')));
    expect(atReview).toMatchObject({ status: 'expected', excludedParts: [], exclusionRequestId: null, recordWithheldGround: null });
  });

  it('EX2: a decision made once the meeting is open shows on its attendance at once', async () => {
    const f = await createMeetingFixture(db());
    const id = await requestExclusion(db(), contextFor(f.socialWorker, CONFERENCE_START), f.conferenceId, { invitationId: f.invitationIds.mother, reasons: ['child-asks'], evidence: 'Alpha asked', scope: 'part' });
    await openMeeting(db(), contextFor(f.minuteTaker, CONFERENCE_START), f.conferenceId);
    await decideExclusion(db(), contextFor(f.chair, CONFERENCE_START), id, {
      decision: 'excluded', reasons: 'Alpha asked to speak alone', period: 'While Alpha speaks', legalAdviceTaken: false,
      excludedParts: ['information'], recordScope: 'whole', recordWithheldGround: null, version: 1,
    });
    const [mother] = await db().select().from(meetingAttendance).where(and(eq(meetingAttendance.conferenceId, f.conferenceId), eq(meetingAttendance.name, 'Demi Testington')));
    expect(mother).toMatchObject({ excludedParts: ['information'], exclusionRequestId: id, recordScope: 'whole', recordWithheldGround: null });
  });

  it('EX3: the letter goes by the invitation’s channel (email here), is recorded as sent, and is sent once; no address, no letter', async () => {
    const f = await createMeetingFixture(db());
    const id = await exclude(f, f.invitationIds.mother, 'part');
    const support = contextFor(f.minuteTaker, BEFORE);
    await expect(sendExclusionLetter(db(), contextFor(f.socialWorker, BEFORE), id)).rejects.toThrow(ForbiddenError);
    expect(await sendExclusionLetter(db(), support, id)).toEqual({ method: 'email' });
    const [row] = await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, id));
    expect(row).toMatchObject({ letterMethod: 'email', letterSentAt: BEFORE, letterSentBy: f.minuteTaker.id });
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, row!.letterOutboxId!));
    expect(message).toMatchObject({ channel: 'email', status: 'queued', toName: 'Demi Testington', relatedType: 'exclusion-letter', relatedId: id });
    await expect(sendExclusionLetter(db(), support, id)).rejects.toThrow(ConflictError);

    const fatherId = await exclude(f, f.invitationIds.father, 'part');
    await db().update(invitations).set({ postalAddress: null }).where(eq(invitations.id, f.invitationIds.father));
    await expect(sendExclusionLetter(db(), support, fatherId)).rejects.toThrow(ValidationError);
    expect((await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, fatherId)))[0]?.letterSentAt).toBeNull();
  });
});
