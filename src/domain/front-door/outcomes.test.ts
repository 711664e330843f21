import { describe, expect, it } from 'vitest';
import { checkEndorsement, checkOutcome, leadsToConference, needsManagerEndorsement, section47Stage, SECTION_47_OUTCOMES } from './outcomes.js';

describe('FD5 section 47 outcomes', () => {
  it('only continuing risk leads to a conference', () => {
    expect(SECTION_47_OUTCOMES.filter((o) => leadsToConference(o))).toEqual(['continuing-risk']);
    expect(leadsToConference(null)).toBe(false);
  });
  it('substantiated without continuing risk needs a manager’s endorsement', () => {
    expect(SECTION_47_OUTCOMES.filter((o) => needsManagerEndorsement(o))).toEqual(['no-continuing-risk']);
  });
  it('allows “conference not required” for the first two outcomes only', () => {
    for (const outcome of SECTION_47_OUTCOMES) {
      const problems = checkOutcome({ outcome, icpcNotRequired: true, alreadyRecorded: false });
      expect(problems.length > 0).toBe(outcome === 'continuing-risk');
    }
    expect(checkOutcome({ outcome: 'continuing-risk', icpcNotRequired: false, alreadyRecorded: false })).toEqual([]);
  });
  it('records an outcome once', () => {
    expect(checkOutcome({ outcome: 'not-substantiated', icpcNotRequired: true, alreadyRecorded: true })[0]?.message).toMatch(/already been recorded/);
  });
  it('derives the stage of an enquiry', () => {
    expect(section47Stage({ outcome: null, endorsedAt: null })).toBe('open');
    expect(section47Stage({ outcome: 'no-continuing-risk', endorsedAt: null })).toBe('awaiting-endorsement');
    expect(section47Stage({ outcome: 'no-continuing-risk', endorsedAt: new Date() })).toBe('ended-without-conference');
    expect(section47Stage({ outcome: 'not-substantiated', endorsedAt: null })).toBe('ended-without-conference');
    expect(section47Stage({ outcome: 'continuing-risk', endorsedAt: null })).toBe('to-convene');
  });
  it('endorses only an unendorsed no-continuing-risk outcome', () => {
    expect(checkEndorsement({ outcome: 'no-continuing-risk', endorsedAt: null })).toBeNull();
    expect(checkEndorsement({ outcome: 'no-continuing-risk', endorsedAt: new Date() })).toMatch(/already/);
    expect(checkEndorsement({ outcome: 'continuing-risk', endorsedAt: null })).toMatch(/Only/);
    expect(checkEndorsement({ outcome: null, endorsedAt: null })).toMatch(/Record the outcome/);
  });
});
