import { describe, expect, it } from 'vitest';
import { MEETING_PARTS } from '../conference/meeting-parts.js';
import {
  attendanceFromExclusion,
  exclusionDecisionProblems,
  partsExcluded,
  recordScopeProblems,
  RECORD_WITHHELD_GROUNDS,
  type ExclusionDecisionFacts,
} from './exclusion.js';

const decided: ExclusionDecisionFacts = {
  decision: 'excluded', reasons: 'Threats to staff', period: 'While the police report is heard', scope: 'part',
  excludedParts: ['confidential-information'], recordScope: 'attended-part', recordWithheldGround: 'criminal-investigation',
};

describe('EX2: the chair records the decision and the period', () => {
  const cases: [string, Partial<ExclusionDecisionFacts>, string[]][] = [
    ['a complete exclusion from part', {}, []],
    ['no reasons', { reasons: ' ' }, ['reasons']],
    ['no period', { period: '' }, ['period']],
    ['part of the conference, but no part chosen', { excludedParts: [] }, ['excludedParts']],
    ['the whole conference needs no parts chosen', { scope: 'whole', excludedParts: [] }, []],
    ['no decision on the record they get', { recordScope: null }, ['recordScope']],
    ['the attended part only, without a ground', { recordWithheldGround: null }, ['recordWithheldGround']],
    ['the attended part only, on a ground not in the list', { recordWithheldGround: 'prosecution' }, ['recordWithheldGround']],
    ['the whole record needs no ground', { recordScope: 'whole', recordWithheldGround: null }, []],
    ['a refusal needs only reasons', { decision: 'refused', period: '', excludedParts: [], recordScope: null, recordWithheldGround: null }, []],
  ];
  for (const [name, change, fields] of cases) {
    it(name, () => {
      expect(exclusionDecisionProblems({ ...decided, ...change }).map((p) => p.field)).toEqual(fields);
    });
  }

  it('the whole conference covers every part; part of it only the parts chosen, in agenda order', () => {
    expect(partsExcluded('whole', [], MEETING_PARTS)).toEqual([...MEETING_PARTS]);
    expect(partsExcluded('part', ['decision', 'information'], MEETING_PARTS)).toEqual(['information', 'decision']);
  });
});

describe('EX3: part of the record is withheld only on a recorded ground', () => {
  it('every ground in the procedure is accepted', () => {
    for (const g of RECORD_WITHHELD_GROUNDS) expect(recordScopeProblems({ excludedParts: ['decision'], recordScope: 'attended-part', ground: g })).toEqual([]);
  });
  it('refuses the attended part only without a ground', () => {
    expect(recordScopeProblems({ excludedParts: ['decision'], recordScope: 'attended-part', ground: null }).map((p) => p.field)).toEqual(['recordWithheldGround']);
  });
  it('asks for a decision on the record when someone was excluded', () => {
    expect(recordScopeProblems({ excludedParts: ['decision'], recordScope: null, ground: null }).map((p) => p.field)).toEqual(['recordScope']);
  });
  it('nothing to decide for someone never excluded', () => {
    expect(recordScopeProblems({ excludedParts: [], recordScope: 'attended-part', ground: null })).toEqual([]);
  });
});

describe('EX2: an exclusion reaches this conference’s attendance and never the next', () => {
  const decision = {
    id: 'd1', invitationId: 'father-at-icpc', conferenceId: 'icpc', status: 'excluded',
    excludedParts: ['confidential-information', 'analysis'], recordScope: 'attended-part', recordWithheldGround: 'safety',
  };
  it('the excluded parts and the record decision are on the attendance of the conference decided for', () => {
    expect(attendanceFromExclusion('icpc', 'father-at-icpc', [decision], MEETING_PARTS)).toEqual({
      exclusionRequestId: 'd1', status: null, excludedParts: ['confidential-information', 'analysis'], recordScope: 'attended-part', recordWithheldGround: 'safety',
    });
  });
  it('an exclusion from every part marks them excluded', () => {
    expect(attendanceFromExclusion('icpc', 'father-at-icpc', [{ ...decision, excludedParts: [...MEETING_PARTS] }], MEETING_PARTS)?.status).toBe('excluded');
  });
  it('the next conference (a new invitation of the same father) inherits nothing', () => {
    expect(attendanceFromExclusion('review', 'father-at-review', [decision], MEETING_PARTS)).toBeNull();
    expect(attendanceFromExclusion('review', 'father-at-icpc', [decision], MEETING_PARTS)).toBeNull();
  });
  it('a refused or pending request changes nothing', () => {
    expect(attendanceFromExclusion('icpc', 'father-at-icpc', [{ ...decision, status: 'refused' }], MEETING_PARTS)).toBeNull();
    expect(attendanceFromExclusion('icpc', 'father-at-icpc', [{ ...decision, status: 'pending' }], MEETING_PARTS)).toBeNull();
  });
  it('a whole record carries no withholding ground', () => {
    expect(attendanceFromExclusion('icpc', 'father-at-icpc', [{ ...decision, recordScope: 'whole' }], MEETING_PARTS)).toMatchObject({ recordScope: 'whole', recordWithheldGround: null });
  });
});
