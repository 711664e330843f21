import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import type { ConfidentialCategory, ReportKind } from '../../domain/reports/headings.js';
import type { ReportContent } from '../../domain/reports/report-content.js';
import type { Actor } from '../../policies/roles.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { AuditEntry } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError } from '../shared/errors.js';
import { conferenceForReports, type ConferenceForReports } from './conference-access.js';

export type ReportRow = typeof reports.$inferSelect;

export interface LoadedReport {
  report: ReportRow;
  kind: ReportKind;
  conferenceType: 'initial' | 'review';
  context: ConferenceForReports;
  content: ReportContent;
}

export function reportConferenceType(kind: ReportKind, childId: string | null, context: ConferenceForReports): 'initial' | 'review' {
  if (kind === 'social-work' && childId) {
    const child = context.subjects.find((c) => c.childId === childId);
    if (child) return child.childType;
  }
  return context.isInitial ? 'initial' : 'review';
}

export function contentOf(report: ReportRow): ReportContent {
  return {
    sections: report.sections,
    confidential: report.confidentialText
      ? { text: report.confidentialText, reason: report.confidentialReason ?? '', categories: report.confidentialCategories as ConfidentialCategory[] }
      : null,
    ...(report.kind === 'social-work' ? { legalAction: { recommended: report.legalActionRecommended, recommendation: report.legalActionRecommendation ?? '' } } : {}),
  };
}

/**
 * A report the actor may see, or 404. Agency practitioners see only reports they wrote, at a
 * conference they are invited to; the authority's staff see every report.
 */
export async function loadReport(db: Queryable, actor: Actor | null, reportId: string): Promise<LoadedReport> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new NotFoundError('We could not find that report.');
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw new NotFoundError('We could not find that report.');
  const context = await conferenceForReports(db, actor, report.conferenceId);
  if (context.access === 'invited' && report.authorId !== actor?.id) throw new NotFoundError('We could not find that report.');
  const kind = report.kind as ReportKind;
  return { report, kind, conferenceType: reportConferenceType(kind, report.childId, context), context, content: contentOf(report) };
}

/** The children a report concerns, for the audit: its own child, or every subject child of the conference. */
export function childrenOf(childId: string | null, context: ConferenceForReports): string[] {
  return childId ? [childId] : context.subjects.map((c) => c.childId);
}

export async function auditReport(db: Queryable, ctx: ActionContext, childIds: string[], entry: Omit<AuditEntry, 'childId'>): Promise<void> {
  await auditForChildren(db, ctx, childIds, entry);
}
