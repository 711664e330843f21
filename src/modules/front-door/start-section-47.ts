import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cases, section47Enquiries } from '../../db/schema/index.js';
import { c12DatedAfterClosure, refusalMessage } from '../../domain/census/rules.js';
import type { RuleProblem } from '../../domain/rules/rule-problem.js';
import { nfaRefusal } from '../../domain/front-door/referral-rules.js';
import { section47StartRefusal } from '../../domain/front-door/section-47-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadReferral } from '../shared/load-records.js';
import { loadStrategyDiscussion } from './load-strategy-discussion.js';

/**
 * FD4: section 47 enquiries for the chosen children of a strategy discussion that decided to
 * start them. The census S47ActualStartDate is the discussion's date.
 */
export async function startSection47Enquiries(db: Database, context: ActionContext, discussionId: string, caseIds: string[]): Promise<string[]> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { discussion, children } = await loadStrategyDiscussion(db, discussionId);
  if (caseIds.length === 0) throw new ValidationError([{ field: 'caseIds', message: 'Choose the children whose enquiries start' }]);
  const startsOn = londonDateOf(discussion.heldAt);

  return db.transaction(async (tx) => {
    // Lock the children's cases so two people starting enquiries at once cannot both pass the "one open enquiry" check.
    const locked = await tx.select({ id: cases.id, closedOn: cases.closedOn }).from(cases).where(inArray(cases.id, caseIds)).for('update');
    const problems: RuleProblem[] = [];
    const chosen = [];
    for (const caseId of new Set(caseIds)) {
      const child = children.find((c) => c.caseId === caseId);
      const referral = await loadReferral(tx, caseId);
      const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(section47Enquiries)
        .where(and(eq(section47Enquiries.caseId, caseId), isNull(section47Enquiries.outcome)));
      const refusal =
        (child && nfaRefusal(referral?.decision, 'section 47 enquiry', child.name)) ||
        section47StartRefusal({
          childName: child?.name ?? 'This child',
          startsOn,
          discussionInitiatesSection47: discussion.initiateSection47,
          childWasDiscussed: child !== undefined,
          referralReceivedOn: referral ? londonDateOf(referral.receivedAt) : null,
          openEnquiries: open?.n ?? 0,
        });
      // Census C12 is refused, not warned: CENSUS.md says nothing is dated after the episode closed,
      // the export counts it as an error, and a new enquiry on a closed episode belongs to a new case.
      const afterClosure = c12DatedAfterClosure(startsOn.toString(), locked.find((c) => c.id === caseId)?.closedOn ?? null, `${child?.name ?? 'This child'}’s section 47 enquiry`);
      if (refusal) problems.push({ field: 'caseIds', message: refusal });
      else if (afterClosure) problems.push({ field: 'caseIds', message: refusalMessage(afterClosure, 'Record a new referral, which opens a new case, and start the enquiry there.') });
      else if (child) chosen.push(child);
    }
    if (problems.length > 0) throw new ValidationError(problems);
    const rows = await tx
      .insert(section47Enquiries)
      .values(chosen.map((c) => ({
        caseId: c.caseId, strategyDiscussionId: discussionId, startedOn: startsOn.toString(),
        createdBy: context.actor?.id ?? null, createdAt: context.now,
      })))
      .returning({ id: section47Enquiries.id, caseId: section47Enquiries.caseId });
    for (const row of rows) {
      const child = chosen.find((c) => c.caseId === row.caseId);
      await auditForChildren(tx, context, child ? [child.childId] : [], {
        action: 'section-47-started', recordType: 'section-47-enquiry', recordId: row.id,
        details: { strategyDiscussionId: discussionId, startedOn: startsOn.toString() },
      });
    }
    return rows.map((r) => r.id);
  });
}
