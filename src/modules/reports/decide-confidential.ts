import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import { mayDecideConfidentialPresentation } from '../../policies/reports.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditReport, childrenOf, loadReport } from './report-common.js';

/** RP4: the chair records how the confidential section will be presented at the conference. */
export async function decideConfidentialPresentation(db: Database, ctx: ActionContext, reportId: string, decision: string): Promise<void> {
  const loaded = await loadReport(db, ctx.actor, reportId);
  if (!mayDecideConfidentialPresentation(ctx.actor, loaded.context.conference)) throw new ForbiddenError('Only the chair of this conference decides this.');
  if (!loaded.report.confidentialText) throw new ConflictError('This report has no confidential section.');
  if (decision.trim() === '') throw new ValidationError([{ field: 'confidentialChairDecision', message: 'Say how the confidential information will be presented' }]);
  await db.transaction(async (tx) => {
    await tx.update(reports).set({ confidentialChairDecision: decision.trim(), updatedAt: ctx.now }).where(eq(reports.id, reportId));
    await auditReport(tx, ctx, childrenOf(loaded.report.childId, loaded.context), { action: 'report-confidential-decided', recordType: 'report', recordId: reportId });
  });
}
