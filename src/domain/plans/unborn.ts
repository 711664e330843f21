/**
 * Unborn children (UB1, UB2; 000_94fab553c2db9a47.txt § 8 Unborn Baby): at the birth the name and
 * date of birth are confirmed and put on every record, partner agencies included; a plan made before
 * the birth has its core group meet before the birth where it can, and certainly before the baby
 * goes home, and includes how the baby leaves hospital.
 */

/** UB1: the expected date of delivery has come and the birth is not yet recorded. */
export function birthToRecord(child: { dateOfBirth: string | null; expectedDeliveryDate: string | null }, today: string): boolean {
  return child.dateOfBirth === null && child.expectedDeliveryDate !== null && child.expectedDeliveryDate <= today;
}

export type UnbornPlanPrompt = 'core-group-before-birth' | 'discharge-home-plan';

export const UNBORN_PROMPT_LABELS: Record<UnbornPlanPrompt, string> = {
  'core-group-before-birth': 'Hold the core group before the birth, and in any case before the baby goes home',
  'discharge-home-plan': 'Write the discharge-home plan into the plan',
};

export interface UnbornPlanFacts {
  childDateOfBirth: string | null;
  planStartDate: string;
  /** Core group meetings held on this plan. */
  coreGroupDates: readonly string[];
  dischargeHomePlan: string | null;
}

/** UB2: a plan made before the birth (the child unborn still, or born after the plan began) carries a discharge-home plan. */
export function planMadeBeforeBirth(childDateOfBirth: string | null, planStartDate: string): boolean {
  return childDateOfBirth === null || planStartDate < childDateOfBirth;
}

/**
 * UB2's prompts for a plan that began before the birth: a core group not yet held, and the
 * discharge-home plan not yet written while the baby is unborn. None for a plan made after the birth.
 */
export function unbornPlanPrompts(f: UnbornPlanFacts): UnbornPlanPrompt[] {
  if (!planMadeBeforeBirth(f.childDateOfBirth, f.planStartDate)) return [];
  const prompts: UnbornPlanPrompt[] = [];
  const held = f.coreGroupDates.some((d) => f.childDateOfBirth === null || d <= f.childDateOfBirth);
  // Before the birth if possible; once born, until the core group has met at all (before the baby goes home).
  if (!held && !(f.childDateOfBirth !== null && f.coreGroupDates.length > 0)) prompts.push('core-group-before-birth');
  if (f.childDateOfBirth === null && (f.dischargeHomePlan ?? '').trim() === '') prompts.push('discharge-home-plan');
  return prompts;
}

/** UB1: the notice to a partner agency that the baby is born, so they put the name and date of birth on their records. */
export function birthNotice(f: { recipientName: string; childName: string; dateOfBirth: string; formerly: string }): { subject: string; body: string } {
  return {
    subject: 'A baby known to you has been born: please update your records',
    body: [
      `Dear ${f.recipientName},`,
      '',
      `The unborn child recorded as ${f.formerly} has been born.`,
      `Name: ${f.childName}`,
      `Date of birth: ${f.dateOfBirth}`,
      '',
      'Please enter the name and date of birth on your own records for this child.',
    ].join('\n'),
  };
}
