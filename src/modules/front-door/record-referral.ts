import type { Database } from '../../db/client.js';
import { referrals } from '../../db/schema/index.js';
import { checkReferrer, isProfessionalReferrer, type ReferralChannel } from '../../domain/front-door/referral-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import { loadCase, loadReferral } from '../shared/load-records.js';

export interface ReferralInput {
  receivedDate: string;
  receivedTime: string;
  channel: ReferralChannel;
  sourceCode: string;
  referrerIsProfessional: boolean;
  anonymous: boolean;
  referrerName?: string | undefined;
  referrerRole?: string | undefined;
  referrerOrganisation?: string | undefined;
  natureOfConcerns: string;
  howConcernsArose: string;
  needs: string;
  referrerInvolvement: string;
}

/** FD1: the referral that opens the child's episode (census CINreferralDate, ReferralSource). */
export async function recordReferral(db: Database, context: ActionContext, caseId: string, input: ReferralInput): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { case: episode, child } = await loadCase(db, caseId);
  if (episode.closedOn) throw new ConflictError('This case is closed: a new referral opens a new case.');
  const problems = checkReferrer(input);
  const receivedAt = londonInstant(input.receivedDate, input.receivedTime);
  if (receivedAt > context.now) problems.push({ field: 'receivedDate', message: 'The date the referral was received cannot be in the future' });
  if (problems.length > 0) throw new ValidationError(problems);
  const professional = isProfessionalReferrer(input);

  return db.transaction(async (tx) => {
    if (await loadReferral(tx, caseId)) {
      throw new ConflictError('This case already has its referral. New information about the child is recorded on the case; a new referral opens a new case.');
    }
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId, receivedAt, channel: input.channel, sourceCode: input.sourceCode,
        referrerName: input.anonymous ? null : (input.referrerName ?? null),
        referrerRole: input.anonymous ? null : (input.referrerRole ?? null),
        referrerOrganisation: input.anonymous ? null : (input.referrerOrganisation ?? null),
        referrerIsProfessional: professional, anonymous: input.anonymous,
        natureOfConcerns: input.natureOfConcerns, howConcernsArose: input.howConcernsArose,
        needs: input.needs, referrerInvolvement: input.referrerInvolvement,
        createdBy: context.actor?.id ?? null, createdAt: context.now,
      })
      .returning({ id: referrals.id });
    if (!row) throw new Error('referral insert returned nothing');
    await recordAudit(tx, context, {
      action: 'referral-recorded', recordType: 'referral', recordId: row.id, childId: child.id,
      details: { caseId, channel: input.channel, sourceCode: input.sourceCode, anonymous: input.anonymous },
    });
    return row.id;
  });
}
