import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, organisations, professionals } from '../../../db/schema/index.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('agencies and practitioners', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-02T10:00:00Z', staff: { admin: ['administrator'], support: ['business-support'], worker: ['social-worker'] } });

  it('an administrator adds an agency; business support adds and changes a practitioner with secure contact details', async () => {
    const admin = await signedIn('admin');
    await admin.get('/agencies');
    const bad = await admin.post('/agencies', { name: '', kind: 'spaceship', secureEmail: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the agency’s name');
    expect(bad.body).toContain('Choose the kind of agency');
    expect(bad.body).toContain('Enter an email address like name@agency.gov.uk');
    const added = await admin.post('/agencies', { name: 'Sampleshire Community Health (test)', kind: 'health', secureEmail: 'safeguarding@health.example' });
    expect(added.statusCode).toBe(302);
    const agencyUrl = added.headers.location as string;
    const dup = await admin.post('/agencies', { name: 'sampleshire community health (TEST)', kind: 'health' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('An agency with this name already exists');
    // One authority per deployment: a second local authority is refused, with nothing written.
    const before = await db().$count(organisations);
    const second = await admin.post('/agencies', { name: 'Otherborough Council (test)', kind: 'local-authority' });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('This Convene already serves a local authority');
    expect(await db().$count(organisations)).toBe(before);

    const support = await signedIn('support');
    await support.get(agencyUrl);
    const noRole = await support.post(`${agencyUrl}/professionals`, { name: 'Hana Exampleton', role: '', secureEmail: 'hana@health.example' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toContain('Enter their role, for example health visitor');
    expect(noRole.body).toContain('value="Hana Exampleton"');
    expect(await db().$count(professionals)).toBe(0);
    expect((await support.post(`${agencyUrl}/professionals`, { name: 'Hana Exampleton', role: 'Health visitor', secureEmail: 'hana@health.example', phone: '01632 960123' })).statusCode).toBe(302);
    const [hana] = await db().select().from(professionals);
    expect(hana).toMatchObject({ name: 'Hana Exampleton', role: 'Health visitor', secureEmail: 'hana@health.example', active: true });

    await support.get(`/professionals/${hana!.id}`);
    const foreignAccount = await support.post(`/professionals/${hana!.id}`, { name: 'Hana Exampleton', role: 'Health visitor', userId: (await db().select().from(organisations))[0]!.id });
    expect(foreignAccount.statusCode).toBe(400);
    expect(foreignAccount.body).toContain('Choose a Convene account from this agency');
    expect((await support.post(`/professionals/${hana!.id}`, { name: 'Hana Exampleton', role: 'School nurse', active: 'no' })).statusCode).toBe(302);
    expect((await db().select().from(professionals).where(eq(professionals.id, hana!.id)))[0]).toMatchObject({ role: 'School nurse', active: false });
    const page = await support.get(agencyUrl);
    expect(page.body).toContain('(no longer in post)');
    expect((await db().select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action)).toEqual(expect.arrayContaining(['agency-added', 'professional-added', 'professional-changed']));
  });

  it('a social worker can look up contacts but not change them; business support cannot add agencies', async () => {
    const worker = await signedIn('worker');
    expect((await worker.get('/agencies')).statusCode).toBe(200);
    const [org] = await db().select().from(organisations);
    expect((await worker.get(`/agencies/${org!.id}`)).body).not.toContain('Add a practitioner');
    expect((await worker.post(`/agencies/${org!.id}/professionals`, { name: 'X', role: 'Y' })).statusCode).toBe(403);
    const support = await signedIn('support');
    await support.get('/agencies');
    expect((await support.post('/agencies', { name: 'Another (test)', kind: 'police' })).statusCode).toBe(403);
    expect((await worker.get('/agencies/not-a-uuid')).statusCode).toBe(404);
  });
});
