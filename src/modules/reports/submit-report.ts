import type { Database } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import { submissionProblems } from '../../domain/reports/report-content.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditReport, childrenOf, loadReport } from './report-common.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** The author sends the report to the conference (TS12/TS14): complete, marked (RP1–RP3), confidential part explained (RP4). */
export async function submitReport(db: Database, ctx: ActionContext, reportId: string, version: number): Promise<void> {
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report } = loaded;
  if (report.authorId !== ctx.actor?.id) throw new ForbiddenError('Only the author submits this report.');
  if (report.status !== 'draft') throw new ConflictError('This report has already been submitted.');
  const problems = submissionProblems(loaded.kind, loaded.conferenceType, loaded.content, { hasFile: Boolean(loaded.report.fileBase64) });
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, reports, { id: reportId, version }, { status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now },
      () => new ConflictError('Someone else saved this report since you opened it. Open it again before submitting.'),
    );
    await auditReport(tx, ctx, childrenOf(report.childId, loaded.context), { action: 'report-submitted', recordType: 'report', recordId: reportId });
  });
}
