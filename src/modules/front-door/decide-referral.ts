import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { assessments, referrals, section47Enquiries, strategyDiscussionChildren } from '../../db/schema/index.js';
import { checkNextStep, type NextStep } from '../../domain/front-door/referral-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import { loadCase, loadById } from '../shared/load-records.js';

export interface ReferralDecisionInput {
  decision: NextStep;
  reasons: string;
  decidedDate: string;
  decidedTime: string;
}

export async function loadReferralById(db: Database, referralId: string) {
  return loadById(db, referrals, referralId, 'that referral');
}

/**
 * FD1: the decision on next steps (002 2.36). No further action is the census ReferralNFA and
 * closes the episode to any later assessment, enquiry or conference.
 */
export async function decideReferral(db: Database, context: ActionContext, referralId: string, input: ReferralDecisionInput): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const referral = await loadReferralById(db, referralId);
  const { child } = await loadCase(db, referral.caseId);
  if (referral.decision) throw new ConflictError('The decision on next steps for this referral has already been recorded.');
  const decidedAt = londonInstant(input.decidedDate, input.decidedTime);
  const problems = [];
  if (decidedAt < referral.receivedAt) problems.push({ field: 'decidedDate', message: 'The decision cannot be before the referral was received' });
  if (decidedAt > context.now) problems.push({ field: 'decidedDate', message: 'The decision date cannot be in the future' });
  if (problems.length > 0) throw new ValidationError(problems);

  await db.transaction(async (tx) => {
    // The case's work so far (assessments, section 47 enquiries, strategy discussions), counted in one statement.
    const count = (table: typeof assessments | typeof section47Enquiries | typeof strategyDiscussionChildren) =>
      sql`(select count(*) from ${table} where ${eq(table.caseId, referral.caseId)})`;
    const [counted] = await tx.select({ n: sql<number>`(${count(assessments)} + ${count(section47Enquiries)} + ${count(strategyDiscussionChildren)})::int` }).from(sql`(select 1) as one`);
    const work = counted?.n ?? 0;
    const refused = checkNextStep(input.decision, work);
    if (refused.length > 0) throw new ValidationError(refused);
    const updated = await tx
      .update(referrals)
      .set({ decision: input.decision, decisionReasons: input.reasons, decidedAt, decidedBy: context.actor?.id ?? null })
      .where(and(eq(referrals.id, referralId), isNull(referrals.decision)))
      .returning({ id: referrals.id });
    if (updated.length === 0) throw new ConflictError('The decision on next steps for this referral has already been recorded.');
    await recordAudit(tx, context, {
      action: 'referral-decided', recordType: 'referral', recordId: referralId, childId: child.id,
      details: { decision: input.decision, referralNFA: input.decision === 'no-further-action' },
    });
  });
}
