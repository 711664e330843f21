import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError } from '../deadlines/index.js';
import type { RuleProblem } from '../front-door/problems.js';
import type { PackId } from '../packs/pack-id.js';

/** EX1: the grounds on which a family member may be kept out of all or part of a conference (000 § 5). */
export const EXCLUSION_GROUNDS = [
  'prejudice-welfare',
  'disruptive-behaviour',
  'child-asks',
  'prevents-contribution',
  'confidential-information',
  'risk-to-others',
  'family-conflict',
] as const;
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

export const EXCLUSION_GROUND_LABELS: Record<ExclusionGround, string> = {
  'prejudice-welfare': "Their presence may seriously harm the child's welfare",
  'disruptive-behaviour': 'Violence, threats, discriminatory behaviour, or being in an unfit state',
  'child-asks': 'The child asks that they are not there while the child is',
  'prevents-contribution': 'Their presence would stop someone contributing properly',
  'confidential-information': 'Members must hear confidential information (legal advice, a criminal investigation)',
  'risk-to-others': 'Information that would put family members or professionals at risk',
  'family-conflict': 'Conflict between family members (for example domestic abuse): separate attendance',
};

/**
 * Reasons people give that are not grounds (EX1, EX2), offered on the form so that they can be
 * refused with an explanation rather than typed into the evidence unseen.
 */
export const NOT_GROUNDS = ['prosecution', 'excluded-before'] as const;
export type NotGround = (typeof NOT_GROUNDS)[number];
export const NOT_GROUND_LABELS: Record<NotGround, string> = {
  prosecution: 'They are being prosecuted or investigated by the police',
  'excluded-before': 'They were excluded from an earlier conference',
};

export type ExclusionReason = ExclusionGround | NotGround;

export function isExclusionGround(value: string): value is ExclusionGround {
  return (EXCLUSION_GROUNDS as readonly string[]).includes(value);
}

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

/** EX2: the chair's decision is final, and always carries reasons; an exclusion also its period. */
export function exclusionDecisionProblems(input: { decision: ExclusionDecision; reasons: string; period: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Give the reasons for the decision' });
  if (input.decision === 'excluded' && input.period.trim() === '') {
    problems.push({ field: 'period', message: 'Say which part of the conference the exclusion covers (as short as it can be)' });
  }
  return problems;
}

/** EX4: a parent asked to leave takes their supporter with them. */
export function whoLeaves(excludedName: string, supporterName: string | null): string[] {
  return supporterName && supporterName.trim() !== '' ? [excludedName, supporterName.trim()] : [excludedName];
}
