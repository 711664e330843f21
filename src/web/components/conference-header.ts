import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { formatDate, formatDateTime } from '../../domain/deadlines/index.js';
import { londonDate, londonDateTime } from '../../modules/conference-meeting/common.js';
import type { ConferenceForReports } from '../../modules/reports/conference-access.js';

/** The heading line every page about a conference's reports and participation shows. */
export function conferenceHeader(c: ConferenceForReports) {
  const start = c.conference.scheduledStart;
  return {
    id: c.conference.id,
    label: CONFERENCE_KIND_LABELS[c.conference.kind as ConferenceKind] ?? 'Conference',
    when: start ? formatDateTime(londonDateTime(start)) : 'Not yet booked',
    date: start ? formatDate(londonDate(start)) : '',
    children: c.subjects.map((s) => s.name).join(', '),
    pack: c.pack,
  };
}
