import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, reports, users } from '../../db/schema/index.js';
import { legalActionAgreementProblems, managerChecks, teamManagerCheckProblems, type ManagerCheckFacts } from '../../domain/reports/manager-checks.js';
import { mayAgreeLegalAction, mayCheckSocialWorkReport } from '../../policies/reports.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditReport, childrenOf, loadReport, type LoadedReport, type ReportRow } from './report-common.js';

export function checkFactsOf(report: ReportRow): ManagerCheckFacts {
  return {
    kind: report.kind, status: report.status, version: report.version, checkedVersion: report.managerCheckedVersion,
    legalActionRecommended: report.legalActionRecommended, legalActionDecision: report.legalActionDecision,
  };
}

/** Who the report's managers are: its author's team and the team managers of the children's cases. */
export async function checkRelationship(db: Queryable, loaded: LoadedReport): Promise<{ authorTeamId: string | null; caseTeamManagerIds: (string | null)[] }> {
  const [author] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, loaded.report.authorId));
  const caseIds = loaded.context.subjects.filter((c) => c.childId === loaded.report.childId).map((c) => c.caseId);
  const managers = caseIds.length ? await db.select({ teamManagerId: cases.teamManagerId }).from(cases).where(inArray(cases.id, caseIds)) : [];
  return { authorTeamId: author?.teamId ?? null, caseTeamManagerIds: managers.map((m) => m.teamManagerId) };
}

export interface TeamManagerCheckInput {
  confirmed: boolean;
  version: number;
}

/**
 * `003` the social work report: a team manager of the worker's team checks the submitted report,
 * its statement on legal action included (the social worker's to make, in the report). The check
 * holds for the version checked: a later change needs checking again before the report is shared.
 */
export async function checkSocialWorkReport(db: Database, ctx: ActionContext, reportId: string, input: TeamManagerCheckInput): Promise<void> {
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report } = loaded;
  if (report.kind !== 'social-work') throw new ConflictError('Only a social work report is checked by a team manager.');
  if (!mayCheckSocialWorkReport(ctx.actor, await checkRelationship(db, loaded))) throw new ForbiddenError('Only a team manager of the social worker’s team checks this report.');
  if (report.status === 'draft') throw new ConflictError('The report is still a draft: it is checked once its author has submitted it.');
  if (report.authorId === ctx.actor!.id) throw new ForbiddenError('The report’s author cannot check their own report.');
  const problems = teamManagerCheckProblems({ confirmed: input.confirmed, legalActionRecommended: report.legalActionRecommended });
  if (problems.length) throw new ValidationError(problems);
  const legal = report.legalActionRecommended === true;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(reports)
      .set({ managerCheckedBy: ctx.actor!.id, managerCheckedAt: ctx.now, managerCheckedVersion: report.version })
      .where(and(eq(reports.id, reportId), eq(reports.version, input.version)))
      .returning({ id: reports.id });
    if (!row) throw new ConflictError('The report has changed since you opened it. Read it again before checking it.');
    await auditReport(tx, ctx, childrenOf(report.childId, loaded.context), {
      action: 'report-checked-by-team-manager', recordType: 'report', recordId: reportId, details: { version: report.version, legalActionRecommended: legal },
    });
  });
}

export interface LegalActionAgreementInput {
  decision: string;
  reasons: string;
}

/** `003`: the service manager agrees, or does not agree (with reasons), with a recommendation of legal action, before the conference. */
export async function decideLegalAction(db: Database, ctx: ActionContext, reportId: string, input: LegalActionAgreementInput): Promise<void> {
  if (!mayAgreeLegalAction(ctx.actor)) throw new ForbiddenError('Only a service manager agrees a recommendation of legal action.');
  const loaded = await loadReport(db, ctx.actor, reportId);
  const { report } = loaded;
  const state = managerChecks(checkFactsOf(report)).legalAction;
  if (state === 'not-needed' || state === 'not-answered') throw new ConflictError('This report has no recommendation of legal action for a service manager to agree.');
  if (state === 'awaiting-submission') throw new ConflictError('The report is still a draft: its recommendation is agreed once the social worker has submitted it.');
  if (state !== 'awaiting') throw new ConflictError('A service manager has already answered this recommendation.');
  const problems = legalActionAgreementProblems(input);
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(reports)
      .set({ legalActionDecision: input.decision, legalActionReasons: input.reasons.trim(), legalActionDecidedBy: ctx.actor!.id, legalActionDecidedAt: ctx.now })
      // The answer is to the recommendation as read: a change by the social worker since is read again first.
      .where(and(eq(reports.id, reportId), isNull(reports.legalActionDecision), eq(reports.legalActionRecommended, true), eq(reports.version, report.version)))
      .returning({ id: reports.id });
    if (!row) throw new ConflictError('The report has changed, or a service manager has answered, since you opened it. Read it again.');
    await auditReport(tx, ctx, childrenOf(report.childId, loaded.context), {
      action: 'report-legal-action-decided', recordType: 'report', recordId: reportId, details: { decision: input.decision }, reason: input.reasons.trim() || null,
    });
  });
}
