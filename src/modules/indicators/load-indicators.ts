import { and, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  cases,
  childParticipation,
  childProtectionPlans,
  conferenceChildren,
  conferenceStatusHistory,
  conferences,
  coreGroupMeetings,
  meetingAttendance,
  meetingDecisions,
  meetingDistributions,
  outOfTimescaleAuthorisations,
  planVisits,
  reportShares,
  reports,
  section47Enquiries,
  teams,
  users,
} from '../../db/schema/index.js';
import { isPackId, type PackId } from '../../domain/packs/pack-id.js';
import type { Period } from '../../domain/indicators/period.js';
import type { ChildParticipationFact, ConferenceFact, IndicatorRecords, PlanFact, ReportFact } from '../../domain/indicators/records.js';
import { groupBy } from '../shared/group-by.js';

const REVIEW_KINDS = ['review', 'designated-review'];

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant as London wall-clock time 'YYYY-MM-DDTHH:MM' (as londonDateTimeOf gives it, without a Temporal object per row). */
export function london(instant: Date | null): string | null {
  if (!instant) return null;
  const parts: Record<string, string> = {};
  for (const p of LONDON_CLOCK.formatToParts(instant)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Splits a long id list so that no query carries more parameters than PostgreSQL accepts. */
async function inChunks<T>(ids: readonly string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await run(ids.slice(i, i + 5000))));
  return out;
}

/**
 * What KP1–KP10 need for one period, read in a handful of queries: the conferences held or
 * cancelled in the period with their subjects, decisions, distributions, attendance and
 * participation; every plan that was open in the period (and the children's earlier plans) with
 * its reviews, core groups and visits; and the reports to the conferences held. No child is
 * disclosed here: the figures are counts, and the drill-down that names children is audited
 * by its page.
 */
