import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { exclusionDecisionProblems, exclusionRequestInTime, exclusionRequestProblems, whoLeaves } from './exclusion.js';
import { advocacyToOfferAgain, childParticipationProblems, interpreterProblems, type ChildParticipationInput } from './participation.js';

const calendar = bundledCalendar('england-and-wales');
const answered: ChildParticipationInput = {
  assessment: { understanding: 'Yes', wishExpressed: 'Wants to come', parentsViews: 'Agree', benefit: 'Yes', conflictRisk: 'Low' },
  wish: 'attend',
  attendance: 'all',
  viewsRoutes: [],
  advocacyOfferedOn: '2026-02-20',
  advocacyConsent: 'given',
};

describe('IN5: child participation', () => {
  it('a full assessment with the child attending throughout is accepted', () => {
    expect(childParticipationProblems(answered)).toEqual([]);
  });
  it('every assessment question is answered', () => {
    expect(childParticipationProblems({ ...answered, assessment: { understanding: 'Yes' } }).map((p) => p.field)).toEqual([
      'assessment_wishExpressed', 'assessment_parentsViews', 'assessment_benefit', 'assessment_conflictRisk',
    ]);
  });
  it('a declared wish not to attend is respected', () => {
    const problems = childParticipationProblems({ ...answered, wish: 'not-attend', attendance: 'part', viewsRoutes: ['writing'] });
    expect(problems.map((p) => p.field)).toEqual(['attendance']);
  });
  it("a child not there for all of it has their views brought another way", () => {
    expect(childParticipationProblems({ ...answered, wish: 'not-attend', attendance: 'none' }).map((p) => p.field)).toEqual(['viewsRoutes']);
    expect(childParticipationProblems({ ...answered, wish: 'not-attend', attendance: 'none', viewsRoutes: ['advocate', 'drawings'] })).toEqual([]);
  });
});

describe('IN6: advocacy', () => {
  it('records the date of the offer with the answer', () => {
    expect(childParticipationProblems({ ...answered, advocacyOfferedOn: null }).map((p) => p.field)).toEqual(['advocacyOfferedOn']);
  });
  it('a refusal is offered again at each review, not at the initial', () => {
    expect(advocacyToOfferAgain('refused', 'review')).toBe(true);
    expect(advocacyToOfferAgain('refused', 'initial')).toBe(false);
    expect(advocacyToOfferAgain('given', 'review')).toBe(false);
  });
});

describe('IN7: interpreters', () => {
  const family = ['Demi Testington', 'Fred Testington'];
  it('refuses a family member as interpreter, with a message', () => {
    const byRelationship = interpreterProblems({ needed: true, name: 'Auntie Sampleford', relationship: 'family-member', accredited: false }, family);
    expect(byRelationship[0]?.message).toContain('A family member cannot interpret');
    const byName = interpreterProblems({ needed: true, name: ' fred  testington ', relationship: 'professional', accredited: true }, family);
    expect(byName[0]?.message).toContain('A family member cannot interpret');
  });
  it('needs a professionally accredited interpreter', () => {
    expect(interpreterProblems({ needed: true, name: 'Ira Interpreter', relationship: 'professional', accredited: false }, family)[0]?.field).toBe('interpreterAccredited');
    expect(interpreterProblems({ needed: true, name: 'Ira Interpreter', relationship: 'professional', accredited: true }, family)).toEqual([]);
    expect(interpreterProblems({ needed: false, name: '', relationship: null, accredited: false }, family)).toEqual([]);
  });
});

describe('EX1 and EX2: exclusion requests and decisions', () => {
  it('refuses a prosecution alone as a ground', () => {
    const problems = exclusionRequestProblems({ reasons: ['prosecution'], evidence: 'Charged last week' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('prosecution or police investigation alone is not a ground');
  });
  it('refuses an earlier exclusion as the only reason', () => {
    expect(exclusionRequestProblems({ reasons: ['excluded-before'], evidence: 'x' })[0]?.message).toContain('earlier conference');
  });
  it('accepts a real ground with evidence, even alongside a prosecution', () => {
    expect(exclusionRequestProblems({ reasons: ['prosecution', 'disruptive-behaviour'], evidence: 'Threats to the health visitor on 2 March' })).toEqual([]);
    expect(exclusionRequestProblems({ reasons: ['child-asks'], evidence: ' ' }).map((p) => p.field)).toEqual(['evidence']);
  });
  it('the chair gives reasons, and the period of an exclusion', () => {
    const none = { scope: 'whole' as const, excludedParts: [], recordScope: 'whole' as const, recordWithheldGround: null };
    expect(exclusionDecisionProblems({ ...none, decision: 'excluded', reasons: '', period: '' }).map((p) => p.field)).toEqual(['reasons', 'period']);
    expect(exclusionDecisionProblems({ ...none, decision: 'refused', reasons: 'Ground not made out', period: '' })).toEqual([]);
  });
});

describe('TS18: exclusion requests reach the chair 3 days before', () => {
  const conferenceDate = Temporal.PlainDate.from('2026-03-12');
  it('in time on the 3rd day before, late after it (hertfordshire)', () => {
    expect(exclusionRequestInTime({ pack: 'hertfordshire', conferenceDate, requestedOn: Temporal.PlainDate.from('2026-03-09'), calendar })).toEqual({ inTime: true, latest: '2026-03-09' });
    expect(exclusionRequestInTime({ pack: 'hertfordshire', conferenceDate, requestedOn: Temporal.PlainDate.from('2026-03-10'), calendar })?.inTime).toBe(false);
  });
  it('a pack silent on it (pan-dorset) inherits the national 3 days', () => {
    const r = exclusionRequestInTime({ pack: 'pan-dorset', conferenceDate, requestedOn: Temporal.PlainDate.from('2026-03-10'), calendar });
    expect(r).toEqual({ inTime: false, latest: '2026-03-09' });
  });
});

describe('EX4: supporters', () => {
  it('a parent asked to leave takes their supporter with them', () => {
    expect(whoLeaves('Fred Testington', 'Sam Supporter')).toEqual(['Fred Testington', 'Sam Supporter']);
    expect(whoLeaves('Fred Testington', null)).toEqual(['Fred Testington']);
  });
});
