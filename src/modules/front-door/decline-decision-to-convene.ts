import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, conferenceStatusHistory } from '../../db/schema/index.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { alreadyDecided } from './authorise-decision-to-convene.js';
import { transition } from '../shared/conference-transition.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** A team manager declines the decision to convene, with reasons: the conference is cancelled. */
export async function declineDecisionToConvene(db: Database, context: ActionContext, conferenceId: string, version: number, reasons: string): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager can decline a decision to convene.');
  const { conference, childIds } = await loadConferenceWithChildren(db, conferenceId);
  const decided = alreadyDecided(conference.status);
  if (decided) throw new ConflictError(decided);
  const to = transition(conference.status, 'cancel');
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, conferences, { id: conferenceId, version }, { status: to }, async () => {
      // Say what became of it if another manager decided it meanwhile.
      const [now] = await tx.select({ status: conferences.status }).from(conferences).where(eq(conferences.id, conferenceId));
      return new ConflictError(alreadyDecided(now?.status ?? '') ?? 'This decision to convene changed while you were looking at it: check it again.');
    }, eq(conferences.status, conference.status));
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: to, event: 'cancel', at: context.now, by: context.actor?.id ?? null,
      reason: reasons, details: { declinedAtAuthorisation: true },
    });
    await auditForChildren(tx, context, childIds, {
      action: 'conference-declined', recordType: 'conference', recordId: conferenceId, reason: reasons,
    });
  });
}
