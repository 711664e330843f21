import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { childProtectionPlans, complaints, transferNotices } from '../../../db/schema/index.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('complaint, dissent, practice concern and transfer pages', (engine) => {
  let fixture: Awaited<ReturnType<typeof childOnAPlan>>;
  const clients: Record<string, WebClient> = {};
  let orgId: string;
  const { db, signedIn } = signedInApp(engine);
  beforeAll(async () => {
    const org = await createOrganisation(db());
    orgId = org.id;
    for (const role of ['chair', 'service-manager', 'register-officer', 'social-worker'] as const) {
      await createUser(db(), { roles: [role], username: role, organisationId: org.id });
      clients[role] = await signedIn(role);
    }
    fixture = await childOnAPlan(db(), org.id);
  });

  it('records a complaint from the conference, refuses bad input, and moves it to the complaints procedure', async () => {
    const chair = clients.chair!;
    await chair.get(`/conferences/${fixture.conference.id}/complaints/new`);
    const bad = await chair.post(`/conferences/${fixture.conference.id}/complaints/new`, { complainantName: '', about: 'nonsense', receivedOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the name of the person complaining');
    expect(bad.body).toContain('Enter the date it was received as a real date');
    expect(await db().$count(complaints)).toBe(0);
    const ok = await chair.post(`/conferences/${fixture.conference.id}/complaints/new`, {
      complainantName: 'Demi Testington', complainantRelationship: 'mother', about: 'process', details: 'Not told the date.', receivedOn: '2026-03-02',
    });
    expect(ok.statusCode).toBe(302);
    const page = await chair.get(ok.headers.location as string);
    expect(page.body).toContain('With the conference chair');
    const [row] = await db().select().from(complaints);
    const moved = await chair.post(`/complaints/${row!.id}/advance`, { step: 'escalate', note: 'Not resolved', on: '2026-03-04', version: '1' });
    expect(moved.statusCode).toBe(302);
    expect((await chair.get(`/complaints/${row!.id}`)).body).toContain('complaints procedure');
    await clients['service-manager']!.get(`/complaints/${row!.id}`);
    const skip = await clients['service-manager']!.post(`/complaints/${row!.id}/advance`, { step: 'close', note: 'x', on: '2026-03-05', version: '2' });
    expect(skip.statusCode).toBe(409);
    expect(skip.body).toContain('the next step can only be');
  });

  it('lets only a service manager decide dissent, and the social worker cannot open the complaints list', async () => {
    const chair = clients.chair!;
    await chair.get(`/conferences/${fixture.conference.id}/dissents/new`);
    const res = await chair.post(`/conferences/${fixture.conference.id}/dissents/new`, {
      childId: fixture.child.id, professionalName: 'Dr Demo', agency: 'Health', view: 'Plan needed', raisedWith: 'Designated doctor', raisedOn: '2026-03-02',
    });
    expect(res.statusCode).toBe(302);
    const page = await chair.get(res.headers.location as string);
    expect(page.body).toContain('Service manager alerted');
    expect(page.body).not.toContain('Review brought forward');
    const manager = await clients['service-manager']!.get(res.headers.location as string);
    expect(manager.statusCode).toBe(200);
    expect((await clients['register-officer']!.get('/escalations')).statusCode).toBe(200);
    expect((await clients['social-worker']!.get('/practice-concerns/new')).statusCode).toBe(403);
  });

  it('records a child moving in and requests the transfer-in conference', async () => {
    const officer = clients['register-officer']!;
    const form = await officer.get('/transfers/in');
    expect(form.body).toContain('Alpha Testington');
    const bad = await officer.post('/transfers/in', { childId: fixture.child.id, otherPlanCategory: 'EMO', noticeReceivedOn: 'yesterday', movedOn: '2026-02-27', otherAuthority: '', otherContactName: 'X', otherContactEmail: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the other authority');
    expect(bad.body).toContain('Enter an email address like name@example.org');
    const onOurPlan = await officer.post('/transfers/in', {
      childId: fixture.child.id, otherPlanCategory: 'EMO', noticeReceivedOn: '2026-03-02', movedOn: '2026-02-27',
      otherAuthority: 'Sampleshire Council (demo)', otherContactName: 'Demo Worker', otherContactEmail: 'worker@sampleshire.example',
    });
    // Census C08: a child already on one of our plans cannot also come in on another authority's.
    expect(onOurPlan.statusCode).toBe(400);
    expect(onOurPlan.body).toContain('Census check C08');
    const movingIn = await childOnAPlan(db(), orgId);
    await db().update(childProtectionPlans).set({ endDate: '2026-02-20', endReason: 'review-conference-decision' }).where(eq(childProtectionPlans.id, movingIn.plan.id));
    const ok = await officer.post('/transfers/in', {
      childId: movingIn.child.id, otherPlanCategory: 'EMO', noticeReceivedOn: '2026-03-02', movedOn: '2026-02-27',
      otherAuthority: 'Sampleshire Council (demo)', otherContactName: 'Demo Worker', otherContactEmail: 'worker@sampleshire.example',
    });
    expect(ok.statusCode).toBe(302);
    const list = await officer.get('/transfers');
    expect(list.body).toContain('transfer-in conference requested');
    expect(await db().$count(transferNotices, eq(transferNotices.direction, 'in'))).toBe(1);
  });
});
