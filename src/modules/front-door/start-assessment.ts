import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { assessments } from '../../db/schema/index.js';
import { c12DatedAfterClosure, refusalMessage } from '../../domain/census/rules.js';
import { nfaRefusal } from '../../domain/front-door/referral-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadCase, loadReferral } from '../shared/load-records.js';

/** FD2: start the initial assessment of a referred child (census AssessmentActualStartDate). */
export async function startAssessment(db: Database, context: ActionContext, caseId: string, input: { startedOn: string }): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { case: episode, child, name } = await loadCase(db, caseId);
  const referral = await loadReferral(db, caseId);
  if (!referral) throw new ConflictError(`${name} has no referral recorded: record the referral before the assessment.`);
  const nfa = nfaRefusal(referral.decision, 'assessment', name);
  if (nfa) throw new ConflictError(nfa);
  const startedOn = Temporal.PlainDate.from(input.startedOn);
  if (Temporal.PlainDate.compare(startedOn, londonDateOf(referral.receivedAt)) < 0) {
    throw new ValidationError([{ field: 'startedOn', message: 'The assessment cannot start before the referral was received' }]);
  }
  if (Temporal.PlainDate.compare(startedOn, londonDateOf(context.now)) > 0) {
    throw new ValidationError([{ field: 'startedOn', message: 'The start date cannot be in the future' }]);
  }
  // Census C12 is refused, not warned: CENSUS.md says nothing is dated after the episode closed,
  // the export counts it as an error, and new work on a closed episode belongs to a new case.
  const afterClosure = c12DatedAfterClosure(input.startedOn, episode.closedOn, 'The assessment');
  if (afterClosure) {
    throw new ValidationError([{ field: 'startedOn', message: refusalMessage(afterClosure, 'Record a new referral, which opens a new case, and start the assessment there.') }]);
  }
  return db.transaction(async (tx) => {
    const [open] = await tx.select({ id: assessments.id }).from(assessments)
      .where(and(eq(assessments.caseId, caseId), eq(assessments.kind, 'initial'), isNull(assessments.authorisedOn)));
    if (open) throw new ConflictError(`${name} already has an initial assessment in progress.`);
    const [row] = await tx
      .insert(assessments)
      .values({ caseId, kind: 'initial', startedOn: input.startedOn, createdBy: context.actor?.id ?? null, createdAt: context.now })
      .returning({ id: assessments.id });
    if (!row) throw new Error('assessment insert returned nothing');
    await recordAudit(tx, context, { action: 'assessment-started', recordType: 'assessment', recordId: row.id, childId: child.id, details: { caseId } });
    return row.id;
  });
}
