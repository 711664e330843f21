import { describe, expect, it } from 'vitest';
import { overruleNotice, overruleReviewProblems, overruleStage } from './overrule-review.js';
import { itFindsProblemFields } from '../../../test/support/answer-tables.js';

describe('TS21 after the chair overrules', () => {
  const base = { overrule: true, furtherConferenceBy: '2026-03-30', conferenceHeld: true, outcome: null };
  it.each([
    { name: 'no overrule', change: { overrule: false }, stage: 'none' },
    { name: 'a pack without TS21', change: { furtherConferenceBy: null }, stage: 'none' },
    { name: 'the meeting still open', change: { conferenceHeld: false }, stage: 'none' },
    { name: 'held, not yet reviewed', change: {}, stage: 'senior-review-due' },
    { name: 'a further conference asked for', change: { outcome: 'further-conference' }, stage: 'further-conference-requested' },
    { name: 'no further conference', change: { outcome: 'no-further-conference' }, stage: 'closed' },
  ])('$name → $stage', ({ change, stage }) => {
    expect(overruleStage({ ...base, ...change })).toBe(stage);
  });

  itFindsProblemFields('the senior managers’ review: $name → $fields', overruleReviewProblems, [
    { name: 'a further conference, with reasons', input: { outcome: 'further-conference', reasons: 'Police and health managers disagree' }, fields: [] },
    { name: 'none, with reasons', input: { outcome: 'no-further-conference', reasons: 'Agreed with the chair' }, fields: [] },
    { name: 'no outcome', input: { outcome: '', reasons: 'x' }, fields: ['outcome'] },
    { name: 'no reasons', input: { outcome: 'further-conference', reasons: '  ' }, fields: ['reasons'] },
  ]);

  it('the notice says why, and by when any further conference is held', () => {
    const n = overruleNotice({ recipientName: 'Sasha', childName: 'Alpha', conferenceDate: '2026-03-02', reasons: 'Unprotected', furtherConferenceBy: '2026-03-30', link: '/overrules/x' });
    expect(n.subject).not.toContain('Alpha');
    expect(n.body).toContain('The chair\'s reasons: Unprotected');
    expect(n.body).toContain('held by 2026-03-30');
  });
});
