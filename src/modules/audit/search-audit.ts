import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { Temporal } from 'temporal-polyfill';
import { CHILDREN_SHOWN } from './child-access.js';

export interface AuditFilter {
  username?: string | undefined;
  childId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined; // YYYY-MM-DD, inclusive, London time
  to?: string | undefined; // YYYY-MM-DD, inclusive
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Midnight in London on a calendar date, as an instant. */
function londonMidnight(date: string): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(utc)
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = offset && offset !== 'GMT' ? Number(offset.replace('GMT', '')) : 0;
  return new Date(utc.getTime() - hours * 3600_000);
}

export async function searchAudit(db: Queryable, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.username) where.push(sql`lower(${auditEvents.username}) = ${filter.username.toLowerCase()}`);
  if (filter.childId) {
    // A row about the child, or a list that named the child among others (one row a page load).
    const named = sql`(${auditEvents.action} = ${sql.raw(`'${CHILDREN_SHOWN}'`)} and ${auditEvents.details} -> 'children' @> ${JSON.stringify([filter.childId])}::jsonb)`;
    where.push(or(eq(auditEvents.childId, filter.childId), named)!);
  }
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.at, londonMidnight(filter.from)));
  if (filter.to) {
    where.push(lt(auditEvents.at, londonMidnight(Temporal.PlainDate.from(filter.to).add({ days: 1 }).toString())));
  }
  const condition = where.length ? and(...where) : undefined;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(condition);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(condition)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  // A list's row names its children in details; the page says how many, not who (that is what the child filter is for).
  const listed = (details: unknown) => (Array.isArray((details as { children?: unknown } | null)?.children) ? (details as { children: unknown[] }).children.length : null);
  return { rows: rows.map((r) => ({ ...r, childrenListed: r.action === CHILDREN_SHOWN ? listed(r.details) : null })), total: count?.n ?? 0 };
}

export async function auditActions(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}
