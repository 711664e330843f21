/** One action of the outline plan (PL1): who does what, by when, and which professional checks. */
export interface PlanAction {
  action: string;
  owner: string;
  /** Professionals are named with their job title; family members by name and relationship. */
  ownerIsProfessional: boolean;
  ownerJobTitle: string;
  timescale: string;
  checkedBy: string;
}

/** The outline plan per child (PL1) and how it reaches the child and family (PL3). */
export interface OutlinePlanContent {
  riskStatement: string;
  aim: string;
  outcomes: string;
  shortTermObjectives: string;
  longTermObjectives: string;
  actions: readonly PlanAction[];
  nonNegotiables: string;
  immediateActions: string;
  visitFrequencyWeeks: number | null;
  contingency: string;
  endConditions: string;
  explainedToChild: string;
  familyLanguage: string;
  familyCopyArrangements: string;
}

type FieldError = { field: string; message: string };

const TEXT_FIELDS: readonly [keyof OutlinePlanContent, string][] = [
  ['riskStatement', 'Write the risk statement: the harm likely and from whom'],
  ['aim', 'Write the aim of the plan'],
  ['outcomes', 'Write the outcomes the plan is to achieve'],
  ['shortTermObjectives', 'Write the short-term objectives'],
  ['longTermObjectives', 'Write the long-term objectives'],
  ['nonNegotiables', 'Say what is non-negotiable'],
  ['immediateActions', 'Say what needs immediate action'],
  ['contingency', 'Write the contingency plan'],
  ['endConditions', 'Say what must change before the plan can end'],
  ['explainedToChild', 'Say how the plan will be explained to the child'],
  ['familyLanguage', 'Give the language the family receives the plan in'],
];

export function isBlankAction(a: PlanAction): boolean {
  return [a.action, a.owner, a.ownerJobTitle, a.timescale, a.checkedBy].every((s) => s.trim() === '');
}

/** Errors in the actions as typed: a started row must be whole. Checked on every save. */
export function actionErrors(actions: readonly PlanAction[]): FieldError[] {
  const errors: FieldError[] = [];
  actions.forEach((a, i) => {
    if (isBlankAction(a)) return;
    const at = (f: string) => `actions.${i}.${f}`;
    if (a.action.trim() === '') errors.push({ field: at('action'), message: `Action ${i + 1}: say what is to be done` });
    if (a.owner.trim() === '') errors.push({ field: at('owner'), message: `Action ${i + 1}: say who will do it` });
    if (a.ownerIsProfessional && a.ownerJobTitle.trim() === '') {
      errors.push({ field: at('ownerJobTitle'), message: `Action ${i + 1}: give the professional's job title` });
    }
    if (a.timescale.trim() === '') errors.push({ field: at('timescale'), message: `Action ${i + 1}: give the timescale` });
    if (a.checkedBy.trim() === '') errors.push({ field: at('checkedBy'), message: `Action ${i + 1}: name the professional who checks it is done` });
  });
  return errors;
}

export function visitFrequencyError(weeks: number | null): FieldError | null {
  if (weeks === null) return null;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12) {
    return { field: 'visitFrequencyWeeks', message: 'Visit frequency must be a whole number of weeks from 1 to 12' };
  }
  return null;
}

/** What the outline plan still lacks (PL1, PL3): shown on the screen, and must be empty before the meeting ends. */
export function outlinePlanGaps(plan: OutlinePlanContent): FieldError[] {
  const gaps: FieldError[] = TEXT_FIELDS.filter(([field]) => String(plan[field]).trim() === '').map(([field, message]) => ({ field, message }));
  const actions = plan.actions.filter((a) => !isBlankAction(a));
  if (actions.length === 0) gaps.push({ field: 'actions', message: 'Add at least one action with its owner, timescale and checker' });
  gaps.push(...actionErrors(plan.actions));
  if (plan.visitFrequencyWeeks === null) gaps.push({ field: 'visitFrequencyWeeks', message: 'Set how often the social worker visits the child' });
  const visit = visitFrequencyError(plan.visitFrequencyWeeks);
  if (visit) gaps.push(visit);
  return gaps;
}

export function emptyOutlinePlan(): OutlinePlanContent {
  return {
    riskStatement: '', aim: '', outcomes: '', shortTermObjectives: '', longTermObjectives: '', actions: [],
    nonNegotiables: '', immediateActions: '', visitFrequencyWeeks: null, contingency: '', endConditions: '',
    explainedToChild: '', familyLanguage: '', familyCopyArrangements: '',
  };
}
