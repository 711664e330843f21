import { describe, expect, it } from 'vitest';
import { identityNeedsGaps, identityNeedsProblems, type IdentityNeedsAnswers } from './identity-needs.js';

const full: IdentityNeedsAnswers = {
  culture: 'Halal diet at school and with carers; asthma inhaler with her.', language: 'Sylheti at home, English at school.', religion: 'Attends mosque on Fridays with her uncle.',
  shortfalls: 'Carers shown how to buy halal food.', birthFamilyContact: 'Weekly supervised contact with father.', familyGroupConference: 'referred', familyGroupConferenceReasons: '', updatedOn: '2027-01-10',
};

describe('PL4 the plan meets the child’s identity and family needs', () => {
  it.each([
    { name: 'every answer given', change: {}, missing: [] },
    { name: 'no language', change: { language: '  ' }, missing: ['language'] },
    { name: 'no birth family contact', change: { birthFamilyContact: '' }, missing: ['birthFamilyContact'] },
    { name: 'family group conference not answered', change: { familyGroupConference: null }, missing: ['familyGroupConference'] },
    { name: 'not referred without reasons', change: { familyGroupConference: 'considered-not-referred' }, missing: ['familyGroupConference'] },
    { name: 'not referred with reasons', change: { familyGroupConference: 'considered-not-referred', familyGroupConferenceReasons: 'Family declined.' }, missing: [] },
    { name: 'culture and shortfalls blank', change: { culture: '', shortfalls: '' }, missing: ['culture', 'shortfalls'] },
  ])('$name → missing $missing', ({ change, missing }) => {
    const gaps = identityNeedsGaps({ ...full, ...change }, { latestReviewHeldOn: null });
    expect(gaps.missing.map((m) => m.question)).toEqual(missing);
    expect(gaps.complete).toBe(missing.length === 0);
  });

  it('a plan with nothing recorded is missing every answer', () => {
    expect(identityNeedsGaps(null, { latestReviewHeldOn: null }).missing).toHaveLength(6);
  });

  it('a review held after the answers were written asks for them to be revisited', () => {
    expect(identityNeedsGaps(full, { latestReviewHeldOn: '2027-02-01' })).toMatchObject({ revisitAfterReviewOn: '2027-02-01', complete: false });
    expect(identityNeedsGaps(full, { latestReviewHeldOn: '2027-01-10' })).toMatchObject({ revisitAfterReviewOn: null, complete: true });
  });

  it('refuses “not referred” without reasons, and an unknown answer', () => {
    expect(identityNeedsProblems({ familyGroupConference: 'considered-not-referred', familyGroupConferenceReasons: '' }).map((p) => p.field)).toEqual(['familyGroupConferenceReasons']);
    expect(identityNeedsProblems({ familyGroupConference: 'maybe', familyGroupConferenceReasons: '' }).map((p) => p.field)).toEqual(['familyGroupConference']);
    expect(identityNeedsProblems({ familyGroupConference: null, familyGroupConferenceReasons: '' })).toEqual([]);
  });
});
