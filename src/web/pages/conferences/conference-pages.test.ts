import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine, type TestDatabase } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, conferences, conferenceStatusHistory, outOfTimescaleAuthorisations } from '../../../db/schema/index.js';
import { createBookingFixture, NOW, type BookingFixture } from '../../../modules/booking/booking-fixture.test-support.js';

describeEachEngine('conference and booking pages', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(NOW) });
  const { app } = suite;
  let db: TestDatabase['handle']['db'];
  let f: BookingFixture;

  beforeAll(async () => {
    db = suite.db();
    f = await createBookingFixture(db);
  });

  async function signedIn(user: { username: string }) {
    const client = new WebClient(app());
    await client.signIn(user.username, TEST_PASSWORD);
    await client.get('/');
    return client;
  }

  it('shows the conference with its due date, children and the actions for the role, and audits the read', async () => {
    const id = await f.conference({ epoExpiresOn: '2026-03-06' }, { harmFrom: 'Father' });
    const bs = await signedIn(f.businessSupport);
    const page = await bs.get(`/conferences/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Requested: to book');
    expect(page.body).toContain('10 March 2026');
    expect(page.body).toContain('working days left');
    expect(page.body).toContain('TS1');
    expect(page.body).toMatch(/href="\/cases\/[0-9a-f-]{36}"/);
    expect(page.body).toContain(`href="/conferences/${id}/book"`);
    const reads = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child-record-viewed'), eq(auditEvents.recordId, id)));
    expect(reads.length).toBeGreaterThan(0);

    const sw = await signedIn(f.socialWorker);
    const asWorker = await sw.get(`/conferences/${id}`);
    expect(asWorker.statusCode).toBe(200);
    // The child's own social worker sees the booking read only (issue 14): no Book button, no booking form.
    expect(asWorker.body).not.toContain(`href="/conferences/${id}/book" role="button"`);
    expect(asWorker.body).toContain('Request out-of-timescale authorisation');
    const readOnly = await sw.get(`/conferences/${id}/book`);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).toContain('Business support books and rearranges the conference');
    expect(readOnly.body).not.toContain(`action="/conferences/${id}/book"`);
    expect((await sw.post(`/conferences/${id}/book`, { slot: 'manual', format: 'face-to-face', version: '1' })).statusCode).toBe(403);
  });

  it('books the first suggested slot, with its explanation shown first', async () => {
    const id = await f.conference();
    const bs = await signedIn(f.businessSupport);
    const form = await bs.get(`/conferences/${id}/book`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('working days before the due date');
    expect(form.body).not.toContain('govuk-error-message');
    const first = /name="slot" type="radio" value="([^"]+)"/.exec(form.body)?.[1];
    expect(first).toBeDefined();
    const posted = await bs.post(`/conferences/${id}/book`, { slot: first!.replace(/&#124;|&#x7C;/g, '|'), format: 'face-to-face', version: '1' });
    expect(posted.statusCode).toBe(302);
    const [row] = await db.select().from(conferences).where(eq(conferences.id, id));
    expect(row?.status).toBe('booked');
    expect(row?.scheduledStart?.toISOString().slice(0, 10)).toBe(first!.slice(0, 10));
    const shown = await bs.get(`/conferences/${id}`);
    expect(shown.body).toContain('London time');
    expect(shown.body).toContain(`/conferences/${id}/rearrange`);
    // Once booked, the page leads to the preparation: invitations, reports, readiness; not yet the record.
    expect(shown.body).toContain(`href="/conferences/${id}/invitations"`);
    expect(shown.body).toContain(`href="/conferences/${id}/readiness"`);
    expect(shown.body).not.toContain(`href="/conferences/${id}/record"`);
    expect((await bs.get(`/conferences/${id}/book`)).statusCode).toBe(409);
    // Booked already (another tab, someone else first): the conflict page with the way back and what was typed.
    const twice = await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: '2026-03-04', time: '10:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face', familyRiskAssessment: 'Typed in the second tab', version: '1' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(`href="/conferences/${id}"`);
    expect(twice.body).toContain('Typed in the second tab');
    await db.update(conferences).set({ status: 'invitations-sent' }).where(eq(conferences.id, id));
    expect((await bs.get(`/conferences/${id}`)).body).toContain(`href="/conferences/${id}/meeting"`);
  });

  it('answers a conference that does not exist with the not-found page, saying which record', async () => {
    const bs = await signedIn(f.businessSupport);
    for (const url of ['/conferences/00000000-0000-4000-8000-000000000000', '/conferences/00000000-0000-4000-8000-000000000000/book']) {
      const missing = await bs.get(url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.body, url).toContain('We could not find that conference.');
    }
  });

  it('refuses a late date with 400, saying exactly what is needed and linking to the request', async () => {
    const id = await f.conference();
    const bs = await signedIn(f.businessSupport);
    await bs.get(`/conferences/${id}/book`);
    const late = await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: '2026-03-12', time: '10:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('request out-of-timescale authorisation');
    expect(late.body).toContain(`/conferences/${id}/out-of-timescale?date=2026-03-12`);
    const empty = await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: '', time: '', format: 'face-to-face' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date of the conference');
    // A malformed date is a field error (400), never a 500 from trying to show it as a late date.
    const malformed = await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: 'not a date', time: '10:00', format: 'face-to-face' });
    expect(malformed.statusCode).toBe(400);
  });

  it('TS30 through the pages: request, approve as service manager, then book the late date', async () => {
    const id = await f.conference();
    const sw = await signedIn(f.socialWorker);
    await sw.get(`/conferences/${id}/out-of-timescale?date=2026-03-12`);
    expect((await sw.post(`/conferences/${id}/out-of-timescale`, { proposedDate: '2026-03-12', reasons: '', riskMonitoring: '' })).statusCode).toBe(400);
    const sent = await sw.post(`/conferences/${id}/out-of-timescale`, { proposedDate: '2026-03-12', reasons: 'Police report not ready.', riskMonitoring: 'Visits every two days.' });
    expect(sent.statusCode).toBe(302);
    const [request] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.conferenceId, id));

    const sm = await signedIn(f.serviceManager);
    const list = await sm.get('/out-of-timescale');
    expect(list.body).toContain('Police report not ready.');
    expect((await sm.post(`/out-of-timescale/${request!.id}`, { decision: 'approved', note: '', returnTo: '/out-of-timescale' })).statusCode).toBe(400);
    expect((await sm.post(`/out-of-timescale/${request!.id}`, { decision: 'approved', note: 'Authorised.', returnTo: `/conferences/${id}` })).headers.location).toBe(`/conferences/${id}?done=approved`);

    const bs = await signedIn(f.businessSupport);
    await bs.get(`/conferences/${id}/book`);
    const booked = await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: '2026-03-12', time: '10:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' });
    expect(booked.statusCode).toBe(302);
  });

  it('rearranges with a reason, and cancels only after the confirmation page (CV7)', async () => {
    const id = await f.conference();
    const bs = await signedIn(f.businessSupport);
    await bs.get(`/conferences/${id}/book`);
    await bs.post(`/conferences/${id}/book`, { slot: 'manual', date: '2026-03-06', time: '09:00', chairId: f.chair.id, roomId: '', format: 'virtual' });
    await bs.get(`/conferences/${id}/rearrange`);
    const noReason = await bs.post(`/conferences/${id}/rearrange`, { slot: 'manual', date: '2026-03-06', time: '11:00', chairId: f.chair.id, format: 'virtual' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter who was consulted');
    const moved = await bs.post(`/conferences/${id}/rearrange`, { slot: 'manual', date: '2026-03-06', time: '11:00', chairId: f.chair.id, format: 'virtual', reason: 'Chair unwell', consulted: 'Mother and social worker' });
    expect(moved.statusCode).toBe(302);

    await bs.get(`/conferences/${id}/cancel`);
    const confirm = await bs.post(`/conferences/${id}/cancel`, { reason: 'Family moved away', consulted: 'Team manager' });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to cancel the conference?');
    expect((await db.select().from(conferences).where(eq(conferences.id, id)))[0]?.status).toBe('booked');
    const done = await bs.post(`/conferences/${id}/cancel`, { reason: 'Family moved away', consulted: 'Team manager', confirm: 'yes' });
    expect(done.statusCode).toBe(302);
    const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id));
    expect(history.map((h) => h.event).sort()).toEqual(['authorise', 'book', 'cancel', 'rearrange']);
    const page = await bs.get(`/conferences/${id}`);
    expect(page.body).toContain('Chair unwell');
    expect(page.body).toContain('consulted: Team manager');
  });

  it('JSON API: 200 with the booking, 400 with field errors, 409 when it cannot be booked now', async () => {
    const id = await f.conference();
    const bs = await signedIn(f.businessSupport);
    const csrf = bs.csrf!;
    const call = (body: unknown) => app().inject({
      method: 'POST', url: `/api/v1/conferences/${id}/book`, payload: body as Record<string, unknown>,
      headers: { cookie: [...bs.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf },
    });
    const bad = await call({ date: '2026-03-07', time: '10:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'date' });
    expect((await call({ date: 'x' })).json().errors.map((e: { field: string }) => e.field)).toContain('time');
    const ok = await call({ date: '2026-03-09', time: '14:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().booking).toMatchObject({ status: 'booked', scheduledStart: '2026-03-09T14:00:00.000Z', chairId: f.chair.id });
    const again = await call({ date: '2026-03-09', time: '14:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' });
    expect(again.statusCode).toBe(409);
  });
});
