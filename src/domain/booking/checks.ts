import { Temporal } from 'temporal-polyfill';
import { CalendarRangeError, type WorkingCalendar } from '../calendar/working-calendar.js';
import { c04InitialConferenceOnWeekend, c09ReviewInsidePlan, c12DatedAfterClosure, INITIAL_CONFERENCE_KINDS, refusalMessage, REVIEW_CONFERENCE_KINDS } from '../census/rules.js';
import { formatDate } from '../deadlines/format-date.js';
import { dayOfIso, timeOfMinute, type Diary } from './diary.js';
import type { BookingClock, BookingFinding, BookingRequest, ProposedBooking } from './types.js';

/** Diary facts (availability, double booking, working days) are not catalogue rules: they share one id. */
export const DIARY = 'DIARY';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const refuse = (ruleId: string, field: string, message: string): BookingFinding => ({ ruleId, severity: 'refuse', field, message });

/** CV4: none of the people holding the case may chair it; the message says which tie there is. */
export function independenceProblem(chairId: string, staff: BookingRequest['caseStaff']): string | null {
  for (const s of staff) {
    if (s.socialWorkerId === chairId) return 'is the allocated social worker for a child in this conference';
    if (s.lineManagerId === chairId) return 'line-manages the allocated social worker';
    if (s.teamManagerId === chairId) return 'is the team manager for a child in this conference';
  }
  return null;
}

/** Whether a date is past the due date, and what that means under TS30. */
export function lateness(request: BookingRequest, date: string): BookingFinding | null {
  if (!request.dueDate || date <= request.dueDate) return null;
  const due = `${formatDate(request.dueDate)} (${request.dueRuleId ?? 'statutory date'})`;
  if (!request.lateNeedsAuthorisation) {
    return { ruleId: request.dueRuleId ?? 'TS30', severity: 'warn', field: 'date', message: `This date is after the date the conference is due by, ${due}.` };
  }
  if (request.approvedLateDates.includes(date)) {
    return { ruleId: 'TS30', severity: 'warn', field: 'date', message: `This date is after the due date ${due}; a service manager has authorised ${formatDate(date)} (TS30).` };
  }
  return refuse('TS30', 'date',
    `${formatDate(date)} is after the due date ${due}. To book it, request out-of-timescale authorisation with the reasons and how risk will be monitored, and a service manager must approve that date (TS30).`);
}

/**
 * Every check on a proposed booking (CV4, CV5, CV6, TS4, TS30 and the diary). "refuse" stops the
 * booking; "warn" and "prompt" are shown and the booking goes ahead.
 */
export function checkBooking(
  request: BookingRequest,
  proposal: ProposedBooking,
  diary: Diary,
  calendar: WorkingCalendar,
  clock: BookingClock,
): BookingFinding[] {
  const found: BookingFinding[] = [];
  const day = dayOfIso(proposal.date);
  const start = proposal.startMinute;
  const end = start + request.slotMinutes;
  const when = formatDate(proposal.date);
  const self = request.conferenceId;

  const date = Temporal.PlainDate.from(proposal.date);
  const order = Temporal.PlainDate.compare(date, clock.today);
  if (order < 0 || (order === 0 && start <= clock.minuteOfDay)) {
    found.push(refuse(DIARY, 'date', `${when} at ${timeOfMinute(start)} has already passed: choose a date and time from now on.`));
  }
  try {
    // C04 (CENSUS.md: DateOfInitialCPC "never a weekend") is refused, not warned: the export counts
    // a weekend initial conference as an error that stops the return, so it has no legitimate form
    // in Convene's records even where a family was in fact seen on a Saturday.
    if (!calendar.isWorkingDay(date)) {
      const holiday = calendar.holidayTitle(date);
      const weekendInitial = INITIAL_CONFERENCE_KINDS.includes(request.kind) ? c04InitialConferenceOnWeekend(proposal.date, 'held') : null;
      found.push(weekendInitial
        ? refuse('C04', 'date', refusalMessage(weekendInitial, 'Choose a working day.'))
        : refuse(DIARY, 'date', `${when} is not a working day${holiday ? ` (${holiday})` : ' (weekend)'}: choose a working day.`));
    }
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    found.push(refuse(DIARY, 'date', `${when} is outside the working-day calendar: ${error.message}`));
  }

  const chair = diary.chairs.get(proposal.chairId);
  if (!chair) {
    found.push(refuse(DIARY, 'chairId', 'Select a conference chair from the list.'));
  } else {
    const tie = independenceProblem(chair.id, request.caseStaff);
    if (tie) found.push(refuse('CV4', 'chairId', `${chair.name} ${tie}: the chair must be independent of the case. Choose another chair.`));
    if (request.previousChairId && request.previousChairId !== chair.id) {
      const previous = diary.chairs.get(request.previousChairId)?.name ?? 'the previous chair';
      found.push({ ruleId: 'CV4', severity: 'warn', field: 'chairId', message: `The same chair should chair the reviews wherever possible: ${previous} chaired the last conference.` });
    }
    if (diary.onLeave(chair.id, day)) found.push(refuse(DIARY, 'chairId', `${chair.name} is on leave on ${when}: choose another chair or date.`));
    const pattern = diary.pattern(chair.id, day);
    if (!pattern) {
      found.push(refuse(DIARY, 'chairId', `${chair.name} does not chair on ${WEEKDAYS[date.dayOfWeek - 1] ?? 'that day'}s: choose another chair or day.`));
    } else {
      if (start < pattern.startMinute || end > pattern.endMinute) {
        found.push(refuse(DIARY, 'time',
          `${chair.name} chairs from ${timeOfMinute(pattern.startMinute)} to ${timeOfMinute(pattern.endMinute)} that day; a ${request.slotMinutes}-minute conference at ${timeOfMinute(start)} does not fit.`));
      }
      if (diary.chairCount(chair.id, day, self) >= pattern.maxConferences) {
        found.push(refuse(DIARY, 'chairId', `${chair.name} already has ${pattern.maxConferences} conferences on ${when}, the most they chair in a day.`));
      }
    }
    const busy = diary.chairClash(chair.id, day, start, end, self);
    if (busy) found.push(refuse(DIARY, 'time', `${chair.name} is already chairing a conference from ${timeOfMinute(busy.start)} to ${timeOfMinute(busy.end)} on ${when}.`));
  }

  found.push(...venueFindings(request, proposal, diary, day, start, end));
  const late = lateness(request, proposal.date);
  if (late) found.push(late);
  if (request.epoExpiresOn && proposal.date > request.epoExpiresOn) {
    found.push({ ruleId: 'TS4', severity: 'warn', field: 'date',
      message: `The emergency protection order expires on ${formatDate(request.epoExpiresOn)}: hold the conference before then where possible.` });
  }
  found.push(...lookedAfterFindings(request, proposal));
  found.push(...censusFindings(request, proposal));
  return found;
}

