/**
 * PL4 (`004` 3.1.7, 6.1.2–6.1.3): the plan answers for the child's culture (diet, disability,
 * personal care), language and spiritual or religious needs and how any shortfall is met; it says
 * what contact the child has with the birth family, discussed at every conference; and it says
 * whether a family group conference was considered. Pure: which answers are missing, and whether a
 * review held since the answers were last written means they must be revisited.
 */
export const IDENTITY_QUESTIONS = {
  culture: 'Culture: diet, disability and personal care',
  language: 'Language',
  religion: 'Spiritual or religious needs',
  shortfalls: 'How any shortfall in meeting these needs is met',
  birthFamilyContact: 'Contact with the birth family',
  familyGroupConference: 'Whether a family group conference was considered',
} as const;
export type IdentityQuestion = keyof typeof IDENTITY_QUESTIONS;

export const FAMILY_GROUP_CONFERENCE_ANSWERS = {
  referred: 'Considered and referred',
  'considered-not-referred': 'Considered and not referred (say why)',
} as const;

export interface IdentityNeedsAnswers {
  culture: string;
  language: string;
  religion: string;
  shortfalls: string;
  birthFamilyContact: string;
  familyGroupConference: string | null;
  familyGroupConferenceReasons: string;
  /** London date the answers were last saved. */
  updatedOn: string;
}

export interface IdentityNeedsGaps {
  missing: { question: IdentityQuestion; label: string }[];
  /** A review conference held after the answers were last written: they are to be revisited. */
  revisitAfterReviewOn: string | null;
  complete: boolean;
}

export function identityNeedsGaps(answers: IdentityNeedsAnswers | null, facts: { latestReviewHeldOn: string | null }): IdentityNeedsGaps {
  const blank = (v: string | null | undefined) => !v || !v.trim();
  const missing = (Object.keys(IDENTITY_QUESTIONS) as IdentityQuestion[]).filter((q) => {
    if (!answers) return true;
    if (q === 'familyGroupConference') {
      if (!answers.familyGroupConference || !(answers.familyGroupConference in FAMILY_GROUP_CONFERENCE_ANSWERS)) return true;
      return answers.familyGroupConference === 'considered-not-referred' && blank(answers.familyGroupConferenceReasons);
    }
    return blank(answers[q]);
  }).map((question) => ({ question, label: IDENTITY_QUESTIONS[question] }));
  const revisitAfterReviewOn = answers && facts.latestReviewHeldOn && facts.latestReviewHeldOn > answers.updatedOn ? facts.latestReviewHeldOn : null;
  return { missing, revisitAfterReviewOn, complete: missing.length === 0 && revisitAfterReviewOn === null };
}

/** Field errors for a save: a "not referred" answer needs its reasons; the rest may be saved part-done and stays flagged. */
export function identityNeedsProblems(input: { familyGroupConference: string | null; familyGroupConferenceReasons: string }): { field: string; message: string }[] {
  if (input.familyGroupConference && !(input.familyGroupConference in FAMILY_GROUP_CONFERENCE_ANSWERS)) {
    return [{ field: 'familyGroupConference', message: 'Choose whether a family group conference was referred or not' }];
  }
  if (input.familyGroupConference === 'considered-not-referred' && !input.familyGroupConferenceReasons.trim()) {
    return [{ field: 'familyGroupConferenceReasons', message: 'Say why a family group conference was not referred' }];
  }
  return [];
}
