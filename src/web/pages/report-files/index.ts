import type { FastifyInstance } from 'fastify';
import { attachReportFile } from '../../../modules/reports/attach-report-file.js';
import { auditReport, childrenOf, loadReport } from '../../../modules/reports/report-common.js';
import { REPORT_FILE_MAX_BYTES } from '../../../domain/reports/report-file.js';
import { mayViewConferenceReports } from '../../../policies/reports.js';
import { runAction } from '../../forms/run-action.js';
import { setUpUploads, uploadedFile } from '../../input/uploads.js';

type Params = { Params: { id: string } };

/**
 * Uploading a document to a report (RP2, RP6) and downloading it. Multipart parsing is confined to
 * this scope (src/web/input/uploads.ts); the CSRF token travels as an ordinary form field.
 */
export default async function reportFilePages(app: FastifyInstance): Promise<void> {
  const { db } = app.convene;
  // The file belongs to the report form, so a report link's holder (issue 17) attaches and reads their own too.
  const access = { config: { access: mayViewConferenceReports, reportLink: true } };

  app.get<Params>('/reports/:id/file', access, async (request, reply) => {
    const loaded = await loadReport(db, request.actor, request.params.id);
    const { report } = loaded;
    if (!report.fileBase64 || !report.fileType) return reply.callNotFound();
    await auditReport(db, request.actionContext(), childrenOf(report.childId, loaded.context), { action: 'child-record-viewed', recordType: 'report-file', recordId: report.id });
    return reply
      .type(report.fileType)
      .header('Content-Disposition', `attachment; filename="${(report.fileName ?? 'report').replace(/"/g, '')}"`)
      .header('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(report.fileBase64, 'base64'));
  });

  await app.register(async (scope) => {
    await setUpUploads(scope, { maxFileBytes: REPORT_FILE_MAX_BYTES, maxFields: 5 });

    scope.post<Params>('/reports/:id/file', access, async (request, reply) => {
      const body = (request.body ?? {}) as { version?: string };
      const file = uploadedFile(body);
      const back = `/reports/${request.params.id}#file`;
      return runAction(reply, () => attachReportFile(db, request.actionContext(), request.params.id, {
        fileName: file?.fileName ?? '', fileType: file?.fileType ?? '', content: file?.content ?? Buffer.alloc(0), truncated: file?.truncated ?? false,
        version: Number(body.version ?? 0),
      }), {
        // Only a file was sent, and a file cannot be put back in the form: the page says why, and the way back to choose another.
        values: {},
        conflictPage: back,
        done: () => reply.redirect(`/reports/${request.params.id}?done=uploaded#file`),
        again: ({ errors }) => reply.view('reports/upload-refused.njk', { title: 'The document was not uploaded', errors, reportId: request.params.id, backLink: { href: back } }),
      });
    });
  });
}
