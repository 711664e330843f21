import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';
import { subjectAccessRequests } from '../../../db/schema/index.js';
import { pdfText } from '../../../documents/pdf-text.js';
import { CONFIDENTIAL_TEXT, subjectAccessFixture } from '../../../modules/records/subject-access-fixture.test-support.js';

describeEachEngine('RC7 subject access pages', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });

  it('information governance records a request, is refused with every value kept, checks the identity, downloads a bundle with nothing confidential and no third party, and records the release', async () => {
    const { ig, f } = await subjectAccessFixture(db(), `p${engine}`);
    const client = await signedIn(ig.username);
    expect((await client.get('/subject-access/new')).statusCode).toBe(200);
    const typed = {
      childGivenNames: 'Alpha', childFamilyName: 'Testington', childDateOfBirth: '2019-05-09', requesterName: 'Beth Testington', relationship: 'parent',
      receivedOn: '2026-03-02', identityCheckedOn: '', identityEvidence: 'Letter with a copy of her passport', responsibleUserId: ig.id,
    };
    const refused = await client.post('/subject-access/new', typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('No child in our records has exactly that name and date of birth');
    for (const value of ['Beth Testington', 'Letter with a copy of her passport']) expect(refused.body).toContain(value);
    // Dates come back in GOV.UK's day, month and year boxes.
    for (const [box, value] of [['childDateOfBirth-day', '9'], ['childDateOfBirth-month', '5'], ['childDateOfBirth-year', '2019'], ['receivedOn-day', '2'], ['receivedOn-month', '3'], ['receivedOn-year', '2026']]) {
      expect(refused.body).toMatch(new RegExp(`name="${box}"[^>]*value="${value}"`));
    }
    expectPage(await client.post('/subject-access/new', { ...typed, requesterName: '' }), {
      status: 400, shows: ['Enter the name of the person asking', 'Letter with a copy of her passport'],
    });
    const saved = await client.post('/subject-access/new', { ...typed, childDateOfBirth: '2019-05-01' });
    expect(saved.statusCode).toBe(302);
    const [row] = await db().select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, f.child.id));
    const home = await client.get('/');
    expect(home.body).toContain('Subject access request: Alpha Testington');
    expect(home.body).toContain('check their identity to start the month');

    const page = await client.get(`/subject-access/${row!.id}`);
    expect(page.body).toContain('Check the requester’s identity');
    expect((await client.post(`/subject-access/${row!.id}/identity`, { identityCheckedOn: '2026-03-01', identityEvidence: 'Passport', version: '1' })).statusCode).toBe(400);
    expect((await client.post(`/subject-access/${row!.id}/identity`, { identityCheckedOn: '2026-03-03', identityEvidence: 'Passport seen', version: '1' })).statusCode).toBe(302);
    expect((await client.get(`/subject-access/${row!.id}`)).body).toContain('7 April 2026'); // 3 April is Good Friday, 6 April Easter Monday

    const pdf = await client.get(`/subject-access/${row!.id}/bundle.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Alpha Testington');
    for (const secret of [CONFIDENTIAL_TEXT.slice(0, 30), 'Carl', 'Nora', 'Lodgerson']) expect(text).not.toContain(secret);

    const unchecked = await client.post(`/subject-access/${row!.id}/release`, { releasedOn: '2026-03-10', method: 'Secure email to Beth', version: '2' });
    expect(unchecked.statusCode).toBe(400);
    expect(unchecked.body).toContain('Confirm that you have read the bundle');
    expect(unchecked.body).toContain('Secure email to Beth');
    expect((await client.post(`/subject-access/${row!.id}/release`, { releasedOn: '2026-03-10', method: 'Secure email to Beth', checked: 'yes', version: '2' })).statusCode).toBe(302);
    expect((await client.get(`/subject-access/${row!.id}`)).body).toContain('Secure email to Beth');
    expect((await client.get('/')).body).not.toContain('Subject access request: Alpha Testington');
  });

  it('refuses another information governance officer, an administrator and a social worker', async () => {
    const { ig, ig2, admin, f, orgId } = await subjectAccessFixture(db(), `q${engine}`);
    const worker = await createUser(db(), { roles: ['social-worker'], organisationId: orgId, username: `sar-worker-${engine}` });
    const client = await signedIn(ig.username);
    await client.get('/subject-access/new');
    await client.post('/subject-access/new', {
      childGivenNames: 'Alpha', childFamilyName: 'Testington', childDateOfBirth: '2019-05-01', requesterName: 'Alpha Testington', relationship: 'the-child', receivedOn: '2026-03-02', identityCheckedOn: '2026-03-02', identityEvidence: 'School ID', responsibleUserId: ig.id,
    });
    const [row] = await db().select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, f.child.id));
    expect(row?.requesterPersonId).toBe(f.child.id);
    const other = await signedIn(ig2.username);
    expect((await other.get(`/subject-access/${row!.id}`)).statusCode).toBe(404);
    expect((await other.get(`/subject-access/${row!.id}/bundle.pdf`)).statusCode).toBe(404);
    const administrator = await signedIn(admin.username);
    expect((await administrator.get(`/subject-access/${row!.id}`)).statusCode).toBe(403);
    expect((await administrator.get('/subject-access/new')).statusCode).toBe(403);
    expect((await (await signedIn(worker.username)).get(`/subject-access/${row!.id}/bundle.pdf`)).statusCode).toBe(403);
  });

  it('information governance extends a complex request: refused with every value kept, then the new date shows on the request, the list and the home page, and the letter is queued', async () => {
    const { ig, f } = await subjectAccessFixture(db(), `e${engine}`);
    const client = await signedIn(ig.username);
    await client.get('/subject-access/new');
    await client.post('/subject-access/new', {
      childGivenNames: 'Alpha', childFamilyName: 'Testington', childDateOfBirth: '2019-05-01', requesterName: 'Beth Testington', relationship: 'parent', receivedOn: '2026-03-02', identityCheckedOn: '2026-03-02', identityEvidence: 'Passport', responsibleUserId: ig.id,
    });
    const [row] = await db().select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, f.child.id));
    const page = await client.get(`/subject-access/${row!.id}`);
    expect(page.body).toContain('Extend a complex request by two further months');
    const refused = await client.post(`/subject-access/${row!.id}/extend`, { reason: 'Records held by three teams', channel: 'email', address: '', version: '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter where the letter goes');
    expect(refused.body).toContain('Records held by three teams');
    const done = await client.post(`/subject-access/${row!.id}/extend`, { reason: 'Records held by three teams', channel: 'post', address: '1 Example Road, Sampletown ST1 1AA', version: '1' });
    expect(done.statusCode).toBe(302);
    const after = await client.get(`/subject-access/${row!.id}?done=extended`);
    expect(after.body).toContain('The request is extended: it is now due 2 June 2026');
    expect(after.body).toContain('Records held by three teams');
    expect(after.body).not.toContain('Extend a complex request');
    expect((await client.get('/subject-access')).body).toContain('2 June 2026');
    expect((await client.get('/')).body).toContain('two further months');
    const again = await client.post(`/subject-access/${row!.id}/extend`, { reason: 'Again', channel: 'post', address: 'x', version: '2' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('it can be extended only once');
  });
});
