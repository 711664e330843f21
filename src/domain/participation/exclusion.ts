import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError } from '../deadlines/index.js';
import type { RuleProblem } from '../rules/rule-problem.js';
import type { PackId } from '../packs/pack-id.js';
import { choiceSet, isOneOf } from '../choices.js';

/** EX1: the grounds on which a family member may be kept out of all or part of a conference (000 § 5). */
export const { labels: EXCLUSION_GROUND_LABELS, values: EXCLUSION_GROUNDS, is: isExclusionGround } = choiceSet({
  'prejudice-welfare': "Their presence may seriously harm the child's welfare",
  'disruptive-behaviour': 'Violence, threats, discriminatory behaviour, or being in an unfit state',
  'child-asks': 'The child asks that they are not there while the child is',
  'prevents-contribution': 'Their presence would stop someone contributing properly',
  'confidential-information': 'Members must hear confidential information (legal advice, a criminal investigation)',
  'risk-to-others': 'Information that would put family members or professionals at risk',
  'family-conflict': 'Conflict between family members (for example domestic abuse): separate attendance',
});
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

/**
 * Reasons people give that are not grounds (EX1, EX2), offered on the form so that they can be
 * refused with an explanation rather than typed into the evidence unseen.
 */
export const { labels: NOT_GROUND_LABELS, values: NOT_GROUNDS } = choiceSet({
  prosecution: 'They are being prosecuted or investigated by the police',
  'excluded-before': 'They were excluded from an earlier conference',
});
export type NotGround = (typeof NOT_GROUNDS)[number];

export type ExclusionReason = ExclusionGround | NotGround;

