import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, reviewTriggers } from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { reviewTriggerProblems, type ReviewTrigger } from '../../domain/plans/reviews.js';
import { mayRequestReview } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { arrangingConferenceFor } from './load-plan.js';
import { loadOpenPlanFor, todayOf } from './plan-write.js';
import { createReviewRequest, isBefore, reviewOf } from './review-request.js';
import { iroConsultationNeeded } from './consider-bring-forward.js';
import { iroConsultationProblems } from '../../domain/plans/bring-forward.js';
import { bumpVersion } from '../shared/versioned-update.js';

export interface ReviewRequestInput {
  /** 'now': the review is simply asked for now; otherwise an RV2 reason to bring it forward. */
  trigger: ReviewTrigger | 'now';
  details: string;
  occurredOn: string;
  holdBy: string;
  chairConsulted: boolean;
  /** RV2 in newcastle (`004` 2.2.9): the IRO consulted about bringing the review forward. */
  iroConsultedName?: string;
  iroConsultedOn?: string;
  iroConsultedNote?: string;
}

export interface ReviewRequestResult {
  conferenceId: string;
  created: boolean;
}

/**
 * RV2: asks for the review now, or records a reason to bring it forward. Where a review is
 * already being arranged for the child the reason is attached to it (and, while it is still to
 * book, its hold-by date brought forward); otherwise a review is requested from business support.
 * In newcastle a review brought forward for a reason records the IRO's consultation (who, when,
 * what they said) and is refused without it (`004` 2.2.9); other packs do not ask.
 */
export async function requestReview(db: Database, context: ActionContext, pack: PackId, planId: string, input: ReviewRequestInput): Promise<ReviewRequestResult> {
  const { plan, name, child, case: episode } = await loadOpenPlanFor(db, context, planId, mayRequestReview);
  const calendar = await workingCalendar(db);
  const { review, lastChairId } = await reviewOf(db, pack, calendar, plan, child.dateOfBirth);
  const today = todayOf(context);
  const askIro = input.trigger !== 'now' && iroConsultationNeeded(pack);
  const iro = {
    name: (input.iroConsultedName ?? '').replaceAll('\0', '').trim(),
    on: (input.iroConsultedOn ?? '').trim(),
    note: (input.iroConsultedNote ?? '').replaceAll('\0', '').trim(),
  };
  if (input.trigger !== 'now') {
    const problems = [
      ...reviewTriggerProblems({ trigger: input.trigger, occurredOn: input.occurredOn, holdBy: input.holdBy, chairConsulted: input.chairConsulted, statutoryDate: review.holdBy, today }),
      ...iroConsultationProblems({ required: askIro, iroConsultedName: iro.name, iroConsultedOn: iro.on, iroConsultedNote: iro.note, eventOn: input.occurredOn, today }),
    ];
    if (problems.length) throw new ValidationError(problems);
  } else if (input.holdBy < today || input.holdBy > review.holdBy) {
    throw new ValidationError([{ field: 'holdBy', message: `Enter a date from today to ${review.holdBy}, when the review is due` }]);
  }
  const arranging = await arrangingConferenceFor(db, plan.childId);
  if (input.trigger === 'now' && arranging) {
    throw new ValidationError([{ field: 'trigger', message: `A conference is already being arranged for ${name}: to bring it forward, record the reason` }]);
  }

  return db.transaction(async (tx) => {
    let conferenceId: string;
    let created = false;
    if (arranging) {
      conferenceId = arranging.id;
      if (arranging.status === 'requested' && (!arranging.dueDate || isBefore(input.holdBy, arranging.dueDate))) {
        // Brought forward only if no one changed it meanwhile; if someone did, their date stands.
        await bumpVersion(tx, conferences, and(eq(conferences.id, arranging.id), eq(conferences.version, arranging.version)), { dueDate: input.holdBy });
      }
    } else {
      conferenceId = await createReviewRequest(tx, context, pack, {
        plan, householdId: episode.householdId, review, holdBy: input.holdBy, chairId: lastChairId, iroId: episode.iroId,
        because: input.trigger === 'now' ? 'requested now' : `brought forward: ${input.trigger}`,
      });
      created = true;
    }
    if (input.trigger !== 'now') {
      const [row] = await tx.insert(reviewTriggers).values({
        planId, childId: plan.childId, trigger: input.trigger, details: input.details, occurredOn: input.occurredOn, holdBy: input.holdBy,
        chairConsulted: input.chairConsulted, conferenceId, recordedAt: context.now, recordedBy: context.actor?.id ?? null,
        iroConsultedName: askIro ? iro.name : null, iroConsultedOn: askIro ? iro.on : null, iroConsultedNote: askIro ? iro.note : null,
      }).returning({ id: reviewTriggers.id });
      await recordAudit(tx, context, {
        action: 'review-brought-forward', recordType: 'review-trigger', recordId: row?.id ?? planId, childId: plan.childId,
        details: { planId, trigger: input.trigger, holdBy: input.holdBy, conferenceId, newRequest: created, iroConsultedOn: askIro ? iro.on : null },
      });
    }
    return { conferenceId, created };
  });
}
