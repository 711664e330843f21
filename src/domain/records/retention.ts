import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../deadlines/format-date.js';
import { RETENTION_RECORD_TYPES, type RetentionEntry, type RetentionRecordType, type RetentionSchedule } from '../packs/retention.js';

/**
 * RC7 (`000` § 10; `002` 2.114, 2.157): when each of a child's records is due for review under the
 * authority's retention schedule. Pure: the caller supplies the facts and the schedule.
 *
 * - Nothing is due while the case is open: the clock starts at closure.
 * - An anniversary of 29 February in a common year falls on 1 March, so a record is never due early.
 * - An unborn child's expected date of delivery stands in for the date of birth; with neither, a
 *   birthday-counted record is due the entry's fallback number of years after closure.
 * - The case is due when its last record is: the case is disposed of whole.
 */
export interface RetentionRecord {
  type: Exclude<RetentionRecordType, 'audit'>;
  id: string;
}

export interface RetentionFacts {
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  /** Null while the case is open. */
  closedOn: string | null;
  records: readonly RetentionRecord[];
}

export interface RecordDue {
  type: RetentionRecordType;
  id: string;
  dueOn: string | null;
  explanation: string;
}

export interface RetentionDue {
  open: boolean;
  records: RecordDue[];
  /** The latest of the records' dates: when the whole case may be reviewed for disposal. Null while open. */
  caseDueOn: string | null;
  /** The schedule entry that sets the case's date. */
  governingType: RetentionRecordType | null;
  explanation: string;
}

/** `date` plus whole years; 29 February in a common year moves on to 1 March. */
export function anniversary(date: string, years: number): string {
  const from = Temporal.PlainDate.from(date);
  const to = from.add({ years });
  return to.day !== from.day ? to.add({ days: 1 }).toString() : to.toString();
}

function dueFor(entry: RetentionEntry, facts: RetentionFacts, closedOn: string): { dueOn: string; explanation: string } {
  const label = RETENTION_RECORD_TYPES[entry.type];
  if (entry.countFrom === 'case-closed' || entry.countFrom === 'event') {
    return { dueOn: anniversary(closedOn, entry.years), explanation: `${label}: ${entry.years} years after the case closed on ${formatDate(closedOn)}` };
  }
  const birth = facts.dateOfBirth ?? facts.expectedDeliveryDate;
  if (birth === null) {
    const years = entry.withoutBirthDateYearsAfterClosure ?? entry.years + 18;
    return { dueOn: anniversary(closedOn, years), explanation: `${label}: no date of birth recorded, so ${years} years after the case closed on ${formatDate(closedOn)}` };
  }
  const byBirthday = anniversary(birth, 18 + entry.years);
  const basis = facts.dateOfBirth ? `born ${formatDate(birth)}` : `expected ${formatDate(birth)}, no date of birth recorded`;
  const floor = entry.atLeastYearsAfterClosure;
  if (floor !== undefined) {
    const byClosure = anniversary(closedOn, floor);
    if (byClosure > byBirthday) return { dueOn: byClosure, explanation: `${label}: ${floor} years after the case closed on ${formatDate(closedOn)} (later than ${entry.years} years after the 18th birthday; ${basis})` };
  }
  return { dueOn: byBirthday, explanation: `${label}: ${entry.years} years after the 18th birthday (${basis})` };
}

export function retentionDue(facts: RetentionFacts, schedule: RetentionSchedule): RetentionDue {
  const closedOn = facts.closedOn;
  if (closedOn === null) {
    return {
      open: true, caseDueOn: null, governingType: null, explanation: 'The case is open: nothing is due for review until it closes.',
      records: facts.records.map((r) => ({ type: r.type, id: r.id, dueOn: null, explanation: 'The case is open.' })),
    };
  }
  const records = facts.records.map((r) => ({ type: r.type, id: r.id, ...dueFor(schedule.entries[r.type], facts, closedOn) }));
  // A closed case with no record of its own still has a case file.
  const all = records.length > 0 ? records : [{ type: 'case-other' as const, id: '', ...dueFor(schedule.entries['case-other'], facts, closedOn) }];
  const governing = all.reduce((a, b) => (b.dueOn > a.dueOn ? b : a));
  return { open: false, records, caseDueOn: governing.dueOn, governingType: governing.type, explanation: governing.explanation };
}

/** An audit row's review date (never disposed of: see the schedule's note). */
export function auditReviewDueOn(eventDate: string, schedule: RetentionSchedule): string {
  return anniversary(eventDate, schedule.entries.audit.years);
}

/**
 * What a case's records are, for the schedule. The case file takes the most serious type its
 * history gives: a plan; else a conference; else section 47 enquiries none of which substantiated
 * the concerns; else referrals all closed with no further action and no assessment; else "any
 * other case record". Each conference, section 47 and referral is listed under its own type too,
 * and each recording of the child's conferences under its own (RC5: recordings fall under the schedule).
 */
export function classifyCaseRecords(facts: {
  caseId: string;
  planIds: readonly string[];
  conferenceIds: readonly string[];
  section47s: readonly { id: string; outcome: string | null }[];
  referrals: readonly { id: string; decision: string | null }[];
  assessmentCount: number;
  recordingIds?: readonly string[];
}): RetentionRecord[] {
  const unsubstantiated = (s: { outcome: string | null }) => s.outcome === 'not-substantiated' || s.outcome === 'no-continuing-risk';
  let caseType: RetentionRecord['type'] = 'case-other';
  if (facts.planIds.length > 0) caseType = 'case-with-plan';
  else if (facts.conferenceIds.length > 0) caseType = 'conference-record';
  else if (facts.section47s.length > 0) caseType = facts.section47s.every(unsubstantiated) ? 'section-47-unsubstantiated' : 'case-other';
  else if (facts.referrals.length > 0 && facts.assessmentCount === 0 && facts.referrals.every((r) => r.decision === 'no-further-action')) caseType = 'referral-no-further-action';
  const records: RetentionRecord[] = [{ type: caseType, id: facts.caseId }];
  if (facts.planIds.length === 0) for (const id of facts.conferenceIds) records.push({ type: 'conference-record', id });
  for (const s of facts.section47s) if (unsubstantiated(s)) records.push({ type: 'section-47-unsubstantiated', id: s.id });
  for (const r of facts.referrals) if (r.decision === 'no-further-action') records.push({ type: 'referral-no-further-action', id: r.id });
  for (const id of facts.recordingIds ?? []) records.push({ type: 'conference-recording', id });
  return records;
}

/** Whether a case may be disposed of now: closed, due, and not held. The reasons a person reads otherwise. */
export function disposalRefusal(state: { due: RetentionDue; today: string; legalHoldReason: string | null; disposedAt: Date | null }): string | null {
  if (state.disposedAt) return 'This case has already been disposed of.';
  if (state.due.open) return 'The case is open: an open case is never disposed of.';
  if (state.legalHoldReason !== null) return `The case is under a legal hold: ${state.legalHoldReason}`;
  if (state.due.caseDueOn === null || state.due.caseDueOn > state.today) return `The case is not due for review until ${state.due.caseDueOn ? formatDate(state.due.caseDueOn) : 'it closes'}.`;
  return null;
}
