import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportDisagreements, reports, reportShares } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { mayShareReports } from '../../policies/reports.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { sharingRefusal } from '../../domain/reports/manager-checks.js';
import { checkFactsOf } from './manager-checks.js';
import { auditReport, childrenOf, loadReport } from './report-common.js';
import { keysOf } from '../../domain/choices.js';

export const SHARE_METHOD_LABELS = {
  visit: 'Talked through on a visit',
  'secure-email': 'Secure email',
  post: 'Post',
  hand: 'Handed over',
};
export const SHARE_METHODS = keysOf(SHARE_METHOD_LABELS);
export type ShareMethod = (typeof SHARE_METHODS)[number];

export interface ShareInput {
  invitationIds: string[];
  method: ShareMethod;
  language: string;
  translated: boolean;
}

/** RP5: the family copy given to family members, recording who received which version, how, when and in what language. */
export async function shareReport(db: Database, ctx: ActionContext, reportId: string, input: ShareInput): Promise<void> {
  if (!mayShareReports(ctx.actor)) throw new ForbiddenError();
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report, context } = loaded;
  if (report.status === 'draft') throw new ConflictError('The report is still a draft: it is shared once its author has submitted it.');
  // `003`: a social work report goes to the family only once a team manager has checked this version.
  const refusal = sharingRefusal(checkFactsOf(report));
  if (refusal) throw new ConflictError(refusal);
  const recipients = context.invitations.filter((i) => input.invitationIds.includes(i.id) && isFamilyKind(i.inviteeKind));
  if (recipients.length === 0 || recipients.length !== input.invitationIds.length) {
    throw new ValidationError([{ field: 'invitationIds', message: 'Select the family members the report was shared with' }]);
  }
  await db.transaction(async (tx) => {
    for (const r of recipients) {
      await tx.insert(reportShares).values({
        reportId, invitationId: r.id, recipientName: r.name, method: input.method, language: input.language,
        translated: input.translated, reportVersion: report.version, sharedAt: ctx.now, sharedBy: ctx.actor!.id,
      });
    }
    await tx.update(reports).set({ status: 'shared', updatedAt: ctx.now }).where(eq(reports.id, reportId));
    await auditReport(tx, ctx, childrenOf(report.childId, context), {
      action: 'report-shared-with-family', recordType: 'report', recordId: reportId,
      details: { recipients: recipients.map((r) => r.name), method: input.method, language: input.language, version: report.version },
    });
  });
}

export interface DisagreementInput {
  raisedBy: string;
  kind: 'factual-inaccuracy' | 'disagreement';
  detail: string;
  outcome: 'amended' | 'noted';
}

/** RP5 and IN8: a point of factual inaccuracy or disagreement the family raised, and what became of it. */
export async function recordDisagreement(db: Database, ctx: ActionContext, reportId: string, input: DisagreementInput): Promise<void> {
  if (!mayShareReports(ctx.actor)) throw new ForbiddenError();
  const loaded = await loadReport(db, ctx.actor, reportId);
  await db.transaction(async (tx) => {
    await tx.insert(reportDisagreements).values({ reportId, ...input, recordedBy: ctx.actor!.id, recordedAt: ctx.now });
    await auditReport(tx, ctx, childrenOf(loaded.report.childId, loaded.context), {
      action: 'report-disagreement-recorded', recordType: 'report', recordId: reportId, details: { kind: input.kind, outcome: input.outcome },
    });
  });
}
