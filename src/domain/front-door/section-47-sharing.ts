import { Temporal } from 'temporal-polyfill';
import { enteredDateProblems } from '../rules/entered-date.js';
import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * FD6 (`002` 2.78): the record of the section 47 outcome (when the child was seen, whether alone,
 * otherwise who was there and why) goes to the parents, and to the child where they are of an age
 * and understanding to receive it, in a form and language they can use, before any initial
 * conference. Pure: who must receive it, what a sharing record needs, and where things stand.
 */

export const SHARE_METHODS = { letter: 'By letter', 'in-person': 'In person, talked through', other: 'Another way (say how)' } as const;
export type ShareMethod = keyof typeof SHARE_METHODS;

export const SHARE_FORMATS = {
  standard: 'Standard written record',
  'easy-read': 'Easy read',
  'child-friendly': 'Written for a child',
  translated: 'Translated into their language',
  spoken: 'Read or talked through',
  'large-print': 'Large print or other accessible format',
} as const;
export type ShareFormat = keyof typeof SHARE_FORMATS;

export type Recipient = 'parent' | 'child';

/** The facts about a person that decide the form the record should take (IN7: language and interpreter). */
export interface PersonNeeds {
  firstLanguage: string | null;
  interpreterNeeded: boolean;
  learningDisability: boolean;
  communicationNeeds: string | null;
}

export interface ShareDefaults {
  format: ShareFormat;
  language: string;
  interpreter: boolean;
}

const isEnglish = (language: string | null) => !language || /^english$/i.test(language.trim());

/**
 * What the form suggests for a recipient: a child gets a version written for them; someone whose
 * language is not English gets it translated, with an interpreter where one is recorded as needed;
 * a parent with a learning disability gets easy read. The social worker may change any of it.
 */
export function defaultShareFormat(person: PersonNeeds, recipient: Recipient): ShareDefaults {
  const language = isEnglish(person.firstLanguage) ? 'English' : person.firstLanguage!.trim();
  let format: ShareFormat = 'standard';
  if (recipient === 'child') format = 'child-friendly';
  else if (!isEnglish(person.firstLanguage)) format = 'translated';
  else if (person.learningDisability) format = 'easy-read';
  return { format, language, interpreter: person.interpreterNeeded };
}

/** Whole years on `on`; null for an unborn child or one with no date of birth. */
export function ageInYears(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null;
  const born = Temporal.PlainDate.from(dateOfBirth);
  const day = Temporal.PlainDate.from(on);
  if (Temporal.PlainDate.compare(day, born) < 0) return null;
  return born.until(day, { largestUnit: 'years' }).years;
}

export interface UnderstandingInput {
  understands: boolean | null;
  reasons: string;
}

/** The judgement whether the child receives the record: yes or no, with reasons either way. */
export function understandingProblems(input: UnderstandingInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.understands === null) problems.push({ field: 'understands', message: 'Say whether the child is old enough, and understands enough, to receive the record' });
  if (!input.reasons.trim()) problems.push({ field: 'reasons', message: 'Give the reasons for your judgement' });
  return problems;
}

export interface ShareInput {
  method: string | null;
  methodDetail: string;
  format: string | null;
  language: string;
  interpreter: boolean;
  sharedOn: string | null;
}

/** A sharing record: how, in what format and language, on a day between the outcome and today. */
export function shareProblems(input: ShareInput, facts: { today: string; outcomeRecordedOn: string }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.method || !(input.method in SHARE_METHODS)) problems.push({ field: 'method', message: 'Choose how the record was shared' });
  if (input.method === 'other' && !input.methodDetail.trim()) problems.push({ field: 'methodDetail', message: 'Say how the record was shared' });
  if (!input.format || !(input.format in SHARE_FORMATS)) problems.push({ field: 'format', message: 'Choose the format the record was given in' });
  if (!input.language.trim()) problems.push({ field: 'language', message: 'Enter the language the record was given in' });
  if (input.format === 'translated' && isEnglish(input.language)) problems.push({ field: 'language', message: 'Enter the language the record was translated into' });
  problems.push(
    ...enteredDateProblems('sharedOn', input.sharedOn, facts.today, {
      missing: 'Enter the date the record was shared',
      future: 'The date the record was shared must be today or in the past',
      before: { date: facts.outcomeRecordedOn, message: 'The date the record was shared cannot be before the outcome was recorded' },
    }),
  );
  return problems;
}

export interface SharingFacts {
  outcomeRecorded: boolean;
  parents: readonly { personId: string; name: string; shared: boolean }[];
  child: { personId: string; name: string; understands: boolean | null; shared: boolean };
}

export interface SharingStatus {
  /** Nothing to do: no outcome yet. */
  applies: boolean;
  /** The social worker has still to judge whether the child receives it. */
  childJudgementNeeded: boolean;
  /** Names of those who must receive it and have not yet. */
  waitingFor: string[];
  done: boolean;
}

/**
 * Who is still waiting for the record. The child counts only once judged old enough to understand
 * it; until judged, the judgement itself is outstanding. A child with no parent recorded still
 * waits for the judgement (and the child, if judged able).
 */
export function sharingStatus(facts: SharingFacts): SharingStatus {
  if (!facts.outcomeRecorded) return { applies: false, childJudgementNeeded: false, waitingFor: [], done: true };
  const waitingFor = facts.parents.filter((p) => !p.shared).map((p) => p.name);
  if (facts.child.understands === true && !facts.child.shared) waitingFor.push(facts.child.name);
  const childJudgementNeeded = facts.child.understands === null;
  return { applies: true, childJudgementNeeded, waitingFor, done: !childJudgementNeeded && waitingFor.length === 0 };
}

/** Parents for this purpose: a mother or father, or anyone holding parental responsibility. */
export function isParentForSharing(rel: { type: string; parentalResponsibility: boolean }): boolean {
  return rel.parentalResponsibility || rel.type === 'mother' || rel.type === 'father';
}

/**
 * Before an initial conference: unshared is a warning; with the conference within `nearDays`
 * working days (or today or past) it is urgent.
 */
export function conferenceWarning(status: SharingStatus, workingDaysToConference: number, nearDays = 5): 'none' | 'warning' | 'urgent' {
  if (!status.applies || status.done) return 'none';
  return workingDaysToConference <= nearDays ? 'urgent' : 'warning';
}
