import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * RC6 (`004` 8.2.2–8.2.4): information sharing decided and recorded at the conference: what goes
 * to the police, what goes to the child and family (never what could put a child at risk of
 * significant harm or harm a police investigation), consent sought where information is shared,
 * and where consent is refused, whether to share anyway for the child's protection, with reasons,
 * in consultation with the police. Pure: what is refused, and when the record cannot be approved.
 */
export const CONSENT_ANSWERS = {
  given: 'Consent was sought and given',
  refused: 'Consent was sought and refused',
  'not-needed': 'Nothing is to be shared, so no consent was needed',
} as const;
export type ConsentAnswer = keyof typeof CONSENT_ANSWERS;

export interface InformationSharingInput {
  withPolice: string;
  withFamily: string;
  withheld: string;
  consent: string | null;
  consentFrom: string;
  shareAnyway: boolean | null;
  shareAnywayReasons: string;
  policeConsulted: boolean | null;
}

export function informationSharingProblems(input: InformationSharingInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.withPolice.trim()) problems.push({ field: 'withPolice', message: 'Say what will be shared with the police (write “nothing” if nothing)' });
  if (!input.withFamily.trim()) problems.push({ field: 'withFamily', message: 'Say what will be shared with the child and family (write “nothing” if nothing)' });
  if (!input.consent || !(input.consent in CONSENT_ANSWERS)) {
    problems.push({ field: 'consent', message: 'Say whether consent was sought for sharing, and the answer' });
    return problems;
  }
  if (input.consent !== 'not-needed' && !input.consentFrom.trim()) problems.push({ field: 'consentFrom', message: 'Say whose consent was sought' });
  if (input.consent === 'refused') {
    if (input.shareAnyway === null) problems.push({ field: 'shareAnyway', message: 'Consent was refused: decide whether the information must be shared anyway to protect the child' });
    if (!input.shareAnywayReasons.trim()) problems.push({ field: 'shareAnywayReasons', message: 'Give the reasons for sharing, or not sharing, without consent' });
    if (input.shareAnyway === true && input.policeConsulted !== true) problems.push({ field: 'policeConsulted', message: 'Information is shared without consent only in consultation with the police: record that they were consulted' });
  } else if (input.shareAnyway !== null) {
    problems.push({ field: 'shareAnyway', message: 'Decide whether to share without consent only where consent was refused' });
  }
  return problems;
}

/**
 * The chair may not approve the record while the decision is missing where the police took part
 * (attended, or sent a report): what of their information may reach the family must be settled.
 */
export function informationSharingBlocksApproval(facts: { policeTookPart: boolean; recorded: boolean }): boolean {
  return facts.policeTookPart && !facts.recorded;
}