/** EX1 and EX2 on a request: at least one real ground, and the evidence for it. */
export function exclusionRequestProblems(input: { reasons: readonly string[]; evidence: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const grounds = input.reasons.filter(isExclusionGround);
  if (grounds.length === 0) {
    if (input.reasons.includes('prosecution')) {
      problems.push({ field: 'grounds', message: 'A prosecution or police investigation alone is not a ground for excluding someone. Choose one of the grounds, or the family member attends.' });
    } else if (input.reasons.includes('excluded-before')) {
      problems.push({ field: 'grounds', message: 'Being excluded from an earlier conference is not in itself a reason to exclude someone from this one. Choose a ground that applies now.' });
    } else {
      problems.push({ field: 'grounds', message: 'Select the ground for the exclusion' });
    }
  }
  if (input.evidence.trim() === '') problems.push({ field: 'evidence', message: 'Give the evidence the request is based on' });
  return problems;
}

/**
 * TS18: whether a request reaches the chair by the pack's date before the conference ("where
 * possible": a late request is still decided, and the lateness is shown). Null where the pack sets no date.
 */
export function exclusionRequestInTime(input: {
  pack: PackId;
  conferenceDate: Temporal.PlainDate;
  requestedOn: Temporal.PlainDate;
  calendar: WorkingCalendar;
}): { inTime: boolean; latest: string } | null {
  try {
    const d = computeDeadline({ ruleId: 'TS18', pack: input.pack, from: input.conferenceDate, calendar: input.calendar });
    const latest = d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10);
    return { inTime: input.requestedOn.toString() <= latest, latest };
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

export type ExclusionDecision = 'excluded' | 'refused';

/**
 * EX3: the only grounds on which an excluded family member's record may leave out the parts they
 * did not attend (000 § 5: health and safety, sensitive third-party information, a current
 * criminal investigation, other legal considerations).
 */
export const { labels: RECORD_WITHHELD_GROUND_LABELS, values: RECORD_WITHHELD_GROUNDS } = choiceSet({
  safety: 'Health and safety: the whole record could increase the risk to the child or others (for example domestic abuse)',
  'third-party': 'Sensitive information about someone else that it is not justified to share (for example health)',
  'criminal-investigation': 'A current criminal investigation that sharing could undermine',
  legal: 'Other legal considerations (usually on legal advice)',
});
export type RecordWithheldGround = (typeof RECORD_WITHHELD_GROUNDS)[number];

export function isRecordWithheldGround(value: string | null | undefined): value is RecordWithheldGround {
  return isOneOf(RECORD_WITHHELD_GROUNDS, value);
}

export type RecordScope = 'whole' | 'attended-part';

/**
 * EX3: an excluded family member gets the whole record, or only the part they attended; the
 * chair may withhold the rest only on a recorded ground. No exclusion, nothing to decide.
 */
export function recordScopeProblems(input: { excludedParts: readonly string[]; recordScope: RecordScope | null; ground: string | null }): RuleProblem[] {
  if (input.excludedParts.length === 0) return [];
  if (input.recordScope === null) return [{ field: 'recordScope', message: 'Say whether they get the whole record or only the part they attended' }];
  if (input.recordScope === 'attended-part' && !isRecordWithheldGround(input.ground)) {
    return [{ field: 'recordWithheldGround', message: 'Give the ground for withholding the parts they missed: health and safety, third-party information, a criminal investigation or legal reasons' }];
  }
  return [];
}

export interface ExclusionDecisionFacts {
  decision: ExclusionDecision;
  reasons: string;
  period: string;
  /** The request's scope: the whole conference, or part of it. */
  scope: 'whole' | 'part';
  /** For part of the conference: which parts (meeting parts, agenda order). */
  excludedParts: readonly string[];
  recordScope: RecordScope | null;
  recordWithheldGround: string | null;
}

/**
 * EX2 and EX3: the chair's decision is final and always carries reasons; an exclusion also its
 * period (which parts, for how long) and what record the person will get, with the ground for
 * withholding any of it.
 */
export function exclusionDecisionProblems(input: ExclusionDecisionFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Give the reasons for the decision' });
  if (input.decision !== 'excluded') return problems;
  if (input.period.trim() === '') {
    problems.push({ field: 'period', message: 'Say which part of the conference the exclusion covers (as short as it can be)' });
  }
  if (input.scope === 'part' && input.excludedParts.length === 0) {
    problems.push({ field: 'excludedParts', message: 'Select the parts of the conference they are excluded from' });
  }
  problems.push(...recordScopeProblems({ excludedParts: ['any'], recordScope: input.recordScope, ground: input.recordWithheldGround }));
  return problems;
}

/** The parts an exclusion covers: every part for the whole conference, else those the chair chose, in agenda order. */
export function partsExcluded(scope: 'whole' | 'part', chosen: readonly string[], allParts: readonly string[]): string[] {
  return scope === 'whole' ? [...allParts] : allParts.filter((p) => chosen.includes(p));
}

export interface SeedDecision {
  id: string;
  invitationId: string;
  conferenceId: string;
  status: string;
  excludedParts: readonly string[];
  recordScope: string | null;
  recordWithheldGround: string | null;
}

/**
 * EX2: what the attendance list of a conference starts with for one invitee: the chair's decision
 * to exclude them from THIS conference, if any. A decision made for another conference is never
 * carried over (000 § 5: exclusion at one conference is not reason enough at the next).
 */
export function attendanceFromExclusion(
  conferenceId: string,
  invitationId: string,
  decisions: readonly SeedDecision[],
  allParts: readonly string[],
): { exclusionRequestId: string; status: 'excluded' | null; excludedParts: string[]; recordScope: RecordScope; recordWithheldGround: string | null } | null {
  const d = decisions.find((x) => x.conferenceId === conferenceId && x.invitationId === invitationId && x.status === 'excluded');
  if (!d) return null;
  const parts = allParts.filter((p) => d.excludedParts.includes(p));
  return {
    exclusionRequestId: d.id,
    status: parts.length === allParts.length ? 'excluded' : null,
    excludedParts: parts,
    recordScope: d.recordScope === 'whole' ? 'whole' : 'attended-part',
    recordWithheldGround: d.recordScope === 'whole' ? null : d.recordWithheldGround,
  };
}

/** EX4: a parent asked to leave takes their supporter with them. */
export function whoLeaves(excludedName: string, supporterName: string | null): string[] {
  return supporterName && supporterName.trim() !== '' ? [excludedName, supporterName.trim()] : [excludedName];
}