/**
 * The census checks a date chosen here can breach (CENSUS.md, "Checks the Department applies"),
 * beside C04 above. The conference date becomes DateOfInitialCPC or CPPreviewDate as booked (the
 * meeting opens only on its booked day), so a breach chosen here is one the return would carry.
 * Each is refused, not warned: CENSUS.md states each as a check "an export must pass", the export
 * (validate.ts) counts each as an error that stops the file, and none has a legitimate form:
 * a review held on or before the day its plan started is not a review of that plan (C09), and
 * work after a case closed belongs to a new case that a new referral opens (C12). A warning would
 * only move the refusal from today to the census deadline, when it is harder to put right.
 */
function censusFindings(request: BookingRequest, proposal: ProposedBooking): BookingFinding[] {
  const found: BookingFinding[] = [];
  if (REVIEW_CONFERENCE_KINDS.includes(request.kind)) {
    for (const plan of request.subjectPlans ?? []) {
      const breach = c09ReviewInsidePlan(proposal.date, plan);
      if (breach) found.push(refuse('C09', 'date', refusalMessage(breach, 'Choose a date after the plan started.')));
    }
  }
  for (const closedOn of request.casesClosedOn ?? []) {
    const breach = c12DatedAfterClosure(proposal.date, closedOn, 'This conference');
    if (breach) found.push(refuse('C12', 'date', refusalMessage(breach, 'A new referral opens a new case for the child; book the conference on that case.')));
  }
  return found;
}

/** CV6: a room for face-to-face and hybrid conferences, free at the time; the family risk assessment. */
function venueFindings(request: BookingRequest, proposal: ProposedBooking, diary: Diary, day: number, start: number, end: number): BookingFinding[] {
  const found: BookingFinding[] = [];
  if (proposal.format !== 'virtual') {
    const room = proposal.roomId ? diary.rooms.get(proposal.roomId) : undefined;
    if (!room) {
      found.push(refuse('CV6', 'roomId', `Select a room: a ${proposal.format} conference needs one.`));
    } else {
      if (proposal.format === 'hybrid' && !room.videoEquipped) {
        found.push(refuse('CV6', 'roomId', `${room.name} has no video equipment: choose a video-equipped room for a hybrid conference.`));
      }
      const taken = diary.roomClash(room.id, day, start, end, request.conferenceId);
      if (taken) found.push(refuse(DIARY, 'roomId', `${room.name} is already booked from ${timeOfMinute(taken.start)} to ${timeOfMinute(taken.end)} that day.`));
    }
    if (request.familyRiskFlagged && !proposal.familyRiskAssessment?.trim()) {
      found.push({ ruleId: 'CV6', severity: 'prompt', field: 'familyRiskAssessment',
        message: 'A family member may pose a risk (the decision to convene names who the harm is likely from): record the risk assessment for meeting in person, or hold it virtually.' });
    }
  }
  return found;
}

/** CV5: for a looked-after child the IRO is recorded and the IRO and chair agree who chairs. */
function lookedAfterFindings(request: BookingRequest, proposal: ProposedBooking): BookingFinding[] {
  if (!request.lookedAfter) return [];
  const found: BookingFinding[] = [];
  if (!proposal.iroId) found.push(refuse('CV5', 'iroId', 'Select the independent reviewing officer (IRO): a subject child is looked after.'));
  if (!proposal.lacChairArrangement?.trim()) {
    found.push(refuse('CV5', 'lacChairArrangement', 'Record the chairing arrangement the IRO and the chair agreed (if the IRO does not chair, the IRO attends).'));
  }
  return found;
}

export function isRefused(findings: readonly BookingFinding[]): boolean {
  return findings.some((f) => f.severity === 'refuse');
}
