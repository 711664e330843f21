import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { assessments } from '../../db/schema/index.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadCase, loadById } from '../shared/load-records.js';

export async function loadAssessment(db: Database, assessmentId: string) {
  return loadById(db, assessments, assessmentId, 'that assessment');
}

export interface CompleteAssessmentInput {
  completedOn: string;
  discussedWithChildAndFamily: boolean;
  summary: string;
}

/**
 * FD2 (002 2.41): the social worker's part of completing the assessment. It counts as complete
 * only once discussed with the child and family; the team manager's authorisation follows.
 */
export async function completeAssessment(db: Database, context: ActionContext, assessmentId: string, input: CompleteAssessmentInput): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const assessment = await loadAssessment(db, assessmentId);
  const { child } = await loadCase(db, assessment.caseId);
  if (assessment.completedOn) throw new ConflictError('This assessment has already been completed.');
  const problems = [];
  if (!input.discussedWithChildAndFamily) {
    problems.push({ field: 'discussedWithChildAndFamily', message: 'An initial assessment is complete only once it has been discussed with the child and family' });
  }
  const completedOn = Temporal.PlainDate.from(input.completedOn);
  if (Temporal.PlainDate.compare(completedOn, Temporal.PlainDate.from(assessment.startedOn)) < 0) {
    problems.push({ field: 'completedOn', message: 'The assessment cannot be completed before it started' });
  } else if (Temporal.PlainDate.compare(completedOn, londonDateOf(context.now)) > 0) {
    problems.push({ field: 'completedOn', message: 'The completion date cannot be in the future' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assessments)
      .set({ completedOn: input.completedOn, discussedWithChildAndFamily: true, summary: input.summary })
      .where(and(eq(assessments.id, assessmentId), isNull(assessments.completedOn)))
      .returning({ id: assessments.id });
    if (updated.length === 0) throw new ConflictError('This assessment has already been completed.');
    await recordAudit(tx, context, { action: 'assessment-completed', recordType: 'assessment', recordId: assessmentId, childId: child.id });
  });
}
