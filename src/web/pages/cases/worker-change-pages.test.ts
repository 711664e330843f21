import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';
import { cases, workerChangeRequests } from '../../../db/schema/index.js';

describeEachEngine('CO4 change of worker pages', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });

  it('the social worker records the request with every typed value kept on refusal; the team manager sees it on their list and answers it, and the case moves', async () => {
    const orgId = (await createOrganisation(db())).id;
    const worker = await createUser(db(), { roles: ['social-worker'], username: 'co4-worker', displayName: 'Wanda Worker', organisationId: orgId });
    await createUser(db(), { roles: ['social-worker'], username: 'co4-other', displayName: 'Otto Other', organisationId: orgId });
    const next = await createUser(db(), { roles: ['social-worker'], username: 'co4-next', displayName: 'Nia Next', organisationId: orgId });
    const manager = await createUser(db(), { roles: ['team-manager'], username: 'co4-manager', organisationId: orgId });
    const f = await childOnAPlan(db(), orgId);
    await db().update(cases).set({ socialWorkerId: worker.id, teamManagerId: manager.id }).where(eq(cases.id, f.case.id));

    expect((await (await signedIn('co4-other')).get(`/cases/${f.case.id}/worker-change`)).statusCode).toBe(403);
    const sw = await signedIn('co4-worker');
    expect((await sw.get(`/cases/${f.case.id}`)).body).toContain('Record a request for a change of social worker');
    expectPage(await sw.get(`/cases/${f.case.id}/worker-change`), { status: 200, shows: [], lacks: ['govuk-error-message'] });
    const typed = { requestedBy: 'Beth Testington, mother', requestedOn: '2026-03-11', reasons: 'She feels the worker does not listen to her.' };
    expectPage(await sw.post(`/cases/${f.case.id}/worker-change`, typed), {
      status: 400, shows: ['today or in the past', 'Beth Testington, mother', 'She feels the worker does not listen to her.'],
    });
    expectPage(await sw.post(`/cases/${f.case.id}/worker-change`, { ...typed, requestedOn: '2026-03-09', requestedBy: '' }), {
      status: 400, shows: ['Say who in the family asked for the change', 'She feels the worker does not listen to her.'],
    });
    expect((await sw.post(`/cases/${f.case.id}/worker-change`, { ...typed, requestedOn: '2026-03-09' })).statusCode).toBe(302);
    const [req] = await db().select().from(workerChangeRequests).where(eq(workerChangeRequests.caseId, f.case.id));
    expect((await sw.get(`/cases/${f.case.id}/worker-change/${req!.id}`)).statusCode).toBe(403);

    const tm = await signedIn('co4-manager');
    const home = await tm.get('/');
    expect(home.body).toContain('Requests for a change of social worker');
    expect(home.body).toContain(`/cases/${f.case.id}/worker-change/${req!.id}`);
    const form = await tm.get(`/cases/${f.case.id}/worker-change/${req!.id}`);
    expect(form.body).toContain('She feels the worker does not listen to her.');
    expect(form.body).not.toContain('govuk-error-message');
    const answer = { decision: 'agreed', newSocialWorkerId: '', reasons: 'A fresh start will help Alpha’s mother work with the plan.', familyToldOn: '2026-03-10', version: '1' };
    const noWorker = await tm.post(`/cases/${f.case.id}/worker-change/${req!.id}`, answer);
    expect(noWorker.statusCode).toBe(400);
    expect(noWorker.body).toContain('Choose the social worker the case moves to');
    expect(noWorker.body).toContain('A fresh start will help Alpha’s mother work with the plan.');
    expect((await tm.post(`/cases/${f.case.id}/worker-change/${req!.id}`, { ...answer, newSocialWorkerId: next.id })).statusCode).toBe(302);
    expect((await db().select().from(cases).where(eq(cases.id, f.case.id)))[0]?.socialWorkerId).toBe(next.id);
    const page = await tm.get(`/cases/${f.case.id}`);
    expect(page.body).toContain('Agreed: the case moves to another social worker (Nia Next)');
    expect(page.body).toContain('The family was told on 10 March 2026');
    expect((await tm.get('/')).body).not.toContain(`/worker-change/${req!.id}`);
  });
});
