import { describe, expect, it } from 'vitest';
import { designatedReviewFollowUps } from './designated-review-follow-ups.js';

const reviews = [
  { conferenceId: 'r1', heldOn: '2027-03-01', kind: 'review' },
  { conferenceId: 'd1', heldOn: '2027-09-01', kind: 'designated-review' },
];

describe('RV4 designated review follow-ups', () => {
  it.each([
    { legal: [], briefing: [], expected: [{ conferenceId: 'd1', heldOn: '2027-09-01', legalAdviceOutstanding: true, briefingOutstanding: true }] },
    { legal: ['d1'], briefing: [], expected: [{ conferenceId: 'd1', heldOn: '2027-09-01', legalAdviceOutstanding: false, briefingOutstanding: true }] },
    { legal: [], briefing: ['d1'], expected: [{ conferenceId: 'd1', heldOn: '2027-09-01', legalAdviceOutstanding: true, briefingOutstanding: false }] },
    { legal: ['d1'], briefing: ['d1'], expected: [] },
  ])('legal advice $legal, briefing $briefing → $expected.length outstanding', ({ legal, briefing, expected }) => {
    expect(designatedReviewFollowUps({ planOpen: true, reviewsHeld: reviews, legalAdviceFor: new Set(legal), briefingsFor: new Set(briefing) })).toEqual(expected);
  });

  it('asks nothing after an ordinary review, or once the plan has ended', () => {
    expect(designatedReviewFollowUps({ planOpen: true, reviewsHeld: [reviews[0]!], legalAdviceFor: new Set(), briefingsFor: new Set() })).toEqual([]);
    expect(designatedReviewFollowUps({ planOpen: false, reviewsHeld: reviews, legalAdviceFor: new Set(), briefingsFor: new Set() })).toEqual([]);
  });

  it('a record for one designated review does not satisfy a later one', () => {
    const two = [...reviews, { conferenceId: 'd2', heldOn: '2029-06-01', kind: 'designated-review' }];
    const result = designatedReviewFollowUps({ planOpen: true, reviewsHeld: two, legalAdviceFor: new Set(['d1']), briefingsFor: new Set(['d1']) });
    expect(result.map((f) => f.conferenceId)).toEqual(['d2']);
  });
});
