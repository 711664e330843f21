import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { cases, people, recordDisposals } from '../../../db/schema/index.js';
import { verifyAuditChain } from '../../../modules/audit/verify-chain.js';

describeEachEngine('RC7 retention pages', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });

  it('the administrator lists the case due, is refused a hold without a reason, holds it, lifts the hold and proposes disposal; the register officer confirms and disposes of it', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    await createUser(db(), { roles: ['administrator'], username: 'rc7-admin', organisationId: orgId });
    await createUser(db(), { roles: ['register-officer'], username: 'rc7-officer', organisationId: orgId });
    const f = await childOnAPlan(db(), orgId);
    await db().update(people).set({ dateOfBirth: '1995-01-01', givenNames: 'Oldcase' }).where(eq(people.id, f.child.id));
    await db().update(cases).set({ closedOn: '2012-06-01' }).where(eq(cases.id, f.case.id));
    const open = await childOnAPlan(db(), orgId);

    const admin = await signedIn('rc7-admin');
    expect((await admin.get('/')).body).toContain('1 closed case due for retention review');
    const list = await admin.get('/records/retention');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Oldcase Testington');
    expect(list.body).toContain(`/records/retention/cases/${f.case.id}`);
    expect(list.body).not.toContain(`/records/retention/cases/${open.case.id}`);
    expect((await admin.get('/records/retention?page=x')).statusCode).toBe(400);
    expect((await admin.get('/records/retention?type=case-with-plan&state=due')).body).toContain('Oldcase Testington');

    const page = await admin.get(`/records/retention/cases/${f.case.id}`);
    expect(page.body).toContain('1 January 2020');
    const refused = await admin.post(`/records/retention/cases/${f.case.id}/hold`, { reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Give the reason');
    expect((await admin.post(`/records/retention/cases/${f.case.id}/hold`, { reason: 'Care proceedings for a sibling' })).statusCode).toBe(302);
    expect((await admin.get(`/records/retention/cases/${f.case.id}`)).body).toContain('Care proceedings for a sibling');
    expect((await admin.post(`/records/retention/cases/${f.case.id}/propose`, {})).statusCode).toBe(409);
    const liftRefused = await admin.post(`/records/retention/cases/${f.case.id}/lift-hold`, { reason: ' ' });
    expect(liftRefused.statusCode).toBe(400);
    expect((await admin.post(`/records/retention/cases/${f.case.id}/lift-hold`, { reason: 'Proceedings ended' })).statusCode).toBe(302);
    expect((await admin.post(`/records/retention/cases/${f.case.id}/propose`, {})).statusCode).toBe(302);
    const mine = await admin.get(`/records/retention/cases/${f.case.id}/approve`);
    expect(mine.body).toContain('a second, different person approves it');
    expect(mine.body).not.toContain('Dispose of the records');

    const officer = await signedIn('rc7-officer');
    expect((await officer.get('/')).body).toContain('Disposal to approve: Oldcase Testington');
    const confirm = await officer.get(`/records/retention/cases/${f.case.id}/approve`);
    expect(confirm.body).toContain('This cannot be undone.');
    const [proposal] = await db().select().from(recordDisposals).where(eq(recordDisposals.caseId, f.case.id));
    const unconfirmed = await officer.post(`/records/retention/cases/${f.case.id}/approve`, { version: String(proposal!.version) });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the records are to be disposed of for good');
    expect((await db().select().from(people).where(eq(people.id, f.child.id)))[0]?.givenNames).toBe('Oldcase');
    expect((await officer.post(`/records/retention/cases/${f.case.id}/approve`, { version: String(proposal!.version), confirm: 'yes' })).statusCode).toBe(302);
    expect((await db().select().from(people).where(eq(people.id, f.child.id)))[0]?.givenNames).toBe('');
    const after = await officer.get(`/records/retention/cases/${f.case.id}?done=disposed`);
    expect(after.body).toContain('Disposed of on');
    expect(after.body).toContain('The records are disposed of.');
    expect(after.body).not.toContain('Oldcase');
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('refuses a social worker, and another authority’s administrator gets 404', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    const otherOrg = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    await createUser(db(), { roles: ['social-worker'], username: 'rc7-worker', organisationId: orgId });
    await createUser(db(), { roles: ['administrator'], username: 'rc7-elsewhere', organisationId: otherOrg });
    const f = await childOnAPlan(db(), orgId);
    await db().update(cases).set({ closedOn: '2012-06-01' }).where(eq(cases.id, f.case.id));
    const worker = await signedIn('rc7-worker');
    expect((await worker.get('/records/retention')).statusCode).toBe(403);
    expect((await worker.get(`/records/retention/cases/${f.case.id}`)).statusCode).toBe(403);
    const elsewhere = await signedIn('rc7-elsewhere');
    expect((await elsewhere.get(`/records/retention/cases/${f.case.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get('/records/retention')).body).not.toContain(f.case.id);
    await elsewhere.get('/records/retention');
    expect((await elsewhere.post(`/records/retention/cases/${f.case.id}/propose`, {})).statusCode).toBe(404);
  });
});
