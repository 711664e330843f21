import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { expectEachUploadRefused, UPLOAD_FILES } from '../../../../test/support/upload-files.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { Document, Packer, Paragraph } from 'docx';
import { REPORT_FILE_MAX_BYTES } from '../../../domain/reports/report-file.js';
import { auditEvents, invitations, reports } from '../../../db/schema/index.js';

const PDF = Buffer.from('%PDF-1.4\n% the health visiting service’s own report (synthetic)\n%%EOF\n');

describeEachEngine('uploading a report document', (engine) => {
  let f: MeetingFixture;
  let practitioner: Awaited<ReturnType<typeof createUser>>;
  const { db, signedIn } = signedInApp(engine, { at: '2026-02-23T10:00:00Z' });
  beforeAll(async () => {
    f = await createMeetingFixture(db());
    practitioner = await createUser(db(), { roles: ['agency-practitioner'], displayName: 'Hana Exampleton', username: `hana-upload-${engine}` });
    await db().update(invitations).set({ userId: practitioner.id }).where(eq(invitations.id, f.invitationIds.healthVisitor));
  });

  it('an invited practitioner uploads their agency’s own report instead of writing each heading, submits it, and staff download it; bad files are refused and nothing changes', async () => {
    const agency = await signedIn(practitioner.username);
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
    expect(fake.body).toContain('The file is not really a PDF: its content does not match its name. Upload the PDF itself');
    // Crafted files: each lies about what it is in its name or its declared type, or is too big.
    await expectEachUploadRefused([
      ['report.pdf', 'application/pdf', UPLOAD_FILES.html, 'The file is not really a PDF'],
      ['photo.jpg', 'image/jpeg', UPLOAD_FILES.png, 'The file is not really a JPEG photo'],
      ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', UPLOAD_FILES.exe, 'The file is not really a Word document'],
      ['report.html', 'text/html', UPLOAD_FILES.html, 'The file must be a PDF, a Word document (.docx), or a JPEG or PNG photo'],
      ['report.exe', 'application/pdf', PDF, 'The file must be a PDF, a Word document (.docx), or a JPEG or PNG photo'],
      ['big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(REPORT_FILE_MAX_BYTES)]), 'The file must be smaller than 5 MB'],
    ], (file) => agency.postFile(`/reports/${reportId}/file`, { version: v }, file));
    const none = await agency.postFile(`/reports/${reportId}/file`, { version: v }, null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose a file to upload');
    expect((await db().select().from(reports).where(eq(reports.id, reportId)))[0]?.fileBase64).toBeNull();

    // A real Word document (made by the docx package) and a photo are what they say.
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Health visiting report (synthetic)')] }] }));
    const word = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'HV report.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx });
    expect(word.statusCode).toBe(302);
    v = versionIn((await agency.get(`/reports/${reportId}`)).body);
    const photo = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'views.png', contentType: 'image/png', content: UPLOAD_FILES.png });
    expect(photo.statusCode).toBe(302);
    v = versionIn((await agency.get(`/reports/${reportId}`)).body);

    const uploaded = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'HV report.pdf', contentType: 'application/pdf', content: PDF });
    expect(uploaded.statusCode).toBe(302);
    // The same upload from a page opened before that save: refused, with the way back to the report's file.
    const stale = await agency.postFile(`/reports/${reportId}/file`, { version: v }, { field: 'file', filename: 'HV report.pdf', contentType: 'application/pdf', content: PDF });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this report since you opened it');
    expect(stale.body).toContain(`href="/reports/${reportId}#file"`);
    const after = await agency.get(`/reports/${reportId}`);
    expect(after.body).toContain('HV report.pdf');
    v = versionIn(after.body);
    const submitted = await agency.post(`/reports/${reportId}`, { version: v, intent: 'submit' });
    expect(submitted.statusCode).toBe(302);
    expect((await db().select().from(reports).where(eq(reports.id, reportId)))[0]?.status).toBe('submitted');

    const chair = await signedIn(f.chair.username);
    const download = await chair.get(`/reports/${reportId}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const actions = (await db().select({ action: auditEvents.action, childId: auditEvents.childId }).from(auditEvents).where(eq(auditEvents.recordId, reportId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['report-file-attached', 'child-record-viewed']));
  });
});
