import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceChildren, conferences, invitations, organisations, reports, users } from '../../db/schema/index.js';
import { headingsFor } from '../../domain/reports/headings.js';
import { recordAudit } from '../audit/record-audit.js';
import { systemContext } from '../shared/action-context.js';

export interface SeededReports {
  conferenceId: string;
  invitationId: string;
  reportId: string;
}

/**
 * Demo rows for reports: the demo agency practitioner invited to the first booked (or
 * invitations-sent) conference, with a submitted agency report. Nothing happens where there is no
 * such conference or no demo practitioner, or when it has already run.
 */
export async function seedDemoReports(db: Database, now: Date): Promise<SeededReports | null> {
  const [practitioner] = await db
    .select({ user: users, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.username, 'agency-practitioner'));
  if (!practitioner) return null;
  const [conference] = await db
    .select()
    .from(conferences)
    .where(inArray(conferences.status, ['booked', 'invitations-sent']))
    .orderBy(asc(conferences.scheduledStart))
    .limit(1);
  if (!conference) return null;
  const [already] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.conferenceId, conference.id), eq(invitations.userId, practitioner.user.id)));
  if (already) return null;
  const [subject] = await db.select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, conference.id), eq(conferenceChildren.role, 'subject')));

  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        conferenceId: conference.id, inviteeKind: 'professional', userId: practitioner.user.id, name: practitioner.user.displayName,
        role: 'Health visitor', organisationName: practitioner.organisation, email: practitioner.user.email, state: 'sent', sentAt: now,
        response: 'attending-in-person', reportPromised: true, respondedAt: now, suggestedBecause: 'Health visitor for the child (demo)',
      })
      .returning({ id: invitations.id });
    if (!invitation) throw new Error('demo invitation not created');
    const type = conference.kind === 'review' ? 'review' : 'initial';
    const sections = headingsFor('agency', type).map((h, i) => ({
      heading: h.heading,
      text: `${h.heading}: demo text written by the health visitor.`,
      marking: (['fact', 'observation', 'opinion'] as const)[i % 3] ?? 'fact',
      secondHand: i === 3,
    }));
    const [report] = await tx
      .insert(reports)
      .values({
        conferenceId: conference.id, kind: 'agency', authorId: practitioner.user.id, invitationId: invitation.id, agency: 'health-visiting',
        authorDetails: { organisation: practitioner.organisation, author: practitioner.user.displayName, role: 'Health visitor', contact: practitioner.user.email ?? '' },
        status: 'submitted', submittedAt: now, sections, version: 2, createdAt: now, updatedAt: now,
      })
      .returning({ id: reports.id });
    if (!report) throw new Error('demo report not created');
    await recordAudit(tx, systemContext(now), { action: 'demo-reports-seeded', recordType: 'report', recordId: report.id, childId: subject?.childId ?? null });
    return { conferenceId: conference.id, invitationId: invitation.id, reportId: report.id };
  });
}
