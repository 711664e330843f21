import { describe, expect, it } from 'vitest';
import { checkDecision, PLAN_NEEDS_LIKELY_HARM, type DecisionContext, type DecisionInput } from './decision.js';
import { meetingRules } from './meeting-rules.js';
import type { PractitionerView } from './views.js';

const views = (plan: boolean[]): PractitionerView[] =>
  plan.map((p, i) => ({ id: String(i), name: `Practitioner ${i}`, agency: (['childrens-social-care', 'police', 'education', 'gp'] as const)[i]!, planNeeded: p, categories: [], reasons: 'because' }));

function input(extra: Partial<DecisionInput> = {}): DecisionInput {
  return {
    outcome: 'plan',
    sufferedHarm: true,
    sufferedHarmReasons: 'Bruising explained by neither parent',
    likelyHarm: true,
    likelyHarmReasons: 'The same adult remains in the household',
    categories: ['PHY'],
    categoryChangeGrounds: '',
    chairView: null,
    overrule: false,
    overruleReasons: '',
    inquorateReasons: '',
    variationReason: '',
    childInNeedRecommendation: '',
    legalActionRecommendation: '',
    interimSafetyPlan: '',
    parentsView: 'agree',
    complaintsRouteExplained: false,
    leadSocialWorkerId: 'sw-1',
    contactTeamManagerId: null,
    coreGroupMembers: [{ name: 'Demi Testington', role: 'Mother' }],
    firstCoreGroupOn: '2026-03-10',
    reviewOn: '2026-05-20',
    reviewTriggers: 'A new injury or the adult returning',
    childrensCentre: null,
    childrensCentreReason: '',
    ...extra,
  };
}

function ctx(extra: Partial<DecisionContext> = {}): DecisionContext {
  return {
    rules: meetingRules('hertfordshire'),
    childType: 'initial',
    quorate: true,
    views: views([true, true, false]),
    existingPlan: null,
    previousOutcome: null,
    conferenceDate: '2026-03-02',
    childUnderFive: false,
    firstCoreGroupDue: '2026-03-16',
    reviewDue: '2026-06-02',
    ...extra,
  };
}

const fields = (i: DecisionInput, c: DecisionContext = ctx()) => checkDecision(i, c).errors.map((e) => e.field);

describe('both harm tests, with reasons (DC1)', () => {
  it('accepts a complete plan decision', () => {
    expect(checkDecision(input(), ctx()).errors).toEqual([]);
  });
  it.each([
    ['sufferedHarm', { sufferedHarm: null }],
    ['sufferedHarmReasons', { sufferedHarmReasons: '  ' }],
    ['likelyHarm', { likelyHarm: null }],
    ['likelyHarmReasons', { likelyHarmReasons: '' }],
  ] as const)('refuses without %s', (field, extra) => {
    expect(fields(input(extra))).toContain(field);
  });
  it('asks both tests for a no-plan outcome too', () => {
    expect(fields(input({ outcome: 'no-plan-nfa', categories: [], likelyHarm: null }), ctx({ views: views([false, false]) }))).toContain('likelyHarm');
  });
  const conferences: [string, DecisionContext][] = [
    ['initial', ctx()],
    ['review', ctx({ childType: 'review', existingPlan: { categories: ['PHY'] }, firstCoreGroupDue: null })],
  ];
  const answers: [boolean, boolean, boolean][] = [
    [true, true, true],
    [false, true, true],
    [true, false, false],
    [false, false, false],
  ];
  for (const [type, c] of conferences) {
    describe(`at ${type} conferences, a plan is made or kept only when future harm is likely`, () => {
      for (const [sufferedHarm, likelyHarm, allowed] of answers) {
        it(`harm suffered ${sufferedHarm}, future harm likely ${likelyHarm}: plan allowed ${allowed}`, () => {
          const errors = checkDecision(input({ sufferedHarm, likelyHarm }), c).errors;
          if (allowed) expect(errors).toEqual([]);
          else expect(errors).toEqual([{ field: 'outcome', message: PLAN_NEEDS_LIKELY_HARM }]);
        });
        if (!likelyHarm) {
          it(`harm suffered ${sufferedHarm}, future harm not likely: no plan is accepted`, () => {
            const noPlan = { ...c, views: views([false, false]) };
            expect(fields(input({ outcome: 'no-plan-nfa', categories: [], sufferedHarm, likelyHarm }), noPlan)).toEqual([]);
          });
        }
      }
    });
  }
  it('an adjournment defers the tests', () => {
    expect(fields(input({ outcome: 'adjourned', categories: [], sufferedHarm: null, likelyHarm: null, sufferedHarmReasons: '', likelyHarmReasons: '', interimSafetyPlan: 'Stays with grandmother' }))).toEqual([]);
  });
});

describe('category (DC4)', () => {
  it('a plan needs a category', () => {
    expect(fields(input({ categories: [] }))).toContain('categories');
  });
  it('hertfordshire allows exactly one', () => {
    expect(fields(input({ categories: ['PHY', 'EMO'] }))).toContain('categories');
  });
  it('pan-dorset allows several', () => {
    const c = ctx({ rules: meetingRules('pan-dorset'), views: views([true, true, false]) });
    expect(fields(input({ categories: ['PHY', 'EMO'] }), c)).toEqual([]);
  });
  it('a category change at a review needs grounds', () => {
    const c = ctx({ childType: 'review', existingPlan: { categories: ['NEG'] }, firstCoreGroupDue: null });
    expect(fields(input({ categories: ['EMO'] }), c)).toContain('categoryChangeGrounds');
    expect(fields(input({ categories: ['EMO'], categoryChangeGrounds: 'Neglect resolved; emotional harm now primary' }), c)).toEqual([]);
    expect(fields(input({ categories: ['NEG'] }), c)).toEqual([]);
  });
  it('an outcome without a plan has no category', () => {
    expect(fields(input({ outcome: 'no-plan-nfa', categories: ['NEG'] }), ctx({ views: views([false, false]) }))).toContain('categories');
  });
});

