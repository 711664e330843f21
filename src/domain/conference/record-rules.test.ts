import { describe, expect, it } from 'vitest';
import type { ConferenceKind } from './kinds.js';
import { meetingRules } from './meeting-rules.js';
import { confidentialityNotice, hertfordshireFullMinutesReasons, recordFormFor, type FullMinutesFacts } from './record-rules.js';

function facts(extra: Partial<FullMinutesFacts> = {}): FullMinutesFacts {
  return {
    kind: 'review',
    newHouseholdMember: false,
    firstReview: false,
    unbornChild: false,
    newSection47OnPlanChild: false,
    lookedAfterChild: false,
    legalPlanning: false,
    reconvenedAfterComplaint: false,
    directedByHeadOfService: false,
    adjournedFrom: null,
    ...extra,
  };
}

describe("RC1: Hertfordshire's list of conferences that need full minutes", () => {
  const table: [string, Partial<FullMinutesFacts>, boolean][] = [
    ['a later review with nothing special', {}, false],
    ['a designated review with nothing special', { kind: 'designated-review' }, false],
    ['an initial conference', { kind: 'initial' }, true],
    ['a transfer-in conference', { kind: 'transfer-in' }, true],
    ['a pre-birth conference', { kind: 'pre-birth' }, true],
    ['a review that considers a new household member', { newHouseholdMember: true }, true],
    ['a first review', { firstReview: true }, true],
    ['a review about an unborn child', { unbornChild: true }, true],
    ['a new section 47 on a child with a plan', { newSection47OnPlanChild: true }, true],
    ['a looked-after child', { lookedAfterChild: true }, true],
    ['PLO or live care proceedings', { legalPlanning: true }, true],
    ['reconvened after a complaint', { kind: 'reconvened', reconvenedAfterComplaint: true }, true],
    ['directed by the head of service', { directedByHeadOfService: true }, true],
    ['reconvened after adjourning an initial conference', { kind: 'reconvened', adjournedFrom: facts({ kind: 'initial' }) }, true],
    ['reconvened after adjourning a first review', { kind: 'reconvened', adjournedFrom: facts({ firstReview: true }) }, true],
    ['reconvened after adjourning an ordinary review', { kind: 'reconvened', adjournedFrom: facts() }, false],
    ['reconvened after an overrule, nothing else', { kind: 'reconvened' }, false],
  ];
  it.each(table.map(([name, extra, full]) => [`${name} → ${full ? 'full minutes' : "chair's record"}`, extra, full] as const))('%s', (_name, extra, full) => {
    expect(hertfordshireFullMinutesReasons(facts(extra)).length > 0).toBe(full);
    expect(recordFormFor(meetingRules('hertfordshire').record, facts(extra)).form).toBe(full ? 'full-minutes' : 'chairs-record');
  });
  it('gives each reason once for a pre-birth conference', () => {
    const reasons = hertfordshireFullMinutesReasons(facts({ kind: 'pre-birth', unbornChild: true }));
    expect(reasons).toHaveLength(2);
  });
  it('with no other facts, every initial kind needs full minutes and no review kind does', () => {
    const kinds: ConferenceKind[] = ['initial', 'pre-birth', 'transfer-in', 'review', 'designated-review', 'reconvened'];
    const full = kinds.filter((kind) => hertfordshireFullMinutesReasons(facts({ kind })).length > 0);
    expect(full).toEqual(['initial', 'pre-birth', 'transfer-in']);
  });
});

describe('RC1 in other packs: configured', () => {
  it.each(['national', 'pan-dorset', 'nottinghamshire', 'newcastle', 'staffordshire'] as const)('%s takes full minutes of every conference', (pack) => {
    expect(recordFormFor(meetingRules(pack).record, facts()).form).toBe('full-minutes');
  });
});

describe('RC4: confidentiality notice', () => {
  it('names the chair, and in pan-dorset the lead professional too', () => {
    expect(confidentialityNotice(meetingRules('hertfordshire').record)).toContain('consent of the conference chair, or an order of a court');
    expect(confidentialityNotice(meetingRules('pan-dorset').record)).toContain('the conference chair or the lead professional');
  });
});
