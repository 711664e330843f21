import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, invitations, outboxMessages, reports, users } from '../../db/schema/index.js';
import { formatDate, formatDateTime } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { reminderDue } from '../../domain/reports/reminders.js';
import { reportDeadlines } from '../../domain/reports/report-deadlines.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';

const AUTHORITY_ROLES = new Set(['social-worker', 'team-manager', 'service-manager', 'chair', 'business-support']);

/**
 * Emails each invited professional whose agency report is not in, once, in the working days before
 * it is due to the chair (TS14). Authority staff are left out: their reports are on their own work
 * list. Safe to run repeatedly: a reminder already queued for an invitation is not queued again.
 */
export async function sendReportReminders(db: Database, now: Date): Promise<{ checked: number; reminded: string[] }> {
  const calendar = await workingCalendar(db);
  const london = londonDateTimeOf(now);
  const rows = await db
    .select({ invitation: invitations, conference: conferences, roles: users.roles })
    .from(invitations)
    .innerJoin(conferences, eq(invitations.conferenceId, conferences.id))
    .leftJoin(users, eq(invitations.userId, users.id))
    .where(and(
      eq(invitations.inviteeKind, 'professional'), eq(invitations.state, 'sent'), isNotNull(invitations.email),
      inArray(conferences.status, ['booked', 'invitations-sent']), gt(conferences.scheduledStart, now),
    ));
  const candidates = rows.filter((r) => !(r.roles ?? []).some((role) => AUTHORITY_ROLES.has(role)) && !(r.invitation.response === 'apologies' && !r.invitation.reportPromised));
  if (candidates.length === 0) return { checked: 0, reminded: [] };
  const ids = candidates.map((c) => c.invitation.id);
  const inAlready = new Set((await db.select({ id: reports.invitationId }).from(reports).where(and(inArray(reports.invitationId, ids), inArray(reports.status, ['submitted', 'shared'])))).map((r) => r.id));
  const remindedAlready = new Set((await db.select({ id: outboxMessages.relatedId }).from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-reminder'), inArray(outboxMessages.relatedId, ids)))).map((r) => r.id));

  const reminded: string[] = [];
  for (const { invitation, conference } of candidates) {
    if (inAlready.has(invitation.id) || remindedAlready.has(invitation.id) || !conference.scheduledStart || !invitation.email) continue;
    const start = londonDateTimeOf(conference.scheduledStart);
    const { toChair } = reportDeadlines({
      kind: 'agency', pack: conference.pack as PackId, conferenceType: conference.kind === 'review' || conference.kind === 'designated-review' ? 'review' : 'initial',
      conferenceStart: start, calendar, familyNeedsTime: false,
    });
    if (!toChair || !reminderDue(toChair, london.toPlainDate(), calendar)) continue;
    const due = toChair.due.kind === 'date' ? formatDate(toChair.due.date) : formatDateTime(toChair.due.dateTime);
    await db.transaction(async (tx) => {
      // No child is named: the email may be read outside a secure system.
      await enqueueMessage(tx, {
        channel: 'email', toName: invitation.name, toAddress: invitation.email!,
        subject: 'Reminder: your report for a child protection conference',
        bodyText: [
          `Dear ${invitation.name},`,
          '',
          `Your agency's written report for the child protection conference at ${formatDateTime(start)} is due to the chair by ${due}.`,
          'Please send it through Convene (My conferences) or to the conference team by secure email. If you cannot attend, your report is still needed.',
          '',
          'Convene, for the conference chair',
        ].join('\n'),
        relatedType: 'report-reminder', relatedId: invitation.id, conferenceId: conference.id,
      }, now);
    });
    reminded.push(invitation.id);
  }
  return { checked: candidates.length, reminded };
}