describe('outcomes (DC5)', () => {
  const noPlan = ctx({ views: views([false, false]) });
  it('a child in need recommendation needs its outline', () => {
    expect(fields(input({ outcome: 'no-plan-cin', categories: [] }), noPlan)).toContain('childInNeedRecommendation');
    expect(fields(input({ outcome: 'no-plan-cin', categories: [], childInNeedRecommendation: 'Family support worker weekly' }), noPlan)).toEqual([]);
  });
  it('legal action needs the recommendation written', () => {
    expect(fields(input({ outcome: 'legal-action', categories: [] }), noPlan)).toContain('legalActionRecommendation');
  });
  it('an adjournment needs an interim safety plan', () => {
    expect(fields(input({ outcome: 'adjourned', categories: [] }))).toContain('interimSafetyPlan');
  });
  it('varying an earlier outcome needs the reason', () => {
    const c = ctx({ previousOutcome: 'no-plan-cin' });
    expect(fields(input(), c)).toContain('variationReason');
    expect(fields(input({ variationReason: 'The written views received raised new concerns' }), c)).toEqual([]);
    expect(fields(input(), ctx({ previousOutcome: 'plan' }))).toEqual([]);
  });
});

describe('quorum, dissent and complaints (CF1, DC3, DC7)', () => {
  it('deciding inquorate needs the chair’s reasons', () => {
    expect(fields(input(), ctx({ quorate: false }))).toContain('inquorateReasons');
  });
  it('an inquorate plan must have an early review', () => {
    const c = ctx({ quorate: false });
    const r = checkDecision(input({ inquorateReasons: 'Only two agencies know the child', reviewOn: '2026-06-02' }), c);
    expect(r.earlyReview).toBe(true);
    expect(r.errors.map((e) => e.field)).toEqual(['reviewOn']);
    expect(checkDecision(input({ inquorateReasons: 'Only two agencies know the child', reviewOn: '2026-04-15' }), c).errors).toEqual([]);
  });
  it('parents who disagree must be told the complaints route', () => {
    expect(fields(input({ parentsView: 'disagree' }))).toContain('complaintsRouteExplained');
    expect(fields(input({ parentsView: 'disagree', complaintsRouteExplained: true }))).toEqual([]);
  });
  it('lists the dissenting practitioners', () => {
    expect(checkDecision(input(), ctx()).dissents.map((d) => d.name)).toEqual(['Practitioner 2']);
  });
  it('pan-dorset overrule needs reasons and gives basis overrule', () => {
    const c = ctx({ rules: meetingRules('pan-dorset'), views: views([false, false, true]) });
    expect(fields(input({ overrule: true }), c)).toContain('overruleReasons');
    const ok = checkDecision(input({ overrule: true, overruleReasons: 'The proposed decision leaves the child unprotected' }), c);
    expect(ok.errors).toEqual([]);
    expect(ok.basis).toBe('overrule');
  });
});

describe('what a plan names (DC6, DC8)', () => {
  it('needs a lead social worker or a team manager contact', () => {
    expect(fields(input({ leadSocialWorkerId: null }))).toContain('leadSocialWorkerId');
    expect(fields(input({ leadSocialWorkerId: null, contactTeamManagerId: 'tm-1' }))).toEqual([]);
  });
  it('needs core group members with names and roles', () => {
    expect(fields(input({ coreGroupMembers: [] }))).toContain('coreGroupMembers');
    expect(fields(input({ coreGroupMembers: [{ name: 'A', role: '' }] }))).toContain('coreGroupMembers');
  });
  it('first core group within TS8, review within TS5, and the triggers', () => {
    expect(fields(input({ firstCoreGroupOn: null }))).toContain('firstCoreGroupOn');
    expect(fields(input({ firstCoreGroupOn: '2026-03-17' }))).toContain('firstCoreGroupOn');
    expect(fields(input({ firstCoreGroupOn: '2026-03-01' }))).toContain('firstCoreGroupOn');
    expect(fields(input({ reviewOn: '2026-06-03' }))).toContain('reviewOn');
    expect(fields(input({ reviewOn: null }))).toContain('reviewOn');
    expect(fields(input({ reviewTriggers: '' }))).toContain('reviewTriggers');
  });
  it('a review without a first core group due accepts no date', () => {
    expect(fields(input({ firstCoreGroupOn: null }), ctx({ childType: 'review', firstCoreGroupDue: null, existingPlan: { categories: ['PHY'] } }))).toEqual([]);
  });
  it("an under-5 needs the children's centre decision, and a reason when not told", () => {
    const c = ctx({ childUnderFive: true });
    expect(fields(input(), c)).toContain('childrensCentre');
    expect(fields(input({ childrensCentre: 'not-told' }), c)).toContain('childrensCentreReason');
    expect(fields(input({ childrensCentre: 'not-told', childrensCentreReason: 'Parents refused permission' }), c)).toEqual([]);
    expect(fields(input({ childrensCentre: 'told' }), c)).toEqual([]);
  });
  it('plan details are not asked for other outcomes', () => {
    expect(fields(input({ outcome: 'no-plan-nfa', categories: [], leadSocialWorkerId: null, reviewOn: null }), ctx({ views: views([false, false]) }))).toEqual([]);
  });
});
