import { describe, expect, it } from 'vitest';
import {
  checkDecisionToConvene, childTypeAtReview, countingExpectedDeliveryDate, countingStrategyDiscussionOn, reviewSubjectRefusal,
  type ChildToConsider,
} from './convene-checks.js';

const child = (over: Partial<ChildToConsider> & { caseId: string }): ChildToConsider => ({
  name: over.caseId, unborn: false, expectedDeliveryDate: null, onPlan: false, referralDecision: 'strategy-discussion',
  section47: { outcome: 'continuing-risk', strategyDiscussionOn: '2026-03-02' }, agencyRequestAgreed: false, ...over,
});
const subject = (caseId: string) => ({ caseId, role: 'subject' as const, likelyHarm: 'Physical injury', harmFrom: 'An adult in the household' });

describe('FD5 decision to convene: harm and from whom per child', () => {
  it('accepts subjects at continuing risk with harm and from whom', () => {
    const kids = [child({ caseId: 'a' }), child({ caseId: 'b', section47: null })];
    expect(checkDecisionToConvene('initial', kids, [subject('a'), { caseId: 'b', role: 'household' }])).toEqual([]);
  });
  it('requires the likely significant harm and from whom for every subject', () => {
    const problems = checkDecisionToConvene('initial', [child({ caseId: 'a' })], [{ caseId: 'a', role: 'subject' }]);
    expect(problems.map((p) => p.field)).toEqual(['harm-a', 'harmFrom-a']);
  });
  it('requires at least one subject', () => {
    expect(checkDecisionToConvene('initial', [child({ caseId: 'a' })], [{ caseId: 'a', role: 'household' }])[0]?.field).toBe('children');
  });
  it('refuses a subject whose enquiry found no continuing risk, unless an agency’s request was agreed', () => {
    const noRisk = child({ caseId: 'a', section47: { outcome: 'no-continuing-risk', strategyDiscussionOn: '2026-03-02' } });
    expect(checkDecisionToConvene('initial', [noRisk], [subject('a')])[0]?.message).toMatch(/did not find a continuing risk/);
    expect(checkDecisionToConvene('initial', [{ ...noRisk, agencyRequestAgreed: true }], [subject('a')])).toEqual([]);
  });
  it('refuses a subject with an open enquiry or none', () => {
    expect(checkDecisionToConvene('initial', [child({ caseId: 'a', section47: { outcome: null, strategyDiscussionOn: '2026-03-02' } })], [subject('a')])[0]?.message)
      .toMatch(/Record the outcome/);
    expect(checkDecisionToConvene('initial', [child({ caseId: 'a', section47: null })], [subject('a')])[0]?.message).toMatch(/no section 47 enquiry/);
  });
  it('refuses a subject whose referral ended with no further action', () => {
    expect(checkDecisionToConvene('initial', [child({ caseId: 'a', referralDecision: 'no-further-action' })], [subject('a')])[0]?.message)
      .toMatch(/no further action/);
  });
  it('refuses a child already on a plan as an initial subject', () => {
    expect(checkDecisionToConvene('initial', [child({ caseId: 'a', onPlan: true })], [subject('a')])[0]?.message).toMatch(/already has a child protection plan/);
  });
});

describe('UB1 pre-birth conference for an unborn child', () => {
  const unborn = child({ caseId: 'u', name: 'Baby Testington', unborn: true, expectedDeliveryDate: '2026-09-01' });
  it('accepts a pre-birth conference with the unborn child as subject', () => {
    expect(checkDecisionToConvene('pre-birth', [unborn], [subject('u')])).toEqual([]);
  });
  it('asks for a pre-birth conference when the subject is unborn', () => {
    expect(checkDecisionToConvene('initial', [unborn], [subject('u')])[0]?.message).toBe('Baby Testington is not born yet: choose a pre-birth conference.');
  });
  it('needs the expected date of delivery recorded', () => {
    expect(checkDecisionToConvene('pre-birth', [{ ...unborn, expectedDeliveryDate: null }], [subject('u')])[0]?.message).toMatch(/expected date of delivery/);
  });
  it('refuses a pre-birth conference without an unborn subject', () => {
    expect(checkDecisionToConvene('pre-birth', [child({ caseId: 'a' })], [subject('a')]).map((p) => p.field)).toEqual(['kind']);
  });
  it('counts TS3 from the earliest expected date of delivery among the subjects', () => {
    const twin = { ...unborn, caseId: 'v', expectedDeliveryDate: '2026-08-20' };
    expect(countingExpectedDeliveryDate([unborn, twin, child({ caseId: 'a' })], ['u', 'v', 'a'])).toBe('2026-08-20');
    expect(countingExpectedDeliveryDate([unborn], [])).toBeNull();
  });
});

describe('TS1 counts from the strategy discussion that began the enquiries', () => {
  it('uses the earliest such discussion among the subjects, ignoring other household children', () => {
    const kids = [
      child({ caseId: 'a', section47: { outcome: 'continuing-risk', strategyDiscussionOn: '2026-03-04' } }),
      child({ caseId: 'b', section47: { outcome: 'continuing-risk', strategyDiscussionOn: '2026-03-02' } }),
      child({ caseId: 'c', section47: { outcome: 'continuing-risk', strategyDiscussionOn: '2026-02-01' } }),
    ];
    expect(countingStrategyDiscussionOn(kids, ['a', 'b'])).toBe('2026-03-02');
  });
});

describe('CV3 a new child at the siblings’ review needs its own strategy discussion and section 47', () => {
  it('refuses a child without their own strategy discussion and section 47: a new ICPC is needed', () => {
    const why = reviewSubjectRefusal({ childName: 'Baby Sampleford', onPlan: false, ownStrategyDiscussion: false, ownSection47: null });
    expect(why).toMatch(/^Baby Sampleford has not had their own strategy discussion and section 47 enquiry/);
    expect(why).toMatch(/a new initial child protection conference is needed/);
    expect(reviewSubjectRefusal({ childName: 'X', onPlan: false, ownStrategyDiscussion: true, ownSection47: null })).toMatch(/new initial child protection conference/);
  });
  it('refuses while the child’s own enquiry is open', () => {
    expect(reviewSubjectRefusal({ childName: 'X', onPlan: false, ownStrategyDiscussion: true, ownSection47: { outcome: null } })).toMatch(/not complete/);
  });
  it('refuses when the child’s own enquiry found no continuing risk', () => {
    expect(reviewSubjectRefusal({ childName: 'X', onPlan: false, ownStrategyDiscussion: true, ownSection47: { outcome: 'not-substantiated' } })).toMatch(/did not find/);
  });
  it('accepts a child with their own discussion and an enquiry finding continuing risk, as an initial at the review', () => {
    expect(reviewSubjectRefusal({ childName: 'X', onPlan: false, ownStrategyDiscussion: true, ownSection47: { outcome: 'continuing-risk' } })).toBeNull();
    expect(childTypeAtReview(false)).toBe('initial');
  });
  it('accepts a child already on a plan as a review subject', () => {
    expect(reviewSubjectRefusal({ childName: 'X', onPlan: true, ownStrategyDiscussion: false, ownSection47: null })).toBeNull();
    expect(childTypeAtReview(true)).toBe('review');
  });
});
