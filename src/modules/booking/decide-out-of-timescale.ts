import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, outOfTimescaleAuthorisations } from '../../db/schema/index.js';
import { sign, signaturesNeeded } from '../../domain/booking/out-of-timescale.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayDecideOutOfTimescale } from '../../policies/booking.js';
import { auditForChildren } from '../audit/audit-children.js';
import { isUuid } from '../shared/load-records.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';

export interface OutOfTimescaleDecision {
  decision: 'approved' | 'refused';
  note: string;
  /** How many signatures the person saw when they decided (TS30): a signature added since means they look again. */
  signaturesSeen?: number | undefined;
}

/**
 * TS30: a service manager approves or refuses a late date, in writing. Where the conference's
 * pack names two signatories, an approval waits for a second, different person; a refusal by
 * either ends it. Decided once; two people signing at the same moment cannot both be "first".
 */
export async function decideOutOfTimescale(db: Database, context: ActionContext, authorisationId: string, input: OutOfTimescaleDecision): Promise<{ conferenceId: string; awaitingSecond: boolean }> {
  if (!mayDecideOutOfTimescale(context.actor)) throw new ForbiddenError('Only a service manager can authorise a conference out of timescale.');
  if (!isUuid(authorisationId)) throw new NotFoundError('We could not find that request.');
  const [row] = await db.select({ request: outOfTimescaleAuthorisations, pack: conferences.pack }).from(outOfTimescaleAuthorisations)
    .innerJoin(conferences, eq(outOfTimescaleAuthorisations.conferenceId, conferences.id)).where(eq(outOfTimescaleAuthorisations.id, authorisationId));
  if (!row) throw new NotFoundError('We could not find that request.');
  const { request } = row;
  if (request.decision) throw new ConflictError(`This request has already been ${request.decision}.`);
  const note = input.note.trim();
  if (!note) {
    throw new ValidationError([{ field: 'note', message: input.decision === 'approved' ? 'Enter your written authorisation, including anything the plan for the wait must cover' : 'Enter why the late date is refused and what should happen instead' }]);
  }
  const seen = input.signaturesSeen ?? request.signatures.length;
  if (seen !== request.signatures.length) throw new ConflictError('Someone signed this request while you were reading it: look at it again.');
  const needed = signaturesNeeded(row.pack as PackId);
  const signing = sign(request.signatures, needed.count, input.decision, context.actor!.id);
  if (signing.outcome === 'same-person') throw new ConflictError(`You have already signed this authorisation: it needs a second signatory (${needed.by}).`);
  const signatures = signing.outcome === 'refused' ? request.signatures
    : [...request.signatures, { userId: context.actor!.id, name: context.actor!.displayName, note, at: context.now.toISOString() }];
  const { subjects } = await loadConferenceWithChildren(db, request.conferenceId);
  await db.transaction(async (tx) => {
    const decided = signing.outcome === 'approved' || signing.outcome === 'refused';
    const updated = await tx.update(outOfTimescaleAuthorisations)
      .set({
        signatures,
        ...(decided ? {
          decision: input.decision,
          decisionNote: signatures.length > 1 && input.decision === 'approved' ? signatures.map((s) => `${s.name}: ${s.note}`).join('\n') : note,
          decidedBy: context.actor!.id, decidedAt: context.now,
        } : {}),
      })
      // Claimed at the number of signatures seen, so a second signatory racing the first cannot both count as first.
      .where(and(eq(outOfTimescaleAuthorisations.id, authorisationId), isNull(outOfTimescaleAuthorisations.decision),
        sql`jsonb_array_length(${outOfTimescaleAuthorisations.signatures}) = ${seen}`))
      .returning({ id: outOfTimescaleAuthorisations.id });
    if (updated.length === 0) throw new ConflictError('This request changed while you were deciding: look at it again.');
    await auditForChildren(tx, context, subjects.map((s) => s.childId), {
      action: signing.outcome === 'awaiting-second' ? 'out-of-timescale-first-signature' : `out-of-timescale-${input.decision}`,
      recordType: 'out-of-timescale-authorisation', recordId: authorisationId,
      details: { conferenceId: request.conferenceId, proposedDate: request.proposedDate, signatures: signatures.length, needed: needed.count },
    });
  });
  return { conferenceId: request.conferenceId, awaitingSecond: signing.outcome === 'awaiting-second' };
}
