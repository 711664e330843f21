import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { emergencyResponsibility } from '../../../../db/schema/index.js';
import { otherAuthorityFixture } from '../../../../modules/transfers/other-authority-fixture.test-support.js';
import { passResponsibility, recordEmergencyConsultation, recordTheirAnswer } from '../../../../modules/transfers/emergency-responsibility.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../../test/support/page-expectations.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('TR3 pages', (engine) => {
  let f: Awaited<ReturnType<typeof otherAuthorityFixture>>;
  const { db, signedIn } = signedInApp(engine, { at: NOW });
  beforeAll(async () => {
    f = await otherAuthorityFixture(db(), NOW);
  });

  it('the designated manager records an emergency, is refused with every value kept, cannot pass responsibility before written acceptance, then passes it', async () => {
    const officer = await signedIn(f.officer.username);
    expect((await officer.get('/transfers/other-authorities')).statusCode).toBe(200);
    expect((await officer.get('/transfers/emergency/new')).statusCode).toBe(200);
    const typed = { childId: f.found.childId, responsibleAuthority: 'Exampleshire Council', responsibleBecause: 'plan', emergencyAction: 'Police protection overnight.', foundOn: '2026-03-09', consultedOn: '', consultedName: 'Their duty manager' };
    expectPage(await officer.post('/transfers/emergency/new', typed), {
      status: 400, shows: ['Enter the date the responsible authority was consulted', 'Police protection overnight.', 'value="Their duty manager"'],
    });
    const made = await officer.post('/transfers/emergency/new', { ...typed, consultedOn: '2026-03-09' });
    expect(made.statusCode).toBe(302);
    const [row] = await db().select().from(emergencyResponsibility).where(eq(emergencyResponsibility.childId, f.found.childId));
    const page = `/transfers/emergency/${row!.id}`;
    expect((await officer.get('/')).body).toContain(page);
    const early = await officer.post(`${page}/pass`, { version: '1' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('They have not yet accepted responsibility');
    const noWriting = await officer.post(`${page}/answer`, { answer: 'accepts', answeredOn: '2026-03-10', writtenConfirmationOn: '', writtenConfirmationReference: 'Email from their head of service', version: '1' });
    expect(noWriting.statusCode).toBe(400);
    expect(noWriting.body).toContain('Enter the date of the written confirmation');
    expect(noWriting.body).toContain('value="Email from their head of service"');
    expect((await officer.post(`${page}/answer`, { answer: 'accepts', answeredOn: '2026-03-10', writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: 'Email from their head of service', version: '1' })).statusCode).toBe(302);
    expect((await officer.post(`${page}/pass`, { version: '2' })).statusCode).toBe(302);
    expect((await officer.get(page)).body).toContain('Responsibility passed to them');
    expect((await officer.get('/')).body).not.toContain(page);
  });

  it('the designated manager records a temporary resident moving on and tells the agencies from their list', async () => {
    const officer = await signedIn(f.officer.username);
    const page = `/plans/${f.planId}/temporary-resident`;
    expect((await officer.get(page)).body).toContain('Living here on Exampleshire Council’s plan');
    const refused = await officer.post(page, { change: 'moved-on', changedOn: '2026-03-09', details: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Record what changed and why');
    expect(refused.body).toMatch(/value="moved-on" checked/);
    expect((await officer.post(page, { change: 'moved-on', changedOn: '2026-03-09', details: 'Moved to Sampleton with her mother.' })).statusCode).toBe(302);
    expect((await officer.get('/')).body).toContain('Tell local agencies: Lima Exampleton');
    expect((await officer.post(`${page}/tell`, { name: '', email: '' })).statusCode).toBe(302);
    expect((await officer.get(page)).body).toContain('Local agencies told on');
    expect((await officer.get('/')).body).not.toContain('Tell local agencies: Lima Exampleton');
  });

  it('TR3: the child’s case page shows that responsibility stays here until the other authority accepts in writing, then that it passed', async () => {
    const officer = await signedIn(f.officer.username);
    const casePage = `/cases/${f.resident.caseId}`;
    expect((await officer.get(casePage)).body).not.toContain('emergency-responsibility');
    const id = await recordEmergencyConsultation(db(), f.as(f.officer), f.resident.childId, {
      responsibleAuthority: 'Exampleshire Council', responsibleBecause: 'plan', emergencyAction: 'Police protection overnight.', foundOn: '2026-03-09', consultedOn: '2026-03-09', consultedName: 'Their duty manager',
    });
    let body = (await officer.get(casePage)).body;
    expect(body).toContain('Responsibility stays here');
    expect(body).toContain('Exampleshire Council was consulted. Responsibility stays with us until they explicitly accept it and confirm that in writing.');
    expect(body).toContain(`href="/transfers/emergency/${id}"`);
    await recordTheirAnswer(db(), f.as(f.officer), id, { answer: 'accepts', answeredOn: '2026-03-10', writtenConfirmationOn: null, writtenConfirmationReference: '', version: 1 });
    body = (await officer.get(casePage)).body;
    expect(body).toContain('Responsibility stays with us until they explicitly accept it and confirm that in writing.');
    expect(body).toContain('they accept: waiting for written confirmation');
    await recordTheirAnswer(db(), f.as(f.officer), id, { answer: 'accepts', answeredOn: '2026-03-10', writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: 'Their email', version: 2 });
    await passResponsibility(db(), f.as(f.officer), id, { version: 3 });
    body = (await officer.get(casePage)).body;
    expect(body).not.toContain('Responsibility stays here');
    expect(body).toContain('Emergency action on 9 March 2026: responsibility passed to Exampleshire Council on 10 March 2026, after they accepted it in writing.');
  });

  it('refuses a designated manager of another authority, who has no relationship to the children', async () => {
    const other = await signedIn(f.elsewhere.username);
    expect((await other.get(`/plans/${f.planId}/temporary-resident`)).statusCode).toBe(404);
    expect((await other.post('/transfers/emergency/new', { childId: f.found.childId, responsibleAuthority: 'X', responsibleBecause: 'plan', emergencyAction: 'Y', foundOn: '2026-03-09', consultedOn: '2026-03-09', consultedName: 'Z' })).statusCode).toBe(404);
  });
});
