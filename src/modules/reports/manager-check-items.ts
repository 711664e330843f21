import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, people, reports, users } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { reportDeadlines } from '../../domain/reports/report-deadlines.js';
import type { Actor } from '../../policies/roles.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { computedDeadlineItem, datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { listedName } from '../shared/load-records.js';

const LIMIT = 50;
const UPCOMING = ['requested', 'booked', 'invitations-sent'];

function reportsFor(db: Queryable) {
  return db
    .select({ r: reports, c: conferences, givenNames: people.givenNames, familyName: people.familyName, caseTeamManagerId: cases.teamManagerId, authorTeamId: users.teamId })
    .from(reports)
    .innerJoin(conferences, eq(reports.conferenceId, conferences.id))
    .innerJoin(people, eq(reports.childId, people.id))
    .innerJoin(conferenceChildren, and(eq(conferenceChildren.conferenceId, reports.conferenceId), eq(conferenceChildren.childId, reports.childId)))
    .innerJoin(cases, eq(conferenceChildren.caseId, cases.id))
    .innerJoin(users, eq(reports.authorId, users.id));
}

/**
 * `003` the social work report: submitted social work reports for a coming conference that this
 * team manager (the case's, or of the author's team) has not checked at their current version,
 * due when the family must have the report (TS13/TS16).
 */
export async function reportsToCheckItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const mine = actor.teamId ? or(eq(cases.teamManagerId, actor.id), eq(users.teamId, actor.teamId)) : eq(cases.teamManagerId, actor.id);
  const rows = await reportsFor(db)
    .where(and(
      eq(reports.kind, 'social-work'), ne(reports.status, 'draft'), ne(reports.authorId, actor.id), inArray(conferences.status, UPCOMING), mine,
      sql`${reports.managerCheckedVersion} is distinct from ${reports.version}`,
    ))
    .limit(LIMIT);
  return mostUrgentFirst(rows.map(({ r, c, ...child }) => {
    const item = {
      title: `Check the social work report: ${listedName(child)}`,
      detail: r.managerCheckedVersion === null ? 'Submitted; it cannot be shared with the family until you check it.' : 'Changed since you checked it; check this version before it is shared.',
      href: `/reports/${r.id}/manager-check`,
      childIds: r.childId ? [r.childId] : [],
    };
    if (!c.scheduledStart) return undatedItem(item);
    const { toFamily } = reportDeadlines({
      kind: 'social-work', pack: c.pack as PackId, conferenceType: c.kind === 'review' || c.kind === 'designated-review' ? 'review' : 'initial',
      conferenceStart: londonDateTimeOf(c.scheduledStart), calendar: ctx.calendar, familyNeedsTime: false,
    });
    return toFamily ? computedDeadlineItem(ctx, toFamily, item) : undatedItem(item, c.scheduledStart.toISOString());
  }));
}

/** The recommendation as the service manager's list names it: the social worker's words, cut short on a list. */
export function recommendationDetail(recommendation: string | null): string {
  const words = (recommendation ?? '').replace(/\s+/g, ' ').trim();
  if (!words) return 'The social work report recommends legal action (recorded before the report stated it: read the report); agree it before the conference.';
  const cut = words.length > 200 ? `${words.slice(0, 199).trimEnd()}…` : words;
  return `The social work report recommends: “${cut}” Agree it, or not, before the conference.`;
}

/**
 * `003`: submitted social work reports whose social worker recommends legal action that no service
 * manager has answered, due before the conference; each names the recommendation.
 */
export async function legalActionItems(db: Queryable, ctx: QueueContext): Promise<WorkItem[]> {
  const rows = await reportsFor(db)
    .where(and(eq(reports.kind, 'social-work'), ne(reports.status, 'draft'), eq(reports.legalActionRecommended, true), isNull(reports.legalActionDecision), inArray(conferences.status, UPCOMING)))
    .limit(LIMIT);
  return mostUrgentFirst(rows.map(({ r, c, ...child }) => {
    const item = { title: `Agree the recommendation of legal action: ${listedName(child)}`, detail: recommendationDetail(r.legalActionRecommendation), href: `/reports/${r.id}/manager-check`, childIds: r.childId ? [r.childId] : [] };
    if (!c.scheduledStart) return undatedItem(item);
    const day = londonDateTimeOf(c.scheduledStart).toPlainDate();
    return datedItem(ctx, day, `Before the conference on ${formatDate(day)}: a recommendation of legal action is agreed by the service manager beforehand (003, the social work report).`, item);
  }));
}
