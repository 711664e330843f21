import type { Database } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import { reportFileProblems } from '../../domain/reports/report-file.js';
import { mayShareReports } from '../../policies/reports.js';
import type { ActionContext } from '../shared/action-context.js';
import { detectFileType } from '../shared/detect-file-type.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditReport, childrenOf, loadReport } from './report-common.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * Attaches the author's uploaded document to a draft report, replacing any earlier one: an
 * agency's own report format, or the family's views written or drawn by hand (RP2, RP6).
 */
export async function attachReportFile(
  db: Database,
  ctx: ActionContext,
  reportId: string,
  input: { fileName: string; fileType: string; content: Buffer; truncated: boolean; version: number },
): Promise<void> {
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report } = loaded;
  const mayEdit = report.authorId === ctx.actor?.id || (loaded.kind === 'family-views' && mayShareReports(ctx.actor));
  if (!mayEdit) throw new ForbiddenError('Only the author adds a document to this report.');
  if (loaded.kind === 'social-work') throw new ForbiddenError('The social work report is written in Convene.');
  if (report.status !== 'draft') throw new ConflictError('This report has been submitted: it can no longer be changed.');
  const problems = reportFileProblems({ ...input, detectedType: await detectFileType(input.content) });
  if (problems.length > 0) throw new ValidationError(problems);
  const fileName = input.fileName.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'report';
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, reports, { id: reportId, version: input.version }, { fileName, fileType: input.fileType, fileBase64: input.content.toString('base64'), updatedAt: ctx.now },
      () => new ConflictError('Someone else saved this report since you opened it. Open it again, then upload.'),
    );
    await auditReport(tx, ctx, childrenOf(report.childId, loaded.context), { action: 'report-file-attached', recordType: 'report', recordId: reportId, details: { fileName, bytes: input.content.length } });
  });
}
