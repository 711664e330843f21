import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { assessments } from '../../db/schema/index.js';
import { c12DatedAfterClosure, refusalMessage } from '../../domain/census/rules.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadAssessment } from './complete-assessment.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadCase } from '../shared/load-records.js';

/** FD2: the team manager views and authorises the completed assessment (census AssessmentAuthorisationDate). */
export async function authoriseAssessment(db: Database, context: ActionContext, assessmentId: string): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager can authorise an assessment.');
  const assessment = await loadAssessment(db, assessmentId);
  const { case: episode, child } = await loadCase(db, assessment.caseId);
  if (!assessment.completedOn) throw new ConflictError('The assessment must be completed and discussed with the child and family before it is authorised.');
  if (assessment.authorisedOn) throw new ConflictError('This assessment has already been authorised.');
  // Census C12, refused: the authorisation is dated today, and nothing is dated after the episode
  // closed. Closing a case now waits for a completed assessment's authorisation, so this meets only
  // cases closed before that rule.
  const afterClosure = c12DatedAfterClosure(londonDateOf(context.now).toString(), episode.closedOn, 'The authorisation');
  if (afterClosure) throw new ConflictError(refusalMessage(afterClosure, 'An assessment is authorised before its case closes.'));
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assessments)
      .set({ authorisedBy: context.actor?.id ?? null, authorisedOn: londonDateOf(context.now).toString() })
      .where(and(eq(assessments.id, assessmentId), isNotNull(assessments.completedOn), isNull(assessments.authorisedOn)))
      .returning({ id: assessments.id });
    if (updated.length === 0) throw new ConflictError('This assessment has already been authorised.');
    await recordAudit(tx, context, { action: 'assessment-authorised', recordType: 'assessment', recordId: assessmentId, childId: child.id });
  });
}
