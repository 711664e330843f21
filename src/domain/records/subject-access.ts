import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../deadlines/format-date.js';
import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * RC7 subject access (UK GDPR Articles 12 and 15): a parent or a child may ask for the records
 * about them. The request is answered within one calendar month of its receipt, or of the proof
 * of identity where that came later. Pure: dates in, dates out.
 */
export const REQUESTER_RELATIONSHIPS = {
  'the-child': 'The child or young person themself',
  parent: 'A parent with parental responsibility, for the child',
  'parent-own': 'A parent or carer, for the records about themself',
  representative: 'A solicitor or advocate with the person’s written authority',
} as const;
export type RequesterRelationship = keyof typeof REQUESTER_RELATIONSHIPS;

/**
 * One calendar month from `from`: the same day of the next month; where that month has no such day,
 * its last day (31 January → 28 or 29 February); and where the date falls on a weekend or bank
 * holiday, the next working day (the Information Commissioner's reading of Article 12(3)).
 */
export function oneCalendarMonthFrom(from: string, isWorkingDay: (date: Temporal.PlainDate) => boolean): { dueOn: string; movedFrom: string | null } {
  return calendarMonthsFrom(from, 1, isWorkingDay);
}

/** `months` calendar months from `from`, read as one month is (the month's last day where it has no such day; the next working day). */
export function calendarMonthsFrom(from: string, months: number, isWorkingDay: (date: Temporal.PlainDate) => boolean): { dueOn: string; movedFrom: string | null } {
  const start = Temporal.PlainDate.from(from);
  const sameDay = start.add({ months }); // Temporal constrains 31 → the month's last day
  let due = sameDay;
  while (!isWorkingDay(due)) due = due.add({ days: 1 });
  return { dueOn: due.toString(), movedFrom: due.equals(sameDay) ? null : sameDay.toString() };
}

export interface SubjectAccessDue {
  /** Null while the requester's identity is still to be checked: the month has not started. */
  dueOn: string | null;
  explanation: string;
}

export function subjectAccessDue(request: { receivedOn: string; identityCheckedOn: string | null; extendedOn?: string | null }, isWorkingDay: (date: Temporal.PlainDate) => boolean): SubjectAccessDue {
  if (request.identityCheckedOn === null) {
    return { dueOn: null, explanation: `Received ${formatDate(request.receivedOn)}; the month starts when the requester's identity is checked.` };
  }
  const counted = request.identityCheckedOn > request.receivedOn ? request.identityCheckedOn : request.receivedOn;
  const fact = counted === request.receivedOn ? `the request was received on ${formatDate(counted)}` : `the requester's identity was checked on ${formatDate(counted)}`;
  if (request.extendedOn) {
    // Art. 12(3): extended by two further months, so three from the same start.
    const { dueOn, movedFrom } = calendarMonthsFrom(counted, 3, isWorkingDay);
    const moved = movedFrom ? ` (${formatDate(movedFrom)} is not a working day, so the next working day)` : '';
    return { dueOn, explanation: `Due ${formatDate(dueOn)}: extended on ${formatDate(request.extendedOn)} by two further months as a complex request, three calendar months after ${fact}${moved} — UK GDPR Article 12(3).` };
  }
  const { dueOn, movedFrom } = oneCalendarMonthFrom(counted, isWorkingDay);
  const moved = movedFrom ? ` (${formatDate(movedFrom)} is not a working day, so the next working day)` : '';
  return { dueOn, explanation: `Due ${formatDate(dueOn)}: one calendar month after ${fact}${moved} — UK GDPR Article 12(3).` };
}

/**
 * UK GDPR Art. 12(3): a complex request may be extended by two further months, with the reason,
 * and the requester told within the first month. So the extension is refused once the one-month
 * deadline has passed, before the month has started (the identity unchecked), once answered, or twice.
 */
export function extensionProblems(input: { reason: string }, facts: { today: string; due: SubjectAccessDue; released: boolean; extendedOn: string | null }): RuleProblem[] {
  if (facts.released) return [{ field: 'reason', message: 'This request has already been answered' }];
  if (facts.extendedOn) return [{ field: 'reason', message: `This request was already extended on ${formatDate(facts.extendedOn)}: it can be extended only once` }];
  if (facts.due.dueOn === null) return [{ field: 'reason', message: 'Check the requester’s identity first: the month has not started' }];
  if (facts.today > facts.due.dueOn) return [{ field: 'reason', message: `The one-month deadline passed on ${formatDate(facts.due.dueOn)}: an extension must be made and the requester told before it` }];
  if (!input.reason.trim()) return [{ field: 'reason', message: 'Say why the request is complex enough to need more time' }];
  return [];
}

export type SubjectAccessState = 'identity-to-check' | 'due' | 'overdue' | 'released';

export function subjectAccessState(request: { releasedOn: string | null }, due: SubjectAccessDue, today: string): SubjectAccessState {
  if (request.releasedOn !== null) return 'released';
  if (due.dueOn === null) return 'identity-to-check';
  return due.dueOn < today ? 'overdue' : 'due';
}

export function subjectAccessProblems(input: { receivedOn: string; identityCheckedOn: string | null; relationship: string }, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!(input.relationship in REQUESTER_RELATIONSHIPS)) problems.push({ field: 'relationship', message: 'Choose who is asking' });
  if (input.receivedOn > today) problems.push({ field: 'receivedOn', message: 'The date the request was received must be today or in the past' });
  if (input.identityCheckedOn !== null) {
    if (input.identityCheckedOn > today) problems.push({ field: 'identityCheckedOn', message: 'The date the identity was checked must be today or in the past' });
    else if (input.identityCheckedOn < input.receivedOn) problems.push({ field: 'identityCheckedOn', message: 'The identity cannot be checked before the request was received' });
  }
  return problems;
}

export function releaseProblems(input: { releasedOn: string; method: string }, facts: { today: string; identityCheckedOn: string | null; receivedOn: string; released: boolean }): RuleProblem[] {
  if (facts.released) return [{ field: 'releasedOn', message: 'This request has already been answered' }];
  if (facts.identityCheckedOn === null) return [{ field: 'releasedOn', message: 'Check the requester’s identity before releasing anything' }];
  const problems: RuleProblem[] = [];
  if (input.releasedOn > facts.today) problems.push({ field: 'releasedOn', message: 'The date of release must be today or in the past' });
  else if (input.releasedOn < facts.receivedOn) problems.push({ field: 'releasedOn', message: 'The bundle cannot be released before the request was received' });
  if (!input.method.trim()) problems.push({ field: 'method', message: 'Say how the bundle was given (secure email, post, in person)' });
  return problems;
}

export const WITHHELD = '[withheld: third party]';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tokens = (name: string) => name.split(/[\s,]+/).map((t) => t.trim()).filter((t) => t.length >= 2);

/**
 * Third-party redaction for a subject access bundle: every third party's full name, then each part
 * of it, is replaced, except the parts the requester's or child's own names share (a parent and
 * child often share a family name, which names them, not the third party).
 */
export function redactThirdParties(text: string, thirdParties: readonly string[], kept: readonly string[]): string {
  const keep = new Set(kept.flatMap(tokens).map((t) => t.toLowerCase()));
  const full = thirdParties.map((n) => n.trim()).filter((n) => n.length >= 2 && !keep.has(n.toLowerCase()));
  const parts = [...new Set(thirdParties.flatMap(tokens))].filter((t) => !keep.has(t.toLowerCase()));
  let out = text;
  for (const name of [...full].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'giu'), WITHHELD);
  }
  for (const part of parts.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'giu'), WITHHELD);
  }
  return out;
}
