import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceStatusHistory } from '../../db/schema/index.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';

/** One decision to convene as the manager sees it: the children, who asked, authorised and reviews, and why it was declined. */
export async function loadDecisionToConvene(db: Queryable, id: string) {
  const loaded = await loadConferenceWithChildren(db, id);
  const { conference } = loaded;
  const names = await loadUserNames(db, [conference.requestedBy, conference.authorisedBy, conference.iroId]);
  // A declined decision is cancelled: the manager's reasons are kept on that step of its history.
  const [cancelled] = conference.status === 'cancelled'
    ? await db.select().from(conferenceStatusHistory)
      .where(and(eq(conferenceStatusHistory.conferenceId, conference.id), eq(conferenceStatusHistory.event, 'cancel')))
      .orderBy(desc(conferenceStatusHistory.at)).limit(1)
    : [];
  return {
    ...loaded,
    requestedByName: conference.requestedBy ? names.get(conference.requestedBy) : null,
    authorisedByName: conference.authorisedBy ? names.get(conference.authorisedBy) : null,
    iroName: conference.iroId ? names.get(conference.iroId) : null,
    cancelledReason: cancelled?.reason ?? null,
  };
}
