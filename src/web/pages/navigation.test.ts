import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { contextFor, createMeetingFixture, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../test/support/signed-in-app.js';
import { invitations } from '../../db/schema/index.js';
import { openMeeting } from '../../modules/meeting/open-meeting.js';

/** The href of the link or button whose text starts with `text`, or null. */
function hrefOf(body: string, text: string): string | null {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<a [^>]*href="([^"]+)"[^>]*>\\s*${escaped}`).exec(body);
  return m?.[1] ?? null;
}

// Issue 14, "Navigation": no dead ends between the pages each person needs on the day.
describeEachEngine('navigation between the conference pages', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T09:00:00Z'));
  let f: MeetingFixture;

  const { db, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    f = await createMeetingFixture(db());
  });

  it('the conference page leads its chair and minute taker to the meeting screen, named for what it does now', async () => {
    const chair = await signedIn(f.chair.username);
    const before = await chair.get(`/conferences/${f.conferenceId}`);
    expect(hrefOf(before.body, 'Open the meeting')).toBe(`/conferences/${f.conferenceId}/meeting`);
    await openMeeting(db(), contextFor(f.minuteTaker), f.conferenceId);
    const minuteTaker = await signedIn(f.minuteTaker.username);
    const during = await minuteTaker.get(`/conferences/${f.conferenceId}`);
    expect(hrefOf(during.body, 'Go to the meeting screen')).toBe(`/conferences/${f.conferenceId}/meeting`);
  });

  it('readiness leads back to the conference', async () => {
    const chair = await signedIn(f.chair.username);
    const page = await chair.get(`/conferences/${f.conferenceId}/readiness`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="/conferences/${f.conferenceId}" class="govuk-back-link">Back to the conference</a>`);
  });

  it('an agency practitioner is led from their conferences and their home page to writing the report, then to carrying it on', async () => {
    const practitioner = await createUser(db(), { roles: ['agency-practitioner'], username: `hv-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, f.invitationIds.healthVisitor));
    const client = await signedIn(practitioner.username);
    const write = `/conferences/${f.conferenceId}/reports/new?kind=agency`.replace('&', '&amp;');
    expect(hrefOf((await client.get('/my-conferences')).body, 'Write your report')).toBe(write);
    expect((await client.get('/')).body).toContain(`href="${write}"`);
    expect((await client.get(`/conferences/${f.conferenceId}/reports/new?kind=agency`)).statusCode).toBe(200);
    const started = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', s0_text: 'Seen at the clinic', s0_marking: 'fact', intent: 'save' });
    expect(started.statusCode).toBe(302);
    const reportPath = (started.headers.location as string).split('?')[0]!;
    expect(hrefOf((await client.get('/my-conferences')).body, 'Carry on your report')).toBe(reportPath);
    expect((await client.get('/')).body).toContain(`href="${reportPath}"`);
  });

  it('the allocated social worker reads the booking and follows the meeting; another social worker gets 403', async () => {
    const worker = await signedIn(f.socialWorker.username);
    const conference = await worker.get(`/conferences/${f.conferenceId}`);
    const bookingHref = hrefOf(conference.body, 'See the booking');
    expect(bookingHref).toBe(`/conferences/${f.conferenceId}/rearrange`);
    expect(hrefOf(conference.body, 'Follow the conference meeting')).toBe(`/conferences/${f.conferenceId}/meeting`);

    const booking = await worker.get(bookingHref!);
    expect(booking.statusCode).toBe(200);
    expect(booking.body).toContain('Business support books and rearranges the conference');
    expect(booking.body).toContain('Monday 2 March 2026 at 10:00');
    expect(booking.body).not.toMatch(/<form method="post" action="\/conferences\/[^"]+\/(book|rearrange)"/);

    const meeting = await worker.get(`/conferences/${f.conferenceId}/meeting`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).toContain('You are following this conference as the social worker');
    expect(meeting.body).toContain('Demi Testington');
    expect(meeting.body).not.toContain('/meeting/attendance/');
    expect(meeting.body).not.toContain('/meeting/conclude');
    expect(meeting.body).not.toMatch(/\/meeting\/children\/[^"]+\/(views|decision|plan)"/);
    // Read only: the forms behind it stay closed to them.
    expect((await worker.post(`/conferences/${f.conferenceId}/meeting/checklist`, { version: '1' })).statusCode).toBe(403);
    expect((await worker.get(`/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/views`)).statusCode).toBe(403);

    const other = await createUser(db(), { roles: ['social-worker'], username: `other-sw-${engine}` });
    const stranger = await signedIn(other.username);
    expect((await stranger.get(`/conferences/${f.conferenceId}/meeting`)).statusCode).toBe(403);
    expect((await stranger.get(`/conferences/${f.conferenceId}/rearrange`)).statusCode).toBe(403);
    expect(hrefOf((await stranger.get(`/conferences/${f.conferenceId}`)).body, 'See the booking')).toBeNull();
  });
});
