import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, people } from '../../db/schema/index.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import type { Actor } from '../../policies/roles.js';
import { assertConferenceAccess } from '../access/child-record-access.js';

const uuid = /^[0-9a-f-]{36}$/i;

/** The conference a complaint, dissent or concern is about, with its children; null when there is none. */
export async function loadConferenceSummary(db: Queryable, conferenceId: string, actor: Actor | null) {
  if (!uuid.test(conferenceId)) return null;
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!conference) return null;
  await assertConferenceAccess(db, actor, conferenceId); // 404 unless every child of the conference is open to the actor
  const children = await db
    .select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName })
    .from(conferenceChildren)
    .innerJoin(people, eq(conferenceChildren.childId, people.id))
    .where(eq(conferenceChildren.conferenceId, conferenceId));
  return { ...conference, kindLabel: CONFERENCE_KIND_LABELS[conference.kind as ConferenceKind] ?? conference.kind, children };
}

