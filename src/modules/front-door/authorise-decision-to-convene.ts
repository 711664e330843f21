import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, conferenceStatusHistory } from '../../db/schema/index.js';
import { transition } from '../shared/conference-transition.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { updateAtVersion } from '../shared/versioned-update.js';


/** Said plainly when a second click or a colleague got there first. */
export function alreadyDecided(status: string): string | null {
  if (status === 'awaiting-authorisation') return null;
  if (status === 'cancelled') return 'This decision to convene has already been declined.';
  return 'This decision to convene has already been authorised: it is with business support to book.';
}

/**
 * A team manager authorises the decision to convene: the conference becomes "requested" and
 * joins business support's list to book. `version` is the one the manager saw, so a double
 * submit or a colleague's decision in between is refused rather than applied twice.
 */
export async function authoriseDecisionToConvene(db: Database, context: ActionContext, conferenceId: string, version: number): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager can authorise a decision to convene.');
  const { conference, childIds } = await loadConferenceWithChildren(db, conferenceId);
  const decided = alreadyDecided(conference.status);
  if (decided) throw new ConflictError(decided);
  if (conference.requestedBy && conference.requestedBy === context.actor?.id) {
    throw new ConflictError('You recorded this decision to convene: another manager must authorise it.');
  }
  const to = transition(conference.status, 'authorise');
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, conferences, { id: conferenceId, version }, { status: to, authorisedBy: context.actor?.id ?? null, authorisedAt: context.now }, async () => {
      // Say what became of it if another manager decided it meanwhile.
      const [now] = await tx.select({ status: conferences.status }).from(conferences).where(eq(conferences.id, conferenceId));
      return new ConflictError(alreadyDecided(now?.status ?? '') ?? 'This decision to convene changed while you were looking at it: check it again.');
    }, eq(conferences.status, conference.status));
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: to, event: 'authorise', at: context.now, by: context.actor?.id ?? null,
    });
    await auditForChildren(tx, context, childIds, { action: 'conference-authorised', recordType: 'conference', recordId: conferenceId });
  });
}
