import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { childProtectionPlans, coreGroupMeetings, familyParticipation, reports, reportShares } from '../../db/schema/index.js';
import { meetingRules } from '../../domain/conference/meeting-rules.js';
import type { ReportKind } from '../../domain/reports/headings.js';
import type { CollectiveCoreGroupReport } from '../../domain/reports/expected.js';
import { readiness, type ProgressedReport, type Readiness } from '../../domain/reports/readiness.js';
import { auditChildReads } from '../audit/child-access.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { conferenceForReports, type ConferenceForReports } from './conference-access.js';
import type { ReportRow } from './report-common.js';

export interface ConferenceReports {
  context: ConferenceForReports;
  readiness: Readiness | null;
  /** Every report written (or, for an agency practitioner, their own). */
  written: ReportRow[];
  familyNeedsTime: boolean;
}

/**
 * The expected reports of a conference with their deadlines and states, who is coming and the
 * quorum forecast. Without a booked start there are no dates to count from, so no readiness.
 */
export async function loadConferenceReports(db: Database, ctx: ActionContext, conferenceId: string): Promise<ConferenceReports> {
  const context = await conferenceForReports(db, ctx.actor, conferenceId);
  const all = await db.select().from(reports).where(eq(reports.conferenceId, conferenceId)).orderBy(asc(reports.createdAt));
  const written = context.access === 'all' ? all : all.filter((r) => r.authorId === ctx.actor?.id);
  await auditChildReads(db, ctx, context.subjects.map((c) => c.childId), { recordType: 'conference-reports', recordId: conferenceId });
  const needs = await db
    .select({ id: familyParticipation.id })
    .from(familyParticipation)
    .where(and(eq(familyParticipation.conferenceId, conferenceId), or(eq(familyParticipation.learningDisability, true), eq(familyParticipation.needsTranslation, true))));
  const familyNeedsTime = needs.length > 0;
  if (!context.conference.scheduledStart) return { context, readiness: null, written, familyNeedsTime };

  const shares = all.length === 0 ? [] : await db.select().from(reportShares).where(inArray(reportShares.reportId, all.map((r) => r.id)));
  const firstShare = new Map<string, Date>();
  for (const s of shares) {
    const prior = firstShare.get(s.reportId);
    if (!prior || s.sharedAt < prior) firstShare.set(s.reportId, s.sharedAt);
  }
  const progressed: ProgressedReport[] = all.map((r) => ({
    id: r.id,
    kind: r.kind as ReportKind,
    childId: r.childId,
    invitationId: r.invitationId,
    authorId: r.authorId,
    submittedAt: r.submittedAt ? londonDateTimeOf(r.submittedAt) : null,
    sharedAt: firstShare.has(r.id) ? londonDateTimeOf(firstShare.get(r.id)!) : null,
  }));
  const calendar = await workingCalendar(db);
  const collectiveCoreGroup = context.isInitial ? null : await collectiveCoreGroupFor(db, context.subjects.map((c) => c.childId), londonDateTimeOf(context.conference.scheduledStart).toPlainDate().toString());
  const model = readiness({
    collectiveCoreGroup,
    pack: context.pack,
    conferenceIsInitial: context.isInitial,
    conferenceStart: londonDateTimeOf(context.conference.scheduledStart),
    now: londonDateTimeOf(ctx.now),
    calendar,
    familyNeedsTime,
    children: context.children.map((c) => ({ childId: c.childId, name: c.name, role: c.role, childType: c.childType })),
    invitees: context.invitees,
    written: progressed,
    quorumRules: meetingRules(context.pack).quorum,
  });
  if (context.access === 'invited') {
    model.rows = model.rows.filter((row) => row.expected.invitationId === context.ownInvitation?.id);
  }
  return { context, readiness: model, written, familyNeedsTime };
}

/**
 * RV3: the latest core group before the review, on any subject child's open plan; where its minutes
 * were marked as the group's single report, its professional members send no separate report.
 */
async function collectiveCoreGroupFor(db: Database, childIds: string[], before: string): Promise<CollectiveCoreGroupReport | null> {
  if (childIds.length === 0) return null;
  const [latest] = await db
    .select({ heldOn: coreGroupMeetings.heldOn, members: coreGroupMeetings.members, collective: coreGroupMeetings.collectiveReviewReport })
    .from(coreGroupMeetings)
    .innerJoin(childProtectionPlans, eq(coreGroupMeetings.planId, childProtectionPlans.id))
    .where(and(inArray(childProtectionPlans.childId, childIds), isNull(childProtectionPlans.endDate), lte(coreGroupMeetings.heldOn, before)))
    .orderBy(desc(coreGroupMeetings.heldOn))
    .limit(1);
  if (!latest?.collective) return null;
  return { heldOn: latest.heldOn, memberNames: latest.members.map((m) => m.name).filter((n) => n.trim() !== '') };
}
