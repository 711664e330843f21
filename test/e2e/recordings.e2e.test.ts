import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conferenceRecordings, recordingReleaseRequests } from '../../src/db/schema/index.js';
import { heldConferenceWithPolice } from '../../src/modules/meeting/information-sharing-fixture.test-support.js';
import { asUser, errorFor, expectAccessible, expectRefused, fieldByName, JOURNEY_TIMEOUT, mainText, startJourney, submit, type Running, fillDateNamed, fillDate, dateValue } from './support.js';

/**
 * RC5: the chair keeps the recording of the conference with its record; a parent asks for a copy
 * through business support, the request waits on the chair's list, and the chair releases it with
 * the same redaction as the parent's copy of the written record.
 */

// Tiny files whose first bytes are what the page checks: an ID3 tag then an MPEG audio frame header.
const mp3 = (words: string) => Buffer.concat([Buffer.from('ID3'), Buffer.from([0x03, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]), Buffer.from(words)]);
const WHOLE = mp3('the whole conference, every part');
const FOR_FRED = mp3('only the parts Fred attended');

describe('conference recordings', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  }, JOURNEY_TIMEOUT);
  afterAll(async () => run?.close());

  it('RC5: the chair keeps the recording with the record; the father’s request reaches the chair’s list and he is released a copy cut to what he attended', async () => {
    const db = run.database.db;
    const f = await heldConferenceWithPolice(db, { fatherAskedToLeave: true });
    const recordPath = `/conferences/${f.conferenceId}/record`;
    const recordingsPath = `/conferences/${f.conferenceId}/recordings`;

    // The chair goes from the record waiting for approval to its recordings.
    const chair = await asUser(run, f.chair.username);
    await chair.locator(`a[href="${recordPath}"]`).click();
    await chair.getByRole('link', { name: 'Recordings of the conference, and requests for a copy' }).click();
    expect(new URL(chair.url()).pathname).toBe(recordingsPath);
    await expectAccessible(chair);
    let text = await mainText(chair);
    expect(text).toContain('No recording is kept yet.');
    expect(text).toContain('Nobody has asked for a copy.');
    await chair.getByRole('link', { name: 'Back to the record' }).click();
    expect(new URL(chair.url()).pathname).toBe(recordPath);
    await chair.getByRole('link', { name: 'Recordings of the conference, and requests for a copy' }).click();

    // A file that only claims to be audio is refused against the file field; the description stays.
    await fieldByName(chair, 'kind', 'original').check();
    await chair.getByLabel('Description (optional)').fill('Recorded on the meeting room’s recorder');
    await chair.getByLabel('The recording', { exact: true }).setInputFiles({ name: 'conference.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('%PDF-1.7 minutes, not audio') });
    await expectRefused(chair, 'Keep the recording');
    expect(await errorFor(chair, 'file')).toContain('The file is not really MP3 audio: its content does not match its name');
    expect(await chair.getByLabel('Description (optional)').inputValue()).toBe('Recorded on the meeting room’s recorder');
    expect(await fieldByName(chair, 'kind', 'original').isChecked()).toBe(true);
    await expectAccessible(chair);
    expect(await db.select().from(conferenceRecordings).where(eq(conferenceRecordings.conferenceId, f.conferenceId))).toHaveLength(0);

    await chair.getByLabel('The recording', { exact: true }).setInputFiles({ name: 'conference.mp3', mimeType: 'audio/mpeg', buffer: WHOLE });
    await submit(chair, 'Keep the recording');
    text = await mainText(chair);
    expect(text).toContain('The recording is kept with the record.');
    expect(text).toContain('The recording: Recorded on the meeting room’s recorder');
    expect(text).toContain('MP3 audio, 1 KB');
    expect(text).toContain('Chris Chairington');
    await expectAccessible(chair);
    const [original] = await db.select().from(conferenceRecordings).where(eq(conferenceRecordings.conferenceId, f.conferenceId));
    expect(original).toMatchObject({ kind: 'original', fileType: 'audio/mpeg', bytes: WHOLE.length, uploadedBy: f.chair.id });

    // The father phones business support: the minute taker finds the conference and records his request.
    const support = await asUser(run, f.minuteTaker.username);
    await support.getByRole('link', { name: 'Search' }).first().click();
    // The caller gives the child's name and date of birth.
    await support.locator('#name').fill('Alpha Testington');
    await fillDateNamed(support, 'dateOfBirth', '2019-05-04');
    await support.getByRole('button', { name: 'Search by part' }).click();
    await expectAccessible(support);
    await support.getByRole('link', { name: 'Case page for Alpha Testington' }).click();
    await expectAccessible(support);
    await support.locator(`main a[href="/conferences/${f.conferenceId}"]`).first().click();
    await support.getByRole('button', { name: 'The meeting screen' }).click();
    await support.locator(`main a[href="${recordPath}"]`).first().click();
    await support.getByRole('link', { name: 'Recordings of the conference, and requests for a copy' }).click();
    expect(new URL(support.url()).pathname).toBe(recordingsPath);
    await expectAccessible(support);
    // Business support keeps no recording: only the chair does.
    expect(await support.getByRole('button', { name: 'Keep the recording' }).count()).toBe(0);
    await support.getByLabel('Who asked').selectOption({ label: 'Fred Testington (Father)' });
    await fillDate(support, 'The day they asked', run.today());
    await expectRefused(support, 'Record the request');
    expect(await errorFor(support, 'howAsked')).toContain('Say how they asked');
    expect(await dateValue(support, 'The day they asked')).toBe(run.today());
    await expectAccessible(support);
    await support.getByLabel('How they asked').fill('Phoned business support');
    await submit(support, 'Record the request');
    text = await mainText(support);
    expect(text).toContain('The request is recorded and waits on the chair’s list.');
    expect(await support.getByTestId('recording-request').textContent()).toContain('Waiting for the chair');
    const [request] = await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.conferenceId, f.conferenceId));
    expect(request).toMatchObject({ invitationId: f.invitationIds.father, status: 'pending', howAsked: 'Phoned business support' });

    // It waits on the chair's list.
    await chair.getByRole('link', { name: 'My work' }).click();
    const asked = chair.getByRole('link', { name: 'Recording asked for: Fred Testington' });
    expect(await asked.count()).toBe(1);
    await asked.click();
    expect(new URL(chair.url()).pathname).toBe(recordingsPath);
    const card = chair.getByTestId('recording-request');
    expect(await card.textContent()).toContain('Their copy of the record leaves out parts they were excluded from.');

    // The whole recording is refused for him without a reason; the chair cuts a copy to what he attended.
    await card.getByLabel('Release a copy').check();
    await card.getByLabel('The copy to release').selectOption({ label: 'The recording: Recorded on the meeting room’s recorder' });
    await expectRefused(chair, 'Record the decision');
    expect(await chair.locator('.govuk-error-summary').textContent()).toContain('Release a redacted copy, or record why no redaction is needed.');
    expect(await chair.getByTestId('recording-request').getByLabel('Release a copy').isChecked()).toBe(true);
    await expectAccessible(chair);
    expect((await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, request!.id)))[0]?.status).toBe('pending');

    await fieldByName(chair, 'kind', 'redacted').check();
    await chair.getByLabel('If redacted: whom it is for').selectOption({ value: f.invitationIds.father });
    await chair.getByLabel('Description (optional)').fill('Without the analysis of risk');
    await chair.getByLabel('The recording', { exact: true }).setInputFiles({ name: 'for-fred.mp3', mimeType: 'audio/mpeg', buffer: FOR_FRED });
    await submit(chair, 'Keep the recording');
    expect(await mainText(chair)).toContain('Redacted copy for Fred Testington: Without the analysis of risk');
    const released = chair.getByTestId('recording-request');
    await released.getByLabel('Release a copy').check();
    await released.getByLabel('The copy to release').selectOption({ label: 'Redacted copy for Fred Testington: Without the analysis of risk' });
    await submit(chair, 'Record the decision');
    text = await mainText(chair);
    expect(text).toContain('The copy is released.');
    expect(await chair.getByTestId('recording-request').textContent()).toContain('Released');
    await expectAccessible(chair);
    const [cut] = await db.select().from(conferenceRecordings).where(eq(conferenceRecordings.kind, 'redacted'));
    expect((await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, request!.id)))[0])
      .toMatchObject({ status: 'released', recordingId: cut!.id, decidedBy: f.chair.id });

    // Off the chair's list; business support downloads what was released to hand it over, and the download is audited.
    await chair.getByRole('link', { name: 'My work' }).click();
    expect(await chair.getByRole('link', { name: 'Recording asked for: Fred Testington' }).count()).toBe(0);
    await support.reload();
    const link = support.getByRole('link', { name: 'Download the copy released to Fred Testington' });
    const handed = await support.request.get(`${run.baseUrl}${await link.getAttribute('href')}`);
    expect(handed.status()).toBe(200);
    expect(Buffer.from(await handed.body()).equals(FOR_FRED)).toBe(true);
    const downloads = await db.select().from(auditEvents).where(eq(auditEvents.recordId, cut!.id));
    expect(downloads.filter((a) => a.action === 'conference-recording-downloaded').map((a) => a.userId)).toEqual([f.minuteTaker.id]);
  }, JOURNEY_TIMEOUT);
});
