import { describe, expect, it } from 'vitest';
import { actionErrors, emptyOutlinePlan, outlinePlanGaps, type OutlinePlanContent, type PlanAction } from './outline-plan.js';
import { OPENING_ITEMS, missingOpeningItems, reportsNotYetHeard } from './opening-checklist.js';

const action = (extra: Partial<PlanAction> = {}): PlanAction => ({
  action: 'Attend parenting course',
  owner: 'Demi Testington',
  ownerIsProfessional: false,
  ownerJobTitle: '',
  timescale: 'Within 6 weeks',
  checkedBy: 'Lead social worker',
  ...extra,
});

function complete(): OutlinePlanContent {
  return {
    riskStatement: 'Risk of physical harm from an adult in the household',
    aim: 'Keep Alpha safe at home',
    outcomes: 'No further injuries',
    shortTermObjectives: 'Safety plan agreed',
    longTermObjectives: 'Parenting improves',
    actions: [action()],
    nonNegotiables: 'No unsupervised contact with the adult',
    immediateActions: 'Safety plan today',
    visitFrequencyWeeks: 2,
    contingency: 'Legal advice if the adult returns',
    endConditions: 'Six months without concerns',
    explainedToChild: 'The social worker uses drawings with Alpha',
    familyLanguage: 'English',
    familyCopyArrangements: 'Posted and explained at home',
  };
}

describe('outline plan completeness (PL1, PL3)', () => {
  it('a complete plan has no gaps', () => {
    expect(outlinePlanGaps(complete())).toEqual([]);
  });
  it('an empty plan lists every element', () => {
    const fields = outlinePlanGaps(emptyOutlinePlan()).map((g) => g.field);
    for (const f of ['riskStatement', 'aim', 'outcomes', 'shortTermObjectives', 'longTermObjectives', 'nonNegotiables', 'immediateActions', 'contingency', 'endConditions', 'explainedToChild', 'familyLanguage', 'actions', 'visitFrequencyWeeks']) {
      expect(fields).toContain(f);
    }
  });
  it.each([0, 13, 1.5])('refuses a visit frequency of %s weeks', (weeks) => {
    expect(outlinePlanGaps({ ...complete(), visitFrequencyWeeks: weeks }).map((g) => g.field)).toContain('visitFrequencyWeeks');
  });
});

describe('plan actions (PL1)', () => {
  it('a professional owner needs a job title', () => {
    expect(actionErrors([action({ ownerIsProfessional: true })]).map((e) => e.field)).toEqual(['actions.0.ownerJobTitle']);
    expect(actionErrors([action({ ownerIsProfessional: true, ownerJobTitle: 'Health visitor' })])).toEqual([]);
  });
  it('a started action needs an owner, a timescale and a checker', () => {
    const fields = actionErrors([action({ owner: '', timescale: '', checkedBy: '' })]).map((e) => e.field);
    expect(fields).toEqual(['actions.0.owner', 'actions.0.timescale', 'actions.0.checkedBy']);
  });
  it('blank rows are ignored', () => {
    expect(actionErrors([action(), action({ action: '', owner: '', timescale: '', checkedBy: '' })])).toEqual([]);
  });
});

describe("chair's opening checklist (CF4)", () => {
  it('lists what is not yet ticked', () => {
    expect(missingOpeningItems([])).toEqual([...OPENING_ITEMS]);
    expect(missingOpeningItems([...OPENING_ITEMS])).toEqual([]);
    expect(missingOpeningItems(['purpose', 'agenda'])).not.toContain('purpose');
    expect(OPENING_ITEMS).toContain('complaints-procedure');
  });
  it('absent reports are heard only once each submitted report is presented (CF3)', () => {
    const row = (name: string, status: string, submitted: boolean, presented: boolean) => ({ name, status, writtenReportSubmitted: submitted, writtenReportPresented: presented });
    expect(reportsNotYetHeard([row('Gina', 'apologies', true, false), row('Hal', 'apologies', true, true), row('Pat', 'present', true, false), row('Ida', 'absent', false, false)])).toEqual(['Gina']);
  });
});
