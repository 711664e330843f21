import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { referrals } from '../../db/schema/index.js';
import { followUpFor, type ReferralChannel } from '../../domain/front-door/referral-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadReferralById } from './decide-referral.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import { loadCase } from '../shared/load-records.js';

/**
 * FD1: when the written referral was acknowledged, or when the professional who telephoned
 * confirmed it in writing, whichever this referral needs.
 */
export async function recordReferralFollowUp(
  db: Database,
  context: ActionContext,
  referralId: string,
  input: { date: string; time: string },
): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const referral = await loadReferralById(db, referralId);
  const { child } = await loadCase(db, referral.caseId);
  const followUp = followUpFor(referral.channel as ReferralChannel, referral.referrerIsProfessional);
  if (!followUp) throw new ConflictError('This referral needs neither an acknowledgement nor a written confirmation.');
  const at = londonInstant(input.date, input.time);
  if (at < referral.receivedAt) throw new ValidationError([{ field: 'date', message: 'This cannot be before the referral was received' }]);
  if (at > context.now) throw new ValidationError([{ field: 'date', message: 'The date cannot be in the future' }]);
  const column = followUp === 'acknowledgement' ? referrals.acknowledgedAt : referrals.confirmedInWritingAt;

  await db.transaction(async (tx) => {
    const updated = await tx
      .update(referrals)
      .set(followUp === 'acknowledgement' ? { acknowledgedAt: at } : { confirmedInWritingAt: at })
      .where(and(eq(referrals.id, referralId), isNull(column)))
      .returning({ id: referrals.id });
    if (updated.length === 0) throw new ConflictError(followUp === 'acknowledgement' ? 'The acknowledgement has already been recorded.' : 'The written confirmation has already been recorded.');
    await recordAudit(tx, context, {
      action: followUp === 'acknowledgement' ? 'referral-acknowledged' : 'referral-confirmed-in-writing',
      recordType: 'referral', recordId: referralId, childId: child.id,
    });
  });
}
