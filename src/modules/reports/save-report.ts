import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organisations, reports, users } from '../../db/schema/index.js';
import type { ReportKind } from '../../domain/reports/headings.js';
import { draftProblems, legalActionProblems, legalActionStatementChanged, sectionsInOrder, type ReportContent } from '../../domain/reports/report-content.js';
import { mayWriteReports, mayWriteSocialWorkReport } from '../../policies/reports.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { conferenceForReports, type ConferenceForReports } from './conference-access.js';
import { auditReport, childrenOf, loadReport, reportConferenceType } from './report-common.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface NewReportInput {
  kind: ReportKind;
  childId: string | null;
  /** RP6: whose views these are, for the family's own views. */
  familyMember: string | null;
  content: ReportContent;
}

async function authorDetails(db: Database, ctx: ActionContext, context: ConferenceForReports, kind: ReportKind, familyMember: string | null) {
  const actor = ctx.actor!;
  const [user] = await db
    .select({ email: users.email, jobTitle: users.jobTitle, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, actor.id));
  const conferenceDate = context.conference.scheduledStart ? formatDate(londonIsoDate(context.conference.scheduledStart)) : '';
  if (kind === 'family-views') return { author: familyMember ?? '', conferenceDate };
  return {
    // A report link's holder has no account of their own: their agency is the one they were invited from.
    organisation: (actor.reportLink ? context.ownInvitation?.organisationName : null) ?? user?.organisation ?? '',
    author: actor.displayName,
    role: context.ownInvitation?.role ?? user?.jobTitle ?? '',
    contact: user?.email ?? '',
    conferenceDate,
  };
}

/** Who may start which kind of report: the social worker for a subject child; an invited practitioner for their agency. */
function checkMayStart(ctx: ActionContext, context: ConferenceForReports, input: NewReportInput): void {
  if (!mayWriteReports(ctx.actor)) throw new ForbiddenError();
  if (input.kind === 'agency') {
    if (!context.ownInvitation) throw new ForbiddenError('Only a practitioner invited to this conference writes an agency report for it.');
    return;
  }
  if (!mayWriteSocialWorkReport(ctx.actor)) throw new ForbiddenError('Only a social worker or team manager writes this report.');
  if (input.kind === 'social-work' && !context.subjects.some((c) => c.childId === input.childId)) {
    throw new ValidationError([{ field: 'childId', message: 'Select the child the report is about' }]);
  }
  if (input.kind === 'family-views' && !input.familyMember?.trim()) {
    throw new ValidationError([{ field: 'familyMember', message: 'Enter whose views these are' }]);
  }
}

/**
 * The report this person would start already exists (a second click, the browser's back button,
 * a refused form sent again): the page keeps what they typed and shows it on the started report.
 */
export class ReportAlreadyStartedError extends ConflictError {
  constructor(readonly reportId: string) {
    super('That report has already been started: open it from the list of reports to carry on.');
    this.name = 'ReportAlreadyStartedError';
  }
}

/** Starts a report as a draft (RP1, RP2, RP6); one social work report per child, one agency report per invitee. */
export async function startReport(db: Database, ctx: ActionContext, conferenceId: string, input: NewReportInput): Promise<string> {
  const context = await conferenceForReports(db, ctx.actor, conferenceId);
  checkMayStart(ctx, context, input);
  const problems = [...draftProblems(input.content), ...legalActionProblems(input.kind, input.content.legalAction, { answerRequired: false })];
  if (problems.length > 0) throw new ValidationError(problems);
  const conferenceType = reportConferenceType(input.kind, input.childId, context);
  const details = await authorDetails(db, ctx, context, input.kind, input.familyMember);
  return db.transaction(async (tx) => {
    const clash =
      input.kind === 'social-work'
        ? await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.conferenceId, conferenceId), eq(reports.kind, 'social-work'), eq(reports.childId, input.childId!)))
        : input.kind === 'agency'
          ? await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.conferenceId, conferenceId), eq(reports.invitationId, context.ownInvitation!.id)))
          : [];
    if (clash[0]) throw new ReportAlreadyStartedError(clash[0].id);
    const [row] = await tx
      .insert(reports)
      .values({
        conferenceId,
        childId: input.kind === 'agency' ? null : input.childId,
        kind: input.kind,
        authorId: ctx.actor!.id,
        invitationId: input.kind === 'agency' ? context.ownInvitation!.id : null,
        agency: input.kind === 'agency' ? (context.invitees.find((i) => i.invitationId === context.ownInvitation!.id)?.agency ?? null) : 'childrens-social-care',
        authorDetails: details,
        sections: sectionsInOrder(input.kind, conferenceType, input.content.sections),
        confidentialText: input.content.confidential?.text ?? null,
        confidentialReason: input.content.confidential?.reason ?? null,
        confidentialCategories: input.content.confidential?.categories ?? [],
        ...(input.kind === 'social-work' && input.content.legalAction
          ? { legalActionRecommended: input.content.legalAction.recommended, legalActionRecommendation: input.content.legalAction.recommended ? input.content.legalAction.recommendation : null }
          : {}),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('report insert returned nothing');
    await auditReport(tx, ctx, childrenOf(input.childId, context), { action: 'report-started', recordType: 'report', recordId: row.id, details: { kind: input.kind } });
    return row.id;
  });
}

/** Saves the author's changes; a report already submitted or shared can be corrected (RP5 amendments), and keeps its status. */
export async function saveReport(db: Database, ctx: ActionContext, reportId: string, input: { content: ReportContent; version: number }): Promise<void> {
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report } = loaded;
  if (report.authorId !== ctx.actor?.id && !(report.kind !== 'agency' && mayWriteSocialWorkReport(ctx.actor))) {
    throw new ForbiddenError('Only the author changes this report.');
  }
  // `003`: once the report has gone to the chair it keeps its answer on legal action.
  const legal = loaded.kind === 'social-work' ? input.content.legalAction : undefined;
  const problems = [...draftProblems(input.content), ...legalActionProblems(loaded.kind, legal, { answerRequired: report.status !== 'draft' })];
  if (problems.length > 0) throw new ValidationError(problems);
  // A changed recommendation (or none now) is agreed afresh: the service manager's answer was to the old one.
  const legalChanged = legal !== undefined && legalActionStatementChanged({ recommended: report.legalActionRecommended, recommendation: report.legalActionRecommendation }, legal);
  await db.transaction(async (tx) => {
    const saved = await updateAtVersion(tx, reports, { id: reportId, version: input.version }, {
      sections: sectionsInOrder(loaded.kind, loaded.conferenceType, input.content.sections),
      confidentialText: input.content.confidential?.text ?? null,
      confidentialReason: input.content.confidential?.reason ?? null,
      confidentialCategories: input.content.confidential?.categories ?? [],
      ...(legal ? { legalActionRecommended: legal.recommended, legalActionRecommendation: legal.recommended ? legal.recommendation : null } : {}),
      ...(legalChanged ? { legalActionDecision: null, legalActionReasons: null, legalActionDecidedBy: null, legalActionDecidedAt: null } : {}),
      updatedAt: ctx.now,
    }, () => new ConflictError('Someone else saved this report since you opened it. Open it again to see their changes.'));
    await auditReport(tx, ctx, childrenOf(report.childId, loaded.context), {
      action: 'report-saved', recordType: 'report', recordId: reportId,
      details: { version: saved.version, ...(legalChanged ? { legalActionRecommended: legal!.recommended } : {}) },
    });
  });
}
