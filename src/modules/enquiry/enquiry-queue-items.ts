import { and, desc, eq, gte, isNotNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { enquiries, people } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/deadlines/index.js';
import type { Actor } from '../../policies/roles.js';
import { childName } from '../shared/load-records.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';

const LIMIT = 50;
const since = (ctx: QueueContext, days: number) => new Date(ctx.now.toZonedDateTime('Europe/London').subtract({ days }).toInstant().epochMilliseconds);
const startOfToday = (ctx: QueueContext) => new Date(ctx.now.toPlainDate().toZonedDateTime('Europe/London').toInstant().epochMilliseconds);
const at = (d: Date) => formatDateTime(londonDateTimeOf(d));

const STATUS_WORDS: Record<string, string> = { open: 'not finished', answered: 'answered', 'unknown-child': 'child not known', abandoned: 'ended without an answer' };

async function enquiriesWithChild(db: Queryable, where: ReturnType<typeof and>) {
  return db.select({ e: enquiries, child: people }).from(enquiries).leftJoin(people, eq(enquiries.childId, people.id))
    .where(where).orderBy(desc(enquiries.startedAt)).limit(LIMIT);
}

/** RG4: enquiries about the children a social worker leads, or about a child at the same address, in the last 14 days. */
export async function enquiryNoticeItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const rows = await enquiriesWithChild(db, and(
    gte(enquiries.startedAt, since(ctx, 14)),
    sql`${enquiries.notices} @> ${JSON.stringify([{ userId: actor.id }])}::jsonb`,
  ));
  return rows.map(({ e, child }) => {
    const mine = e.notices.filter((n) => n.userId === actor.id);
    const kind = mine.some((n) => n.kind === 'open-case') ? 'about a child whose case you hold' : 'about a child at the same address as a child you lead on a plan';
    return undatedItem({
      title: `Enquiry from ${e.callerAgency}: ${child ? childName(child) : 'a child'}`,
      detail: `${at(e.startedAt)}, ${kind}. Caller: ${e.callerName}, ${e.callerRole}.`,
      href: `/enquiries/${e.id}`,
      childIds: child ? [child.id] : [],
    }, e.startedAt.toISOString());
  });
}

/** RG2/RG4: for the designated manager, today's enquiries, and in the last 7 days those that need a look. */
export async function designatedManagerEnquiryItems(db: Queryable, ctx: QueueContext): Promise<WorkItem[]> {
  const rows = await enquiriesWithChild(db, and(
    or(
      gte(enquiries.startedAt, startOfToday(ctx)),
      and(gte(enquiries.startedAt, since(ctx, 7)), or(isNotNull(enquiries.unrecognisedReason), isNotNull(enquiries.earlierEnquiryId))),
    ),
  ));
  return rows.map(({ e, child }) => {
    const flags = [
      e.unrecognisedReason ? `number not recognised: ${e.unrecognisedReason}` : null,
      e.earlierEnquiryId ? 'asked about before and not known: consider whether this is a child in need' : null,
    ].filter(Boolean);
    return undatedItem({
      title: `${flags.length ? 'Check: ' : ''}enquiry from ${e.callerAgency}: ${child ? childName(child) : (e.status === 'unknown-child' ? 'child not known' : STATUS_WORDS[e.status] ?? e.status)}`,
      detail: `${at(e.startedAt)}, taken by the enquiry service, ${STATUS_WORDS[e.status] ?? e.status}.${flags.length ? ` ${flags.join('; ')}.` : ''}`,
      href: `/enquiries/${e.id}`,
      childIds: child ? [child.id] : [],
    }, flags.length ? `0${e.startedAt.toISOString()}` : `1${e.startedAt.toISOString()}`);
  });
}

/** The enquirer's own enquiries today, unfinished first. */
export async function enquirerItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const rows = await enquiriesWithChild(db, and(eq(enquiries.takenBy, actor.id), gte(enquiries.startedAt, startOfToday(ctx))));
  return rows.map(({ e, child }) => undatedItem({
    title: `${e.callerAgency}: ${child ? childName(child) : STATUS_WORDS[e.status] ?? e.status}`,
    detail: `${at(e.startedAt)}, ${e.callerName}; ${STATUS_WORDS[e.status] ?? e.status}.`,
    href: e.status === 'open' ? `/enquiries/${e.id}/search` : `/enquiries/${e.id}`,
    childIds: child ? [child.id] : [],
  }, `${e.status === 'open' ? 0 : 1}${e.startedAt.toISOString()}`));
}
