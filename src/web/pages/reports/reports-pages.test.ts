import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { auditEvents, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, familyParticipation, invitations, reports, reportShares } from '../../../db/schema/index.js';
import { pdfText } from '../../../documents/pdf-text.js';
import { sectionField } from '../../../domain/reports/report-content.js';
import { FAMILY_FACING_PATTERN, FAMILY_FACING_ROUTES } from './family-facing.js';
import { expectPage } from '../../../../test/support/page-expectations.js';
import { initialReportSections } from './report-form.test-support.js';

export const SECRET = 'Operation Nightjar: the father is a suspect in a live police investigation';

/** A complete agency report as the form posts it, with a confidential section. */
export function agencyReportForm(extra: Record<string, string> = {}): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = initialReportSections('agency', (heading) => `Health visitor notes on ${heading}`, (i) => (i % 2 === 0 ? 'observation' : 'fact'));
  form[sectionField(1, 'secondHand')] = 'yes';
  form.confidentialText = SECRET;
  form.confidentialReason = 'Sharing it would prejudice a criminal investigation';
  form.confidentialCategories = ['police-information'];
  return { ...form, ...extra };
}

describeEachEngine('reports to conference pages', (engine) => {
  const clock = new TestClock(new Date('2026-02-23T10:00:00Z'));
  let f: MeetingFixture;
  let other: MeetingFixture;
  let practitioner: Awaited<ReturnType<typeof createUser>>;

  const { db, app, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    f = await createMeetingFixture(db());
    other = await createMeetingFixture(db());
    practitioner = await createUser(db(), { roles: ['agency-practitioner'], displayName: 'Hana Exampleton', username: `hana-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, f.invitationIds.healthVisitor));
  });

  async function writeAndSubmit(client: WebClient): Promise<string> {
    await client.get(`/conferences/${f.conferenceId}/reports/new?kind=agency`);
    const created = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm() });
    expect(created.statusCode).toBe(302);
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const page = await client.get(`/reports/${reportId}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const submitted = await client.post(`/reports/${reportId}`, { ...agencyReportForm(), version, intent: 'submit' });
    expect(submitted.statusCode).toBe(302);
    return reportId;
  }

  it('an agency practitioner sees only the conferences they are invited to, and 404 for others', async () => {
    const client = await signedIn(practitioner.username);
    const mine = await client.get('/my-conferences');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`/conferences/${f.conferenceId}/reports`);
    expect(mine.body).not.toContain(other.conferenceId);
    expect((await client.get(`/conferences/${other.conferenceId}/reports`)).statusCode).toBe(404);
    expect((await client.get(`/conferences/${other.conferenceId}/reports/new?kind=agency`)).statusCode).toBe(404);
    expect((await client.get(`/conferences/${f.conferenceId}/readiness`)).statusCode).toBe(403);
    expect((await client.get(`/conferences/${f.conferenceId}/participation`)).statusCode).toBe(403);
  });

  it('RP3: refuses to submit a report with an unmarked contribution, naming the heading', async () => {
    const client = await signedIn(practitioner.username);
    const reportId = await (async () => {
      await client.get(`/conferences/${f.conferenceId}/reports/new?kind=agency`);
      const res = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm({ [sectionField(3, 'marking')]: '' }) });
      expect(res.statusCode).toBe(302);
      return /\/reports\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    })();
    const page = await client.get(`/reports/${reportId}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const res = await client.post(`/reports/${reportId}`, { ...agencyReportForm({ [sectionField(3, 'marking')]: '' }), version, intent: 'submit' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('is fact, observation, allegation or opinion');
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row?.status).toBe('draft');
    await db().delete(reports).where(eq(reports.id, reportId));
  });

  it('RP4: refuses a confidential section without its reasons', async () => {
    const client = await signedIn(practitioner.username);
    await client.get(`/conferences/${f.conferenceId}/reports/new?kind=agency`);
    const res = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm({ confidentialReason: '' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Say why this information cannot be shared with the family');
  });

  it('the practitioner writes and submits; the social worker shares the family copy, which never holds the confidential text', async () => {
    const agency = await signedIn(practitioner.username);
    const reportId = await writeAndSubmit(agency);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row?.status).toBe('submitted');
    expect(row?.confidentialText).toBe(SECRET);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'report-submitted'), eq(auditEvents.recordId, reportId)));
    expect(audits.map((a) => a.childId)).toEqual([f.alphaId]);

    const worker = await signedIn(f.socialWorker.username);
    const share = await worker.get(`/reports/${reportId}/share`);
    expect(share.statusCode).toBe(200);
    expect(share.body).not.toContain('Nightjar');
    const shared = await worker.post(`/reports/${reportId}/share`, { invitationIds: [f.invitationIds.mother], method: 'visit', language: 'Polish', translated: 'yes' });
    expect(shared.statusCode).toBe(302);
    const [s] = await db().select().from(reportShares).where(eq(reportShares.reportId, reportId));
    expect(s).toMatchObject({ recipientName: 'Demi Testington', method: 'visit', language: 'Polish', translated: true, sharedBy: f.socialWorker.id });

    const pdf = await worker.get(`/reports/${reportId}/family-copy.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('FAMILY COPY');
    expect(text).toContain('Health visitor notes');
    expect(text).not.toContain('Nightjar');
    expect(share.body).not.toContain('family copy in Polish');

    // Issue 14: the mother reads Polish with an interpreter, so her copy can open in Polish; the report stays the author's English.
    await db().insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: f.invitationIds.mother, firstLanguage: 'Polish', interpreterNeeded: true, updatedBy: f.chair.id, updatedAt: clock.now() });
    const offered = await worker.get(`/reports/${reportId}/share`);
    expect(offered.body).toContain(`href="/reports/${reportId}/family-copy.pdf?language=pl"`);
    expect(offered.body).toContain('Download the family copy in Polish and English');
    const polish = await worker.get(`/reports/${reportId}/family-copy.pdf?language=pl`);
    expect(polish.statusCode).toBe(200);
    expect(polish.headers['content-disposition']).toContain('-pl.pdf');
    const [conference] = await db().select({ start: conferences.scheduledStart, kind: conferences.kind }).from(conferences).where(eq(conferences.id, f.conferenceId));
    const dzien = new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(conference!.start!);
    const polishText = pdfText(polish.rawPayload).replace(/\s+/g, ' ');
    expect(polishText.startsWith('Raport instytucji: egzemplarz dla rodziny')).toBe(true);
    expect(polishText).toContain(`Na wstępną konferencję w sprawie ochrony dziecka w dniu ${dzien}.`);
    expect(polishText).toContain('Tłumacz może omówić go z Panem/Panią przed konferencją.');
    expect(polishText.indexOf('Health visitor notes')).toBeGreaterThan(polishText.indexOf('Na kolejnych stronach'));
    expect(polishText).not.toContain('Nightjar');
    const [produced] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'report-family-copy-produced'), eq(auditEvents.recordId, reportId))).orderBy(desc(auditEvents.id)).limit(1);
    expect(produced!.details).toEqual({ language: 'pl' });
    // A language no file covers, or English by code, is refused with what to do.
    for (const code of ['xx', 'en']) {
      const refused = await worker.get(`/reports/${reportId}/family-copy.pdf?language=${code}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Choose a language the family copy is written in.');
    }

    const disagreement = await worker.post(`/reports/${reportId}/disagreements`, { raisedBy: 'Demi Testington', kind: 'factual-inaccuracy', detail: 'The date of the visit is wrong', outcome: 'amended' });
    expect(disagreement.statusCode).toBe(302);
    expect((await worker.get(`/reports/${reportId}/share`)).body).toContain('The date of the visit is wrong');
  });

  it('the chair sees each expected report with its state and the quorum forecast', async () => {
    const chair = await signedIn(f.chair.username);
    const page = await chair.get(`/conferences/${f.conferenceId}/readiness`);
    expectPage(page, { status: 200, shows: ['Social work report for Alpha Testington', 'Hana Exampleton', 'Shared with the family', 'Not yet due', 'Not quorate'], lacks: ['Nightjar'] });
  });

  it('a stale save is refused with 409 and changes nothing', async () => {
    const client = await signedIn(practitioner.username);
    const [row] = await db().select().from(reports).where(and(eq(reports.conferenceId, f.conferenceId), eq(reports.authorId, practitioner.id)));
    await client.get(`/reports/${row!.id}`);
    const res = await client.post(`/reports/${row!.id}`, { ...agencyReportForm({ [sectionField(0, 'text')]: 'Overwritten' }), version: String(row!.version - 1), intent: 'save' });
    expect(res.statusCode).toBe(409);
    const [after] = await db().select().from(reports).where(eq(reports.id, row!.id));
    expect(after?.version).toBe(row!.version);
  });

  it('RP1 and RP6: the social worker writes the social work report and records the family’s own views; forms start without errors', async () => {
    const worker = await signedIn(f.socialWorker.username);
    const form = await worker.get(`/conferences/${f.conferenceId}/reports/new?kind=social-work&child=${f.alphaId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('govuk-error-message');
    expect(form.body).toContain('Dates the child was seen, and seen alone');
    const created = await worker.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'social-work', childId: f.alphaId, s0_text: 'Chronology so far', s0_marking: 'fact' });
    expect(created.statusCode).toBe(302);
    await worker.get(`/conferences/${f.conferenceId}/reports/new?kind=social-work&child=${f.alphaId}`);
    const twice = await worker.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'social-work', childId: f.alphaId });
    expect(twice.statusCode).toBe(409);
    await worker.get(`/conferences/${f.conferenceId}/reports/new?kind=family-views`);
    const views = await worker.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'family-views', familyMember: 'Demi Testington', s0_text: 'We want Alpha home with us' });
    expect(views.statusCode).toBe(302);
    const list = await worker.get(`/conferences/${f.conferenceId}/reports`);
    expect(list.body).toContain('The family&#39;s own views');
  });

  it('reports are private to their author among practitioners: another practitioner, even invited, gets 404', async () => {
    const [agencyReport] = await db().select().from(reports).where(and(eq(reports.conferenceId, f.conferenceId), eq(reports.authorId, practitioner.id)));
    const [socialWork] = await db().select().from(reports).where(and(eq(reports.conferenceId, f.conferenceId), eq(reports.kind, 'social-work')));
    const teacher = await createUser(db(), { roles: ['agency-practitioner'], username: `pat-${engine}` });
    const outsider = await signedIn(teacher.username);
    expect((await outsider.get(`/reports/${agencyReport!.id}`)).statusCode).toBe(404);
    await db().update(invitations).set({ userId: teacher.id }).where(eq(invitations.id, f.invitationIds.teacher));
    expect((await outsider.get(`/conferences/${f.conferenceId}/reports`)).statusCode).toBe(200);
    expect((await outsider.get(`/reports/${agencyReport!.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/reports/${socialWork!.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/reports/${agencyReport!.id}/family-copy.pdf`)).statusCode).toBe(403);
  });

  it('RP4: only the chair records how the confidential section is presented', async () => {
    const [agencyReport] = await db().select().from(reports).where(and(eq(reports.conferenceId, f.conferenceId), eq(reports.authorId, practitioner.id)));
    const worker = await signedIn(f.socialWorker.username);
    await worker.get(`/reports/${agencyReport!.id}`);
    expect((await worker.post(`/reports/${agencyReport!.id}/confidential`, { confidentialChairDecision: 'Read out' })).statusCode).toBe(403);
    const chair = await signedIn(f.chair.username);
    const page = await chair.get(`/reports/${agencyReport!.id}`);
    expect(page.body).toContain('How the confidential section will be presented');
    const res = await chair.post(`/reports/${agencyReport!.id}/confidential`, { confidentialChairDecision: 'Shared with professionals only, in the confidential part, with the parents out of the room' });
    expect(res.statusCode).toBe(302);
    const [after] = await db().select().from(reports).where(eq(reports.id, agencyReport!.id));
    expect(after?.confidentialChairDecision).toContain('confidential part');
  });

  it('every family-facing route is listed, and none of them contains the confidential text', async () => {
    // Every GET route declared by the reports and participation pages whose path names a family copy
    // or letter: what a family reads is downloaded; the POST that sends a letter sends the same PDF.
    const listed = new Set<string>(FAMILY_FACING_ROUTES.map((r) => r.path));
    const found: string[] = [];
    for (const dir of ['reports', 'participation']) {
      const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', dir);
      for (const file of fs.readdirSync(folder).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
        const source = fs.readFileSync(path.join(folder, file), 'utf8');
        for (const m of source.matchAll(/app\.get(?:<[^>]*>)?\(\s*'([^']+)'/g)) if (FAMILY_FACING_PATTERN.test(m[1]!)) found.push(m[1]!);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(FAMILY_FACING_ROUTES.length);
    for (const route of found) expect(listed.has(route), route).toBe(true);
    for (const route of listed) expect(app().hasRoute({ method: 'GET', url: route }), route).toBe(true);

    const [report] = await db().select().from(reports).where(and(eq(reports.conferenceId, f.conferenceId), eq(reports.authorId, practitioner.id)));
    const worker = await signedIn(f.socialWorker.username);
    await worker.get(`/conferences/${f.conferenceId}/exclusions`);
    const asked = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.father, reasons: ['disruptive-behaviour'], evidence: 'Threats to staff', scope: 'part' });
    expect(asked.statusCode).toBe(302);
    const chair = await signedIn(f.chair.username);
    const page = await chair.get(`/conferences/${f.conferenceId}/exclusions`);
    const exclusionId = /\/exclusions\/([0-9a-f-]{36})\/decision/.exec(page.body)![1]!;
    const decided = await chair.post(`/exclusions/${exclusionId}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'Threats to staff at the last visit', period: 'The confidential information part', excludedParts: 'information', recordScope: 'whole' });
    expect(decided.statusCode).toBe(302);

    const ids = { reportId: report!.id, exclusionId };
    for (const route of FAMILY_FACING_ROUTES) {
      const res = await worker.get(route.path.replace(':id', ids[route.param]));
      expect(res.statusCode, route.name).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text.length, route.name).toBeGreaterThan(50);
      expect(text, route.name).toContain('FAMILY COPY');
      expect(text, route.name).not.toContain('Nightjar');
    }
  });

  it('RV3: at a review, the core group’s minutes stand as its members’ single report when it chose so', async () => {
    const r = await createMeetingFixture(db(), { kind: 'review', childType: 'review' });
    const [cc] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, r.conferenceId), eq(conferenceChildren.childId, r.alphaId)));
    const [plan] = await db().insert(childProtectionPlans).values({ caseId: cc!.caseId, childId: r.alphaId, startDate: '2025-12-01', initialCategories: ['NEG'], latestCategories: ['NEG'] }).returning();
    await db().insert(coreGroupMeetings).values({
      planId: plan!.id, childId: r.alphaId, heldOn: '2026-02-10', chairName: 'Sam Sampleford', chairRole: 'lead-social-worker', decisions: 'Plan updated',
      members: [{ name: 'Hana Exampleton', role: 'Health visitor', agency: 'Health', attended: true, writtenViews: '' }, { name: 'Pat Placeholder', role: 'Class teacher', agency: 'School', attended: true, writtenViews: '' }],
      collectiveReviewReport: true, createdAt: new Date('2026-02-10T12:00:00Z'),
    });
    const chair = await signedIn(r.chair.username);
    const page = await chair.get(`/conferences/${r.conferenceId}/readiness`);
    expectPage(page, {
      status: 200,
      shows: ['The core group’s single report: its minutes of 2026-02-10, for Hana Exampleton, Pat Placeholder', 'PC Petra Placeholder, Police constable'],
      lacks: ['Hana Exampleton, Health visitor'],
    });
  });
});
