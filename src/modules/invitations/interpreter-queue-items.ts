import { and, asc, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, familyParticipation, invitations } from '../../db/schema/index.js';
import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { ConferenceKind } from '../../domain/conference/kinds.js';
import { DeadlineError, formatDate, formatDateTime } from '../../domain/deadlines/index.js';
import { londonDateTimeOf, londonIsoDate } from '../../domain/calendar/london-time.js';
import { observerRequestDue } from '../../domain/invitations/timing.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { anyOf } from '../shared/any-of.js';
import { datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { familyLanguagesForConferences } from './family-languages.js';

/** Conferences still ahead whose family may need an interpreter arranged. */
const UPCOMING = ['booked', 'invitations-sent'];

/**
 * When an interpreter should be arranged by: the day every invitee is asked to reply by (the TS17
 * lead time the letters print, IN3), when the chair settles who attends, so the interpreter is
 * booked with the rest of the conference; where the pack gives no such day, the working day
 * before the conference, the last day it can be done. Null only outside the calendar's years.
 */
export function interpreterDue(pack: PackId, kind: ConferenceKind, start: Date, calendar: WorkingCalendar): { date: Temporal.PlainDate; explanation: string } | null {
  const conferenceDay = londonIsoDate(start);
  try {
    const replyBy = observerRequestDue(pack, kind, conferenceDay, calendar);
    if (replyBy.kind === 'date') {
      return { date: Temporal.PlainDate.from(replyBy.date), explanation: `Arrange by ${formatDate(replyBy.date)}, the day the invitation letters ask everyone to reply by, so the chair knows who is coming and with whom.` };
    }
    const dayBefore = calendar.addWorkingDays(Temporal.PlainDate.from(conferenceDay), -1);
    return { date: dayBefore, explanation: `Arrange by ${formatDate(dayBefore.toString())}, the working day before the conference.` };
  } catch (error) {
    if (error instanceof DeadlineError || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Issue 14: a family member invited to a conference still ahead, whose language has no translation
 * file, gets English letters saying an interpreter will go through them. Until someone records the
 * interpreter's name for them (IN7, on the conference's participation page), business support is
 * asked to arrange one: which family member, which language, what to do. Computed on read; the
 * interpreter's name on the record is what clears it.
 */
export async function interpreterToArrangeItems(db: Queryable, ctx: QueueContext, limit = 50): Promise<WorkItem[]> {
  const upcoming = await db.select({ id: conferences.id, start: conferences.scheduledStart, pack: conferences.pack, kind: conferences.kind }).from(conferences)
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
      const item = {
        title: `Interpreter to arrange: ${i.name} (${language.name})`,
        detail: `${when}We have no family letters in ${language.name}, so ${i.name} gets them in English. Book an interpreter to go through the letters with them and to come to the conference, then record the interpreter’s name on the participation page.`,
        href: `/conferences/${c.id}/participation`,
        childIds: [], // names the family member, not a child
      };
      // Dated, so it sorts among business support's other dated work and shows its deadline.
      const due = c.start ? interpreterDue(c.pack as PackId, c.kind as ConferenceKind, c.start, ctx.calendar) : null;
      items.push(due ? datedItem(ctx, due.date, due.explanation, item) : undatedItem(item, c.start?.toISOString() ?? '9999'));
      if (items.length >= limit) return mostUrgentFirst(items);
    }
  }
  return mostUrgentFirst(items);
}
