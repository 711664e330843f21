import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { auditEvents, reports, reportShares } from '../../../db/schema/index.js';
import { sectionField } from '../../../domain/reports/report-content.js';
import { initialReportSections } from './report-form.test-support.js';

/** A complete social work report for an initial conference, as the form posts it. */
function socialWorkForm(extra: Record<string, string> = {}): Record<string, string> {
  return { ...initialReportSections('social-work', (heading) => `The social worker on ${heading}`, () => 'fact'), ...extra };
}

describeEachEngine('the managers’ checks of the social work report (003)', (engine) => {
  const clock = new TestClock(new Date('2026-02-23T10:00:00Z'));
  let f: MeetingFixture;
  let reportId: string;
  let serviceManager: Awaited<ReturnType<typeof createUser>>;
  let otherManager: Awaited<ReturnType<typeof createUser>>;

  const { db, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    f = await createMeetingFixture(db());
    serviceManager = await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, username: `sm-${engine}`, displayName: 'Sasha Servicehead' });
    otherManager = await createUser(db(), { roles: ['team-manager'], organisationId: f.socialWorker.organisationId, username: `tm2-${engine}`, displayName: 'Olly Otherteam' });
  });

  it('a social work report is not shared with the family until a team manager of the worker’s team has checked it', async () => {
    const worker = await signedIn(f.socialWorker.username);
    await worker.get(`/conferences/${f.conferenceId}/reports/new?kind=social-work&child=${f.alphaId}`);
    const created = await worker.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'social-work', childId: f.alphaId, ...socialWorkForm() });
    expect(created.statusCode).toBe(302);
    reportId = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const page = await worker.get(`/reports/${reportId}`);
    expect(page.body).toContain('Does the report recommend legal action?');
    let version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    // The social worker states it in the report: a required answer, and the recommendation when yes.
    const unanswered = await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'submit' });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('Say whether the report recommends legal action');
    version = /name="version" value="(\d+)"/.exec(unanswered.body)![1]!;
    const unwritten = await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'submit', legalActionRecommended: 'yes', legalActionRecommendation: '' });
    expect(unwritten.statusCode).toBe(400);
    expect(unwritten.body).toContain('Write the recommendation of legal action');
    expect(unwritten.body).toMatch(/name="legalActionRecommended" type="radio" value="yes" checked/);
    version = /name="version" value="(\d+)"/.exec(unwritten.body)![1]!;
    const submitted = await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'submit', legalActionRecommended: 'yes', legalActionRecommendation: 'Apply for an interim care order for Alpha' });
    expect(submitted.statusCode).toBe(302);
    const [stated] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(stated).toMatchObject({ status: 'submitted', legalActionRecommended: true, legalActionRecommendation: 'Apply for an interim care order for Alpha', managerCheckedVersion: null });

    const share = await worker.get(`/reports/${reportId}/share`);
    expect(share.body).toContain('A team manager of the social worker’s team has not checked this report yet');
    expect(share.body).not.toContain('Record the sharing');
    expect((await worker.post(`/reports/${reportId}/share`, { invitationIds: [f.invitationIds.mother], method: 'visit', language: 'English' })).statusCode).toBe(409);
    expect((await worker.get(`/reports/${reportId}/family-copy.pdf`)).statusCode).toBe(409);
    expect(await db().select().from(reportShares).where(eq(reportShares.reportId, reportId))).toHaveLength(0);

    // The chair is warned on the readiness page.
    const chair = await signedIn(f.chair.username);
    expect((await chair.get(`/conferences/${f.conferenceId}/readiness`)).body).toContain('The social work report for Alpha Testington has not been checked by a team manager.');

    // On the case's team manager's home list, due when the family must have it.
    const manager = await signedIn(f.teamManager.username);
    const home = await manager.get('/');
    expect(home.body).toContain('Check the social work report: Alpha Testington');
    expect(home.body).toContain(`/reports/${reportId}/manager-check`);
  });

  it('a team manager with no relationship to the case or the worker cannot check it', async () => {
    const other = await signedIn(otherManager.username);
    // Need to know: with no working relationship to the child they are offered only break-glass.
    const page = await other.get(`/reports/${reportId}/manager-check`);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('You have no working relationship with this child');
    expect(page.body).not.toContain('Record my check');
    expect((await other.get('/')).body).not.toContain('Check the social work report: Alpha Testington');
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect((await other.post(`/reports/${reportId}/manager-check`, { version: String(row!.version), confirmed: 'yes' })).statusCode).toBe(403);
    const worker = await signedIn(f.socialWorker.username);
    expect((await worker.post(`/reports/${reportId}/manager-check`, { version: String(row!.version), confirmed: 'yes' })).statusCode).toBe(403);
    const [after] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(after?.managerCheckedVersion).toBeNull();
  });

  it('the team manager’s check shows the social worker’s recommendation of legal action; a refused check is shown again', async () => {
    const manager = await signedIn(f.teamManager.username);
    const page = await manager.get(`/reports/${reportId}/manager-check`);
    expect(page.body).toContain('Record my check');
    expect(page.body).toContain('Legal action recommended: waiting for a service manager to agree before the conference');
    expect(page.body).toContain('Apply for an interim care order for Alpha');
    // The team manager is no longer the one who says whether it recommends legal action.
    expect(page.body).not.toContain('name="legalActionRecommended"');
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const refused = await manager.post(`/reports/${reportId}/manager-check`, { version });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Confirm that you have checked the report’s quality, content and length');
    const checked = await manager.post(`/reports/${reportId}/manager-check`, { version, legalActionRecommended: 'no', confirmed: 'yes' });
    expect(checked.statusCode).toBe(302);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ managerCheckedBy: f.teamManager.id, managerCheckedVersion: row!.version, legalActionRecommended: true, legalActionDecision: null });
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'report-checked-by-team-manager'))).toHaveLength(1);
    expect((await manager.get('/')).body).not.toContain('Check the social work report: Alpha Testington');

    const worker = await signedIn(f.socialWorker.username);
    expect((await worker.get(`/reports/${reportId}/share`)).body).toContain('Record the sharing');
    expect((await worker.post(`/reports/${reportId}/share`, { invitationIds: [f.invitationIds.mother], method: 'visit', language: 'English' })).statusCode).toBe(302);
  });

  it('a recommendation of legal action waits on the service manager’s list and warns the chair until agreed', async () => {
    const chair = await signedIn(f.chair.username);
    expect((await chair.get(`/conferences/${f.conferenceId}/readiness`)).body).toContain('recommends legal action and a service manager has not yet agreed it');
    const sm = await signedIn(serviceManager.username);
    const home = await sm.get('/');
    expect(home.body).toContain('Agree the recommendation of legal action: Alpha Testington');
    expect(home.body).toContain('The social work report recommends: “Apply for an interim care order for Alpha”');
    const worker = await signedIn(f.socialWorker.username);
    expect((await worker.post(`/reports/${reportId}/legal-action`, { decision: 'agreed' })).statusCode).toBe(403);

    const refused = await sm.post(`/reports/${reportId}/legal-action`, { decision: 'not-agreed', reasons: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Give your reasons for not agreeing');
    expect(refused.body).toMatch(/value="not-agreed" checked/);
    const agreed = await sm.post(`/reports/${reportId}/legal-action`, { decision: 'agreed', reasons: 'Threshold for proceedings met' });
    expect(agreed.statusCode).toBe(302);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ legalActionDecision: 'agreed', legalActionDecidedBy: serviceManager.id });
    expect((await sm.get('/')).body).not.toContain('Agree the recommendation of legal action: Alpha Testington');
    const readiness = (await chair.get(`/conferences/${f.conferenceId}/readiness`)).body;
    expect(readiness).not.toContain('manager-warnings');
  });

  it('a change after the check needs checking again before the report is shared again', async () => {
    const worker = await signedIn(f.socialWorker.username);
    const page = await worker.get(`/reports/${reportId}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const legal = { legalActionRecommended: 'yes', legalActionRecommendation: 'Apply for an interim care order for Alpha' };
    expect((await worker.post(`/reports/${reportId}`, { ...socialWorkForm({ [sectionField(0, 'text')]: 'Amended chronology', ...legal }), version, intent: 'save' })).statusCode).toBe(302);
    expect((await worker.get(`/reports/${reportId}/share`)).body).toContain('The report has changed since the team manager checked it');
    expect((await worker.post(`/reports/${reportId}/share`, { invitationIds: [f.invitationIds.mother], method: 'visit', language: 'English' })).statusCode).toBe(409);
    expect((await (await signedIn(f.teamManager.username)).get('/')).body).toContain('Changed since you checked it');
    // The same recommendation keeps the service manager's agreement.
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ legalActionDecision: 'agreed' });
  });

  it('a submitted report keeps its answer on legal action; a changed recommendation is agreed afresh', async () => {
    const worker = await signedIn(f.socialWorker.username);
    let version = /name="version" value="(\d+)"/.exec((await worker.get(`/reports/${reportId}`)).body)![1]!;
    const cleared = await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'save' });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.body).toContain('Say whether the report recommends legal action');
    const changed = await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'save', legalActionRecommended: 'yes', legalActionRecommendation: 'Apply for a supervision order' });
    expect(changed.statusCode).toBe(302);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ legalActionRecommended: true, legalActionRecommendation: 'Apply for a supervision order', legalActionDecision: null, legalActionDecidedBy: null });
    const sm = await signedIn(serviceManager.username);
    expect((await sm.get('/')).body).toContain('The social work report recommends: “Apply for a supervision order”');
    version = String(row!.version);
    expect((await worker.post(`/reports/${reportId}`, { ...socialWorkForm(), version, intent: 'save', legalActionRecommended: 'no' })).statusCode).toBe(302);
    expect((await sm.get('/')).body).not.toContain('Agree the recommendation of legal action: Alpha Testington');
    const page = await (await signedIn(f.teamManager.username)).get(`/reports/${reportId}/manager-check`);
    expect(page.body).toContain('The social worker does not recommend legal action');
  });

  it('a report submitted before the report asked about legal action is not checked until the social worker answers', async () => {
    // As the team manager used to set it: submitted, no answer from the social worker.
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    await db().update(reports).set({ legalActionRecommended: null, legalActionRecommendation: null, managerCheckedVersion: null }).where(eq(reports.id, reportId));
    const manager = await signedIn(f.teamManager.username);
    expect((await manager.get(`/reports/${reportId}/manager-check`)).body).toContain('The report does not yet say whether it recommends legal action');
    const refused = await manager.post(`/reports/${reportId}/manager-check`, { version: String(row!.version), confirmed: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The report does not say whether it recommends legal action');
    const [after] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(after!.managerCheckedVersion).toBeNull();
  });
});
