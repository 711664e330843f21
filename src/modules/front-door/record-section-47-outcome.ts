import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { section47Enquiries } from '../../db/schema/index.js';
import { checkOutcome, type Section47Outcome } from '../../domain/front-door/outcomes.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadSection47 } from './load-section-47.js';

export interface OutcomeInput {
  outcome: Section47Outcome;
  reasons: string;
  icpcNotRequired: boolean;
}

/** FD5: how the enquiry ended (002 2.78–2.85); ICPCnotRequired is the census flag for an end without a conference. */
export async function recordSection47Outcome(db: Database, context: ActionContext, enquiryId: string, input: OutcomeInput): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { enquiry, child } = await loadSection47(db, enquiryId);
  const problems = checkOutcome({ outcome: input.outcome, icpcNotRequired: input.icpcNotRequired, alreadyRecorded: enquiry.outcome !== null });
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(section47Enquiries)
      .set({ outcome: input.outcome, outcomeReasons: input.reasons, icpcNotRequired: input.icpcNotRequired, outcomeRecordedAt: context.now })
      .where(and(eq(section47Enquiries.id, enquiryId), isNull(section47Enquiries.outcome)))
      .returning({ id: section47Enquiries.id });
    if (updated.length === 0) throw new ConflictError('The outcome of this enquiry has already been recorded.');
    await recordAudit(tx, context, {
      action: 'section-47-outcome-recorded', recordType: 'section-47-enquiry', recordId: enquiryId, childId: child.id,
      details: { outcome: input.outcome, icpcNotRequired: input.icpcNotRequired },
    });
  });
}
