import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outOfTimescaleAuthorisations } from '../../db/schema/index.js';
import { mayDecideOutOfTimescale } from '../../policies/booking.js';
import { auditForChildren } from '../front-door/audit-children.js';
import { isUuid } from '../front-door/load-records.js';
import { loadConferenceWithChildren } from '../front-door/load-conference.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';

export interface OutOfTimescaleDecision {
  decision: 'approved' | 'refused';
  note: string;
}

/** TS30: a service manager approves or refuses a late date, in writing. Decided once. */
export async function decideOutOfTimescale(db: Database, context: ActionContext, authorisationId: string, input: OutOfTimescaleDecision): Promise<{ conferenceId: string }> {
  if (!mayDecideOutOfTimescale(context.actor)) throw new ForbiddenError('Only a service manager can authorise a conference out of timescale.');
  if (!isUuid(authorisationId)) throw new NotFoundError('We could not find that request.');
  const [request] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.id, authorisationId));
  if (!request) throw new NotFoundError('We could not find that request.');
  if (request.decision) throw new ConflictError(`This request has already been ${request.decision}.`);
  if (!input.note.trim()) {
    throw new ValidationError([{ field: 'note', message: input.decision === 'approved' ? 'Enter your written authorisation, including anything the plan for the wait must cover' : 'Enter why the late date is refused and what should happen instead' }]);
  }
  const { subjects } = await loadConferenceWithChildren(db, request.conferenceId);
  await db.transaction(async (tx) => {
    const updated = await tx.update(outOfTimescaleAuthorisations)
      .set({ decision: input.decision, decisionNote: input.note.trim(), decidedBy: context.actor!.id, decidedAt: context.now })
      .where(and(eq(outOfTimescaleAuthorisations.id, authorisationId), isNull(outOfTimescaleAuthorisations.decision)))
      .returning({ id: outOfTimescaleAuthorisations.id });
    if (updated.length === 0) throw new ConflictError('This request has already been decided.');
    await auditForChildren(tx, context, subjects.map((s) => s.childId), {
      action: `out-of-timescale-${input.decision}`, recordType: 'out-of-timescale-authorisation', recordId: authorisationId,
      details: { conferenceId: request.conferenceId, proposedDate: request.proposedDate },
    });
  });
  return { conferenceId: request.conferenceId };
}