export async function loadIndicatorRecords(
  db: Queryable,
  period: Pick<Period, 'from' | 'to'>,
  defaultPack: PackId,
): Promise<IndicatorRecords> {
  // ---- conferences held (or cancelled) in the period, with their subject children
  const confRows = await db
    .select({ c: conferences })
    .from(conferences)
    .where(or(and(eq(conferences.status, 'held'), gte(conferences.heldOn, period.from), lte(conferences.heldOn, period.to)), eq(conferences.status, 'cancelled')));
  const confIds = confRows.map((r) => r.c.id);

  const subjectRows = await inChunks(confIds, (chunk) =>
    db
      .select({ conferenceId: conferenceChildren.conferenceId, childId: conferenceChildren.childId, caseId: conferenceChildren.caseId, teamId: users.teamId })
      .from(conferenceChildren)
      .innerJoin(cases, eq(conferenceChildren.caseId, cases.id))
      .leftJoin(users, eq(cases.socialWorkerId, users.id))
      .where(and(inArray(conferenceChildren.conferenceId, chunk), eq(conferenceChildren.role, 'subject'))),
  );
  const caseIds = [...new Set(subjectRows.map((s) => s.caseId))];
  const s47Rows = await inChunks(caseIds, (chunk) =>
    db.select({ caseId: section47Enquiries.caseId, startedOn: section47Enquiries.startedOn }).from(section47Enquiries).where(inArray(section47Enquiries.caseId, chunk)),
  );
  const s47ByCase = groupBy(s47Rows, (r) => r.caseId);

  const [decisionRows, historyRows, authorisationRows, distributionRows, parentRows, participationRows] = await Promise.all([
    inChunks(confIds, (chunk) =>
      db.select({ conferenceId: meetingDecisions.conferenceId, childId: meetingDecisions.childId, quorate: meetingDecisions.quorate }).from(meetingDecisions).where(inArray(meetingDecisions.conferenceId, chunk)),
    ),
    inChunks(confIds, (chunk) =>
      db
        .select({ conferenceId: conferenceStatusHistory.conferenceId, event: conferenceStatusHistory.event, at: conferenceStatusHistory.at, reason: conferenceStatusHistory.reason })
        .from(conferenceStatusHistory)
        .where(and(inArray(conferenceStatusHistory.conferenceId, chunk), inArray(conferenceStatusHistory.event, ['rearrange', 'cancel']))),
    ),
    inChunks(confIds, (chunk) =>
      db
        .select({ conferenceId: outOfTimescaleAuthorisations.conferenceId, decision: outOfTimescaleAuthorisations.decision, requestedAt: outOfTimescaleAuthorisations.requestedAt })
        .from(outOfTimescaleAuthorisations)
        .where(inArray(outOfTimescaleAuthorisations.conferenceId, chunk)),
    ),
    inChunks(confIds, (chunk) =>
      db
        .select({ conferenceId: meetingDistributions.conferenceId, document: meetingDistributions.document, first: sql<Date>`min(${meetingDistributions.distributedAt})`.mapWith((v: string | Date) => new Date(v)) })
        .from(meetingDistributions)
        .where(and(inArray(meetingDistributions.conferenceId, chunk), ne(meetingDistributions.method, 'not-sent')))
        .groupBy(meetingDistributions.conferenceId, meetingDistributions.document),
    ),
    inChunks(confIds, (chunk) =>
      db.select({ conferenceId: meetingAttendance.conferenceId, status: meetingAttendance.status }).from(meetingAttendance).where(and(inArray(meetingAttendance.conferenceId, chunk), eq(meetingAttendance.kind, 'parent'))),
    ),
    inChunks(confIds, (chunk) => db.select().from(childParticipation).where(inArray(childParticipation.conferenceId, chunk))),
  ]);

  const subjectsBy = groupBy(subjectRows, (r) => r.conferenceId);
  const decisionsBy = groupBy(decisionRows, (r) => `${r.conferenceId}:${r.childId}`);
  const historyBy = groupBy(historyRows, (r) => r.conferenceId);
  const authorisationBy = groupBy(authorisationRows, (r) => r.conferenceId);
  const distributionBy = groupBy(distributionRows, (r) => `${r.conferenceId}:${r.document}`);
  const parentsBy = groupBy(parentRows, (r) => r.conferenceId);
  const participationBy = groupBy(participationRows, (r) => r.conferenceId);

  const conferenceFacts: ConferenceFact[] = confRows.map(({ c }) => {
    const history = historyBy.get(c.id) ?? [];
    const cancel = history.find((h) => h.event === 'cancel');
    const auth = (authorisationBy.get(c.id) ?? []).sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
    const participation: ChildParticipationFact[] = (participationBy.get(c.id) ?? []).map((p) => ({
      childId: p.childId, wish: p.wish, attendance: p.attendance, viewsRoutes: p.viewsRoutes,
      advocacyOffered: p.advocacyOfferedOn !== null && p.advocacyOfferedOn !== '', advocacyConsent: p.advocacyConsent,
    }));
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      pack: isPackId(c.pack) ? c.pack : defaultPack,
      chairId: c.chairId,
      heldOn: c.heldOn,
      dueDate: c.dueDate,
      dueRuleId: c.dueRuleId,
      scheduledStart: london(c.scheduledStart),
      subjects: (subjectsBy.get(c.id) ?? []).map((s) => {
        const decision = decisionsBy.get(`${c.id}:${s.childId}`)?.[0];
        const s47 = (s47ByCase.get(s.caseId) ?? []).map((r) => r.startedOn).filter((d) => !c.heldOn || d <= c.heldOn).sort().at(-1) ?? null;
        return { childId: s.childId, teamId: s.teamId, s47StartedOn: s47, decided: decision !== undefined, quorate: decision?.quorate ?? null };
      }),
      rearrangements: history.filter((h) => h.event === 'rearrange').map((h) => ({ on: london(h.at)!.slice(0, 10), reason: h.reason ?? 'No reason recorded' })),
      cancellation: cancel ? { on: london(cancel.at)!.slice(0, 10), reason: cancel.reason ?? 'No reason recorded' } : null,
      outOfTimescale: auth ? { decision: auth.decision } : null,
      decisionsFirstSentAt: london(distributionBy.get(`${c.id}:decisions`)?.[0]?.first ?? null),
      recordFirstSentAt: london(distributionBy.get(`${c.id}:record`)?.[0]?.first ?? null),
      parents: (parentsBy.get(c.id) ?? []).map((p) => ({ status: p.status })),
      childParticipation: participation,
    };
  });

  // ---- plans open at any time in the period, and every plan of the same children (repeat plans)
  const planRows = await db
    .select({ p: childProtectionPlans, teamId: users.teamId, chairId: conferences.chairId, pack: conferences.pack })
    .from(childProtectionPlans)
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .leftJoin(users, eq(cases.socialWorkerId, users.id))
    .leftJoin(conferences, eq(childProtectionPlans.startConferenceId, conferences.id))
    .where(lte(childProtectionPlans.startDate, period.to));
  const openInPeriod = planRows.filter((r) => r.p.endDate === null || r.p.endDate >= period.from);
  const childIds = new Set(openInPeriod.map((r) => r.p.childId));
  const relevant = planRows.filter((r) => childIds.has(r.p.childId));
  const openIds = openInPeriod.map((r) => r.p.id);

  const [reviewRows, coreGroupRows, visitRows] = await Promise.all([
    db
      .select({ childId: conferenceChildren.childId, heldOn: conferences.heldOn, kind: conferences.kind })
      .from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(eq(conferences.status, 'held'), inArray(conferences.kind, REVIEW_KINDS), isNotNull(conferences.heldOn), eq(conferenceChildren.role, 'subject'), lte(conferences.heldOn, period.to))),
    inChunks(openIds, (chunk) =>
      db.select({ planId: coreGroupMeetings.planId, heldOn: coreGroupMeetings.heldOn, nextIntervalWeeks: coreGroupMeetings.nextIntervalWeeks }).from(coreGroupMeetings).where(inArray(coreGroupMeetings.planId, chunk)),
    ),
    inChunks(openIds, (chunk) =>
      db.select({ planId: planVisits.planId, visitedOn: planVisits.visitedOn, childSeen: planVisits.childSeen }).from(planVisits).where(and(inArray(planVisits.planId, chunk), lte(planVisits.visitedOn, period.to))),
    ),
  ]);
  const reviewsByChild = groupBy(reviewRows, (r) => r.childId);
  const coreGroupsBy = groupBy(coreGroupRows, (r) => r.planId);
  const visitsBy = groupBy(visitRows, (r) => r.planId);

  const planFacts: PlanFact[] = relevant.map(({ p, teamId, chairId, pack }) => ({
    id: p.id,
    childId: p.childId,
    teamId,
    chairId,
    pack: pack && isPackId(pack) ? pack : defaultPack,
    startDate: p.startDate,
    endDate: p.endDate,
    previousPlans: p.previousPlans,
    reviews: (reviewsByChild.get(p.childId) ?? [])
      .filter((r) => r.heldOn! > p.startDate && (p.endDate === null || r.heldOn! <= p.endDate))
      .map((r) => ({ heldOn: r.heldOn!, kind: r.kind })),
    coreGroups: (coreGroupsBy.get(p.id) ?? []).map((g) => ({ heldOn: g.heldOn, nextIntervalWeeks: g.nextIntervalWeeks })),
    visitFrequencyWeeks: p.visitFrequencyWeeks,
    visits: (visitsBy.get(p.id) ?? []).map((v) => ({ visitedOn: v.visitedOn, childSeen: v.childSeen })),
  }));

  // ---- reports to the conferences held in the period, with when each was first shared
  const heldIds = conferenceFacts.filter((c) => c.status === 'held').map((c) => c.id);
  const reportRows = await inChunks(heldIds, (chunk) =>
    db
      .select({ r: { id: reports.id, conferenceId: reports.conferenceId, childId: reports.childId, kind: reports.kind, status: reports.status, submittedAt: reports.submittedAt }, firstShared: sql<Date | null>`min(${reportShares.sharedAt})`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))) })
      .from(reports)
      .leftJoin(reportShares, eq(reportShares.reportId, reports.id))
      .where(and(inArray(reports.conferenceId, chunk), inArray(reports.kind, ['social-work', 'agency'])))
      .groupBy(reports.id),
  );
  const byConference = new Map(conferenceFacts.map((c) => [c.id, c]));
  const reportFacts: ReportFact[] = reportRows.map(({ r, firstShared }) => ({
    id: r.id,
    conferenceId: r.conferenceId,
    childIds: r.childId ? [r.childId] : (byConference.get(r.conferenceId)?.subjects.map((s) => s.childId) ?? []),
    kind: r.kind,
    submittedAt: r.status === 'draft' ? null : london(r.submittedAt),
    firstSharedAt: london(firstShared),
  }));

  return { conferences: conferenceFacts, plans: planFacts, reports: reportFacts };
}

/** The teams (for the filter and the by-team chart) and chairs, by name. */
export async function loadIndicatorFilters(db: Queryable): Promise<{ teams: { id: string; name: string }[]; chairs: { id: string; name: string }[] }> {
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(teams.name);
  const chairRows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(sql`'chair' = any(${users.roles})`, eq(users.active, true)))
    .orderBy(users.displayName);
  return { teams: teamRows, chairs: chairRows };
}
