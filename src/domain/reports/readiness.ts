import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { MEETING_PARTS } from '../conference/meeting-parts.js';
import type { MeetingRules } from '../conference/meeting-rules.js';
import { quorumForChild, type ChildQuorum, type QuorumAttendee } from '../conference/quorum.js';
import type { PackId } from '../packs/pack-id.js';
import { expectedReports, reportFor, type CollectiveCoreGroupReport, type ExpectedChild, type ExpectedInvitee, type ExpectedReport, type WrittenReport } from './expected.js';
import { reportDeadlines, reportState, type ReportDeadlines, type ReportState } from './report-deadlines.js';

export interface ProgressedReport extends WrittenReport {
  submittedAt: Temporal.PlainDateTime | null;
  sharedAt: Temporal.PlainDateTime | null;
}

export interface ReadinessRow {
  expected: ExpectedReport;
  report: ProgressedReport | null;
  deadlines: ReportDeadlines;
  state: ReportState;
}

export type Answer = 'attending' | 'apologies' | 'no-answer';

export interface ChildForecast {
  childId: string;
  name: string;
  /** Counting only those who said they will attend. */
  confirmed: ChildQuorum;
  /** If everyone who has not answered also comes. */
  ifAllCome: ChildQuorum;
}

export interface Readiness {
  rows: ReadinessRow[];
  attendance: { invitee: ExpectedInvitee; answer: Answer }[];
  forecasts: ChildForecast[];
  counts: Record<ReportState, number>;
}

export function answerOf(response: string | null): Answer {
  if (response === 'attending-in-person' || response === 'attending-virtual' || response === 'delegate') return 'attending';
  if (response === 'apologies') return 'apologies';
  return 'no-answer';
}

/**
 * Forecast quorum (CF1, CF2) from invitation answers: an attending professional is taken as present
 * for the decision and, since invitations do not say which child each agency knows, as having
 * direct contact with every subject child. The page says so; the real count happens on the day.
 */
function forecastAttendees(invitees: readonly ExpectedInvitee[], subjectIds: string[], count: (a: Answer) => boolean): QuorumAttendee[] {
  return invitees
    .filter((i) => i.inviteeKind === 'professional' && (i.state === 'sent' || i.state === 'confirmed'))
    .map((i) => {
      const present = count(answerOf(i.response));
      return {
        id: i.invitationId,
        name: i.name,
        kind: 'professional' as const,
        agency: i.agency,
        status: present ? ('present' as const) : answerOf(i.response) === 'apologies' ? ('apologies' as const) : ('expected' as const),
        partsAttended: present ? [...MEETING_PARTS] : [],
        excludedParts: [],
        directContactChildIds: subjectIds,
      };
    });
}

/** The chair's view before the conference: every expected report and where it stands, who is coming, and quorum. */
export function readiness(input: {
  pack: PackId;
  conferenceIsInitial: boolean;
  conferenceStart: Temporal.PlainDateTime;
  now: Temporal.PlainDateTime;
  calendar: WorkingCalendar;
  familyNeedsTime: boolean;
  children: readonly ExpectedChild[];
  invitees: readonly ExpectedInvitee[];
  written: readonly ProgressedReport[];
  quorumRules: MeetingRules['quorum'];
  collectiveCoreGroup?: CollectiveCoreGroupReport | null;
}): Readiness {
  const rows = expectedReports(input).map((expected): ReadinessRow => {
    const report = reportFor(expected, input.written, input.invitees) as ProgressedReport | null;
    const deadlines = reportDeadlines({
      kind: expected.kind,
      pack: input.pack,
      conferenceType: expected.conferenceType,
      conferenceStart: input.conferenceStart,
      calendar: input.calendar,
      familyNeedsTime: input.familyNeedsTime,
    });
    // The core group's minutes are already written and on the plan when they stand as its report (RV3).
    const state = expected.collective ? 'received' : reportState(deadlines, { submittedAt: report?.submittedAt ?? null, sharedAt: report?.sharedAt ?? null }, input.now, input.calendar);
    return { expected, report, deadlines, state };
  });
  const counts: Record<ReportState, number> = { awaited: 0, received: 0, shared: 0, late: 0, missing: 0 };
  for (const row of rows) counts[row.state] += 1;

  const subjects = input.children.filter((c) => c.role === 'subject');
  const subjectIds = subjects.map((c) => c.childId);
  const confirmed = forecastAttendees(input.invitees, subjectIds, (a) => a === 'attending');
  const ifAll = forecastAttendees(input.invitees, subjectIds, (a) => a !== 'apologies');
  const forecasts = subjects.map((c) => {
    const child = { childId: c.childId, childType: c.childType ?? (input.conferenceIsInitial ? 'initial' : 'review') } as const;
    return {
      childId: c.childId,
      name: c.name,
      confirmed: quorumForChild(child, confirmed, input.quorumRules),
      ifAllCome: quorumForChild(child, ifAll, input.quorumRules),
    };
  });
  const attendance = input.invitees
    .filter((i) => i.state === 'sent' || i.state === 'confirmed')
    .map((invitee) => ({ invitee, answer: answerOf(invitee.response) }));
  return { rows, attendance, forecasts, counts };
}
