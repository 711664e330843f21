import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../../../domain/calendar/working-calendar.js';
import {
  circulationDueOn, missingCoreAgencies, STRATEGY_AGENCY_LABELS, urgentTimings, type StrategyAgency,
} from '../../../../domain/front-door/strategy-discussion-rules.js';
import { dateDueStatus, dateTimeDueStatus } from '../../../../domain/front-door/timings.js';
import type { Section47EnquiryRow, StrategyDiscussionRow } from '../../../../modules/front-door/load-strategy-discussion-page.js';
import { instantOfLondon, londonDateOf, londonDateTimeOf } from '../../../../domain/calendar/london-time.js';
import { dueTag } from '../due-tags.js';

/** The discussion as its page shows it: who took part, the FD3 timings and each child's enquiry. */
export function presentDiscussion(
  discussion: StrategyDiscussionRow,
  children: { caseId: string; childId: string; name: string }[],
  enquiries: Section47EnquiryRow[],
  calendar: WorkingCalendar,
  now: Date,
) {
  const heldAt = londonDateTimeOf(discussion.heldAt);
  const circulationDue = circulationDueOn(heldAt.toPlainDate(), calendar);
  const circulatedOn = discussion.recordCirculatedAt ? londonDateOf(discussion.recordCirculatedAt) : null;
  let urgent = null;
  if (discussion.physicalAbuseOrSeriousNeglect && discussion.concernRaisedAt) {
    const t = urgentTimings(londonDateTimeOf(discussion.concernRaisedAt), heldAt, calendar);
    const seenDates = enquiries.flatMap((e) => e.childSeen.map((s) => s.date)).sort();
    urgent = {
      concernRaisedAt: discussion.concernRaisedAt,
      discussionDueOn: t.discussionDueOn.toString(),
      discussionTag: dueTag(t.discussionLate ? 'met-late' : 'met'),
      childToBeSeenBy: instantOfLondon(t.childToBeSeenBy),
      children: children.map((c) => {
        const seen = enquiries.find((e) => e.caseId === c.caseId)?.childSeen.map((s) => s.date).sort()[0] ?? null;
        // Visits are recorded by date: a visit on the due day counts as in time.
        const status = seen
          ? (Temporal.PlainDate.compare(Temporal.PlainDate.from(seen), t.childToBeSeenBy.toPlainDate()) <= 0 ? 'met' : 'met-late')
          : dateTimeDueStatus(t.childToBeSeenBy, null, londonDateTimeOf(now));
        return { name: c.name, seenOn: seen, tag: dueTag(status) };
      }),
      anySeen: seenDates.length > 0,
    };
  }
  return {
    participants: discussion.participants.map((p) => ({ ...p, agencyLabel: STRATEGY_AGENCY_LABELS[p.agency as StrategyAgency] ?? p.agency })),
    missingAgencies: missingCoreAgencies(discussion.participants).map((a) => STRATEGY_AGENCY_LABELS[a]),
    circulationDueOn: circulationDue.toString(),
    circulationTag: dueTag(dateDueStatus(circulationDue, circulatedOn, londonDateOf(now))),
    urgent,
    children: children.map((c) => ({ ...c, enquiry: enquiries.find((e) => e.caseId === c.caseId) ?? null })),
  };
}
