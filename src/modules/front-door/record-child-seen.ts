import { eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { section47Enquiries, type ChildSeen } from '../../db/schema/index.js';
import { checkChildSeen } from '../../domain/front-door/section-47-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadSection47 } from './load-section-47.js';

export interface ChildSeenForm {
  date: string;
  seenAlone: boolean;
  whoWasPresent?: string | undefined;
  whyNotAlone?: string | undefined;
}

/** FD4 (002 2.78): a date the lead social worker saw the child during the enquiry. */
export async function recordChildSeen(db: Database, context: ActionContext, enquiryId: string, input: ChildSeenForm): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { enquiry, child } = await loadSection47(db, enquiryId);
  const problems = checkChildSeen(
    { ...input, date: Temporal.PlainDate.from(input.date) },
    Temporal.PlainDate.from(enquiry.startedOn),
    londonDateOf(context.now),
  );
  if (problems.length > 0) throw new ValidationError(problems);
  const entry: ChildSeen = input.seenAlone
    ? { date: input.date, seenAlone: true }
    : { date: input.date, seenAlone: false, whoWasPresent: input.whoWasPresent ?? '', whyNotAlone: input.whyNotAlone ?? '' };
  await db.transaction(async (tx) => {
    // Appended in SQL so two visits recorded at the same moment both survive.
    await tx
      .update(section47Enquiries)
      .set({ childSeen: sql`${section47Enquiries.childSeen} || ${JSON.stringify([entry])}::jsonb` })
      .where(eq(section47Enquiries.id, enquiryId));
    await recordAudit(tx, context, {
      action: 'child-seen-recorded', recordType: 'section-47-enquiry', recordId: enquiryId, childId: child.id,
      details: { date: input.date, seenAlone: input.seenAlone },
    });
  });
}
