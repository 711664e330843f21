import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { meetingDistributions, users } from '../../db/schema/index.js';
import { deadlineIfSet } from '../../domain/conference/meeting-deadlines.js';
import { MEETING_PART_LABELS, inAgendaOrder } from '../../domain/conference/meeting-parts.js';
import { deadlineState } from '../../domain/deadlines/index.js';
import { formatDate, formatDateTime } from '../../domain/deadlines/format-date.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import type { MeetingState } from './meeting-state.js';

const STATE_WORDS: Record<string, string> = {
  'due-later': 'Due',
  'due-soon': 'Due soon',
  'due-today': 'Due today',
  overdue: 'Overdue',
  met: 'Sent on time',
  'met-late': 'Sent late',
};

/**
 * TS10 / TS11 and the distribution log (RC3): when the document is due, counted from the end of
 * the conference, whether the first sending met it, and every copy sent, as the page shows them.
 */
export async function loadDistribution(db: Queryable, state: MeetingState, document: 'decisions' | 'record', ruleId: 'TS10' | 'TS11', now: Date) {
  const calendar = await workingCalendar(db);
  const endedAt = state.meeting?.concludedAt ?? null;
  const from = endedAt ? londonDateTimeOf(endedAt) : null;
  const deadline = from ? deadlineIfSet(ruleId, state.pack, from, calendar) : null;
  const rows = await db
    .select({ d: meetingDistributions, by: users.displayName })
    .from(meetingDistributions)
    .leftJoin(users, eq(users.id, meetingDistributions.distributedBy))
    .where(and(eq(meetingDistributions.conferenceId, state.conference.id), eq(meetingDistributions.document, document)))
    .orderBy(asc(meetingDistributions.distributedAt), asc(meetingDistributions.recipientName));
  const first = rows[0]?.d.distributedAt ?? null;
  const standing = deadline ? deadlineState(deadline, londonDateTimeOf(now), first ? londonDateTimeOf(first) : null, calendar) : null;
  const dueText = deadline ? (deadline.due.kind === 'date' ? formatDate(deadline.due.date) : formatDateTime(deadline.due.dateTime)) : null;
  return {
    ruleId,
    dueText,
    explanation: deadline?.explanation ?? null,
    stateWords: standing ? (STATE_WORDS[standing.state] ?? standing.state) : null,
    late: standing?.state === 'overdue' || standing?.state === 'met-late',
    workingDaysOverdue: standing?.workingDaysOverdue ?? null,
    log: rows.map(({ d, by }) => ({
      ...d,
      by: by ?? 'the system',
      atText: formatDateTime(londonDateTimeOf(d.distributedAt)),
      methodText: d.method === 'email' ? 'Secure email' : d.method === 'post' ? 'Post, first class' : 'Not sent: no address',
      redactedText: inAgendaOrder(d.redactedParts).map((p) => MEETING_PART_LABELS[p]).join('; '),
    })),
  };
}
