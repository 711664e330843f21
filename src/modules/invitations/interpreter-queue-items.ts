import { and, asc, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, familyParticipation, invitations } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/deadlines/index.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { anyOf } from '../shared/any-of.js';
import { undatedItem, type WorkItem } from '../work-queues/work-item.js';
import { familyLanguagesForConferences } from './family-languages.js';

/** Conferences still ahead whose family may need an interpreter arranged. */
const UPCOMING = ['booked', 'invitations-sent'];

/**
 * Issue 14: a family member invited to a conference still ahead, whose language has no translation
 * file, gets English letters saying an interpreter will go through them. Until someone records the
 * interpreter's name for them (IN7, on the conference's participation page), business support is
 * asked to arrange one: which family member, which language, what to do. Computed on read; the
 * interpreter's name on the record is what clears it.
 */
export async function interpreterToArrangeItems(db: Queryable, limit = 50): Promise<WorkItem[]> {
  const upcoming = await db.select({ id: conferences.id, start: conferences.scheduledStart }).from(conferences)
    .where(inArray(conferences.status, UPCOMING)).orderBy(asc(conferences.scheduledStart)).limit(200);
  if (upcoming.length === 0) return [];
  const ids = upcoming.map((c) => c.id);
  const invited = await db.select({ id: invitations.id, conferenceId: invitations.conferenceId, name: invitations.name }).from(invitations)
    .where(and(anyOf(invitations.conferenceId, ids), ne(invitations.state, 'removed')));
  const arranged = new Set((await db.select({ invitationId: familyParticipation.invitationId, interpreterName: familyParticipation.interpreterName })
    .from(familyParticipation).where(anyOf(familyParticipation.conferenceId, ids)))
    .filter((p) => p.interpreterName?.trim()).map((p) => p.invitationId));
  // Every upcoming conference's family languages in one read, not three statements a conference.
  const languages = await familyLanguagesForConferences(db, ids);
  const items: WorkItem[] = [];
  for (const c of upcoming) {
    for (const i of invited.filter((x) => x.conferenceId === c.id)) {
      const language = languages.get(i.id);
      if (language?.kind !== 'untranslated' || arranged.has(i.id)) continue;
      const when = c.start ? `The conference is on ${formatDateTime(londonDateTimeOf(c.start))}. ` : '';
      items.push(undatedItem({
        title: `Interpreter to arrange: ${i.name} (${language.name})`,
        detail: `${when}We have no family letters in ${language.name}, so ${i.name} gets them in English. Book an interpreter to go through the letters with them and to come to the conference, then record the interpreter’s name on the participation page.`,
        href: `/conferences/${c.id}/participation`,
        childIds: [], // names the family member, not a child
      }, c.start?.toISOString() ?? '9999'));
      if (items.length >= limit) return items;
    }
  }
  return items;
}
