import type { Database } from '../../db/client.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { familyCopyContent, type FamilyCopyContent } from '../../domain/reports/family-copy.js';
import { familyCopyDocument } from '../../documents/family-copy.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayShareReports } from '../../policies/reports.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { sharingRefusal } from '../../domain/reports/manager-checks.js';
import { checkFactsOf } from './manager-checks.js';
import { auditReport, childrenOf, loadReport, type LoadedReport } from './report-common.js';

/** What the family copy says, from a loaded report: only the fields familyCopyContent reads. */
export function familyCopyOf(loaded: LoadedReport): FamilyCopyContent {
  const { report, context } = loaded;
  const child = report.childId ? context.children.find((c) => c.childId === report.childId) : null;
  return familyCopyContent({
    kind: loaded.kind,
    childName: child?.name ?? null,
    conferenceLabel: CONFERENCE_KIND_LABELS[context.conference.kind as ConferenceKind] ?? 'Child protection conference',
    conferenceDate: context.conference.scheduledStart ? formatDate(londonIsoDate(context.conference.scheduledStart)) : 'date to be set',
    authorDetails: report.authorDetails,
    sections: report.sections,
    version: report.version,
  });
}

/** The family copy as a PDF marked "Family copy", without the confidential section (RP4, RP5). The read is audited. */
export async function familyCopyPdf(db: Database, ctx: ActionContext, reportId: string): Promise<{ pdf: Buffer; fileName: string }> {
  if (!mayShareReports(ctx.actor)) throw new ForbiddenError();
  const loaded = await loadReport(db, ctx.actor, reportId);
  const refusal = sharingRefusal(checkFactsOf(loaded.report));
  if (refusal) throw new ConflictError(refusal);
  await db.transaction(async (tx) => {
    await auditReport(tx, ctx, childrenOf(loaded.report.childId, loaded.context), { action: 'report-family-copy-produced', recordType: 'report', recordId: reportId });
  });
  const pdf = await renderPdf(familyCopyDocument(familyCopyOf(loaded)));
  return { pdf, fileName: `family-copy-${loaded.kind}-v${loaded.report.version}.pdf` };
}
