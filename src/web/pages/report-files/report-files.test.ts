import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, TestClock } from '../../../../test/support/app.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, invitations, reports } from '../../../db/schema/index.js';

const PDF = Buffer.from('%PDF-1.4\n% the health visiting service’s own report (synthetic)\n%%EOF\n');

describeEachEngine('uploading a report document', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let f: MeetingFixture;
  let practitioner: Awaited<ReturnType<typeof createUser>>;
  const db = () => database.handle.db;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await testApp(database.handle, { clock: new TestClock(new Date('2026-02-23T10:00:00Z')) });
    f = await createMeetingFixture(db());
    practitioner = await createUser(db(), { roles: ['agency-practitioner'], displayName: 'Hana Exampleton', username: `hana-upload-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, f.invitationIds.healthVisitor));
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('an invited practitioner uploads their agency’s own report instead of writing each heading, submits it, and staff download it; bad files are refused and nothing changes', async () => {
    const agency = new WebClient(app);
    await agency.signIn(practitioner.username, TEST_PASSWORD);
    await agency.get(`/conferences/${f.conferenceId}/reports/new?kind=agency`);
    const created = await agency.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency' });
    expect(created.statusCode).toBe(302);
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const page = await agency.get(`/reports/${reportId}`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
    let v = versionIn(page.body);

    // Without the CSRF token nothing is accepted.
    const saved = agency.csrf;
    agency.csrf = null;
    expect((await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: PDF })).statusCode).toBe(403);
    agency.csrf = saved;

    const fake = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.from('MZ not a pdf') });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('The file must be a PDF, a Word document (.docx), or a JPEG or PNG photo');
    const none = await agency.postFile(`/reports/${reportId}/file`, { version: v }, null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose a file to upload');
    expect((await db().select().from(reports).where(eq(reports.id, reportId)))[0]?.fileBase64).toBeNull();

    const uploaded = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'HV report.pdf', contentType: 'application/pdf', content: PDF });
    expect(uploaded.statusCode).toBe(302);
    const after = await agency.get(`/reports/${reportId}`);
    expect(after.body).toContain('HV report.pdf');
    v = versionIn(after.body);
    const submitted = await agency.post(`/reports/${reportId}`, { version: v, intent: 'submit' });
    expect(submitted.statusCode).toBe(302);
    expect((await db().select().from(reports).where(eq(reports.id, reportId)))[0]?.status).toBe('submitted');

    const chair = new WebClient(app);
    await chair.signIn(f.chair.username, TEST_PASSWORD);
    const download = await chair.get(`/reports/${reportId}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const actions = (await db().select({ action: auditEvents.action, childId: auditEvents.childId }).from(auditEvents).where(eq(auditEvents.recordId, reportId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['report-file-attached', 'child-record-viewed']));
  });
});
