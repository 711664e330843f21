import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { formatDate, formatDateTime } from '../../domain/deadlines/index.js';
import { londonDateTimeOf, londonIsoDate } from '../../domain/calendar/london-time.js';
import type { ConferenceForReports } from '../../modules/reports/conference-access.js';

/** The heading line every page about a conference's reports and participation shows. */
export function conferenceHeader(c: ConferenceForReports) {
  const start = c.conference.scheduledStart;
  return {
    id: c.conference.id,
    label: CONFERENCE_KIND_LABELS[c.conference.kind as ConferenceKind] ?? 'Conference',
    when: start ? formatDateTime(londonDateTimeOf(start)) : 'Not yet booked',
    date: start ? formatDate(londonIsoDate(start)) : '',
    children: c.subjects.map((s) => s.name).join(', '),
    pack: c.pack,
  };
}
