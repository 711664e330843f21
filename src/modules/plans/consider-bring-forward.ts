import type { Database } from '../../db/client.js';
import { reviewTriggers } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { Temporal } from 'temporal-polyfill';
import { mayRequestReview } from '../../policies/plans.js';
import { hasRole } from '../../policies/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { iroConsultationProblems } from '../../domain/plans/bring-forward.js';
import { planRules } from '../../domain/plans/plan-rules.js';
import type { PackId } from '../../domain/packs/pack-id.js';

/**
 * RV2: whether bringing a review forward, or deciding it need not be, also records the IRO's
 * consultation: newcastle (`004` 2.2.9), for every child on a plan; other packs do not ask.
 */
export function iroConsultationNeeded(pack: PackId): boolean {
  return planRules(pack).iroConsultedOnBringForward !== null;
}
import { loadOpenPlanFor, todayOf } from './plan-write.js';
import { isOneOf } from '../../domain/choices.js';

export const BRING_FORWARD_TRIGGERS = ['new-section-47', 'baby-due', 'plan-failing'] as const;

/**
 * RV2: the chair or the lead social worker considered a reason to bring the review forward and
 * decided it need not be, with their reasons. Kept as a review trigger with no date to hold by, so
 * the prompt is answered and the decision stays on the plan's record.
 */
export async function recordReviewNotBroughtForward(
  db: Database,
  context: ActionContext,
  planId: string,
  input: { trigger: string; on: string; reasons: string; pack?: PackId; iroConsultedName?: string; iroConsultedOn?: string; iroConsultedNote?: string },
): Promise<string> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayRequestReview);
  const errors = [];
  if (!isOneOf(BRING_FORWARD_TRIGGERS, input.trigger)) errors.push({ field: 'trigger', message: 'Open this from the prompt on your work list' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.on) || input.on < plan.startDate || input.on > todayOf(context)) errors.push({ field: 'on', message: 'Open this from the prompt on your work list' });
  const reasons = input.reasons.replaceAll('\0', '').trim();
  if (!reasons) errors.push({ field: 'reasons', message: 'Say why the review need not be brought forward' });
  if (reasons.length > 5000) errors.push({ field: 'reasons', message: 'Enter at most 5000 characters' });
  // Newcastle (004 2.2.9): the IRO is consulted too, and who, when and what they said is recorded.
  const askIro = iroConsultationNeeded(input.pack ?? 'national');
  const iroName = (input.iroConsultedName ?? '').replaceAll('\0', '').trim();
  const iroOn = (input.iroConsultedOn ?? '').trim();
  const iroNote = (input.iroConsultedNote ?? '').replaceAll('\0', '').trim();
  errors.push(...iroConsultationProblems({ required: askIro, iroConsultedName: iroName, iroConsultedOn: iroOn, iroConsultedNote: iroNote, eventOn: input.on, today: todayOf(context) }));
  if (errors.length) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reviewTriggers).values({
      planId, childId: plan.childId, trigger: input.trigger, occurredOn: input.on, holdBy: null, chairConsulted: hasRole(context.actor, 'chair'),
      details: `Considered on ${formatDate(Temporal.PlainDate.from(todayOf(context)))}: the review need not be brought forward. ${reasons}`,
      recordedAt: context.now, recordedBy: context.actor?.id ?? null,
      iroConsultedName: askIro ? iroName : null, iroConsultedOn: askIro ? iroOn : null, iroConsultedNote: askIro ? iroNote : null,
    }).returning({ id: reviewTriggers.id });
    await recordAudit(tx, context, { action: 'review-not-brought-forward', recordType: 'review-trigger', recordId: row!.id, childId: plan.childId, details: { planId, trigger: input.trigger, on: input.on, iroConsultedOn: askIro ? iroOn : null } });
    return row!.id;
  });
}
