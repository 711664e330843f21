import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { section47Enquiries } from '../../db/schema/index.js';
import { checkEndorsement } from '../../domain/front-door/outcomes.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadSection47 } from './load-section-47.js';

/** FD5 (002 2.84): a manager endorses the decision not to go to a conference though harm was substantiated. */
export async function endorseSection47Outcome(db: Database, context: ActionContext, enquiryId: string): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager can endorse this decision.');
  const { enquiry, child } = await loadSection47(db, enquiryId);
  const refusal = checkEndorsement(enquiry);
  if (refusal) throw new ConflictError(refusal);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(section47Enquiries)
      .set({ endorsedBy: context.actor?.id ?? null, endorsedAt: context.now })
      .where(and(eq(section47Enquiries.id, enquiryId), eq(section47Enquiries.outcome, 'no-continuing-risk'), isNull(section47Enquiries.endorsedAt)))
      .returning({ id: section47Enquiries.id });
    if (updated.length === 0) throw new ConflictError('This outcome has already been endorsed.');
    await recordAudit(tx, context, { action: 'section-47-outcome-endorsed', recordType: 'section-47-enquiry', recordId: enquiryId, childId: child.id });
  });
}
