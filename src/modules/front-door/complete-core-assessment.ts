import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { section47Enquiries } from '../../db/schema/index.js';
import { checkCoreAssessmentCompleted } from '../../domain/front-door/section-47-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadSection47 } from './load-section-47.js';

/** FD4: the core assessment through which the enquiry ran is complete (due 35 working days after the start). */
export async function completeCoreAssessment(db: Database, context: ActionContext, enquiryId: string, input: { completedOn: string }): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { enquiry, child } = await loadSection47(db, enquiryId);
  if (enquiry.coreAssessmentCompletedOn) throw new ConflictError('The core assessment has already been recorded as complete.');
  const problems = checkCoreAssessmentCompleted(Temporal.PlainDate.from(input.completedOn), Temporal.PlainDate.from(enquiry.startedOn), londonDateOf(context.now));
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(section47Enquiries)
      .set({ coreAssessmentCompletedOn: input.completedOn })
      .where(and(eq(section47Enquiries.id, enquiryId), isNull(section47Enquiries.coreAssessmentCompletedOn)))
      .returning({ id: section47Enquiries.id });
    if (updated.length === 0) throw new ConflictError('The core assessment has already been recorded as complete.');
    await recordAudit(tx, context, { action: 'core-assessment-completed', recordType: 'section-47-enquiry', recordId: enquiryId, childId: child.id });
  });
}
