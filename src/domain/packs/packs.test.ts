import { describe, expect, it } from 'vitest';
import {
  PACKS,
  PACK_IDS,
  TS_RULE_IDS,
  declaredParameter,
  describeParameter,
  effectiveParameter,
  getPack,
  parameterOrigin,
  ruleCitation,
  type PackId,
} from './index.js';

const NA = null;

/*
 * The TS table of RULES.md, transcribed by hand as the text describeParameter should give for
 * the parameter in force (after inheriting national); null = not applicable in that pack.
 * Columns: national, hertfordshire, staffordshire, pan-dorset, nottinghamshire, newcastle.
 */
const TABLE: Record<string, readonly (string | null)[]> = {
  TS1: ['15 working days', '15 working days', '15 working days', '15 working days', '15 working days (day 1 = decision day)', '15 working days'],
  TS2: ['15 working days', '15 working days', '15 working days', '15 working days', '15 working days', '15 working days'],
  TS3: [NA, 'between 13 and 24 weeks of pregnancy (earlier where a premature birth is likely)', NA, '“same status as any initial conference”', NA, NA],
  TS4: [NA, 'the same day (where possible)', NA, NA, NA, NA],
  TS5: ['3 months', '3 months', '3 months', '3 months', '3 months', '3 months'],
  TS6: ['6 months', '6 months', '6 months', '6 months', '6 months', '6 months'],
  TS7: [NA, NA, NA, NA, NA, '21 months (the 4th review conference)'],
  TS8: ['10 working days', '10 working days', '10 working days', '10 working days', '10 working days', '10 working days'],
  TS9: [
    'set by the conference', 'set by the conference', 'set by the conference', 'set by the conference',
    'at most 6 weeks (no more than 6-weekly)', 'at most 6 weeks (every 4 to 6 weeks)',
  ],
  TS10: ['1 working day', '1 working day', '1 working day', '1 working day', '1 working day', '24 hours'],
  TS11: [
    '10 working days', '10 working days', '10 working days', '10 working days',
    '10 working days (the "approved timescale", taken as 10 working days)', '25 working days',
  ],
  TS12: [
    '1 wd before an ICPC / 3 wd before a review', '1 wd before an ICPC / 3 wd before a review', '1 wd before an ICPC / 3 wd before a review',
    '24 h before an ICPC / 5 wd before a review', '24 h (to the chair and minute-taker) before an ICPC / 3 wd before a review',
    '48 h before an ICPC / 3 days before a review',
  ],
  TS13: [
    '2 days before an ICPC / 5 days before a review', '2 days before an ICPC / 5 days before a review', '2 days before an ICPC / 5 days before a review',
    '24 h before an ICPC / 5 wd before a review', "24 h (at the social worker's visit to the family) before an ICPC / 5 days before a review",
    '48 h before an ICPC / 3 days (5 days where a decision is to be made) before a review',
  ],
  TS14: [
    '1 wd before an ICPC / 3 wd before a review', '1 wd before an ICPC / 3 wd before a review',
    '2 working days (best practice; a report is still accepted on the day)', '24 h before an ICPC / 5 wd before a review',
    "24 hours (to the child's social worker)", '48 h before an ICPC / 3 days before a review',
  ],
  TS15: [
    '48 h before an ICPC / 5 wd before a review', '48 h before an ICPC / 5 wd before a review', '48 h before an ICPC / 5 wd before a review',
    '24 h before an ICPC / 5 wd before a review', '48 h before an ICPC / 5 wd before a review', '3 days (except confidential police reports)',
  ],
  TS16: [NA, NA, NA, NA, NA, '7 days (parent with a learning disability or needing translation)'],
  TS17: ['3 working days', '3 working days', '3 working days', '3 working days', '“well in advance”', '“well in advance”'],
  TS18: ['3 days (where possible)', '3 days (where possible)', '3 days (where possible)', '3 days (where possible)', '3 days (where possible)', '3 days (where possible)'],
  TS19: [NA, NA, NA, NA, '2 weeks (review invitations)', NA],
  TS20: [NA, NA, NA, '15 working days (at most)', NA, NA],
  TS21: [NA, NA, NA, '4 weeks', NA, NA],
  TS22: [NA, NA, NA, '4 weeks', NA, NA],
  TS23: [NA, '10 working days (views sought in writing), then a further 10 working days (written responses received)', NA, NA, NA, NA],
  TS24: [
    "set by the child's plan", "set by the child's plan", "set by the child's plan", "set by the child's plan",
    'at most 4 weeks (departmental minimum; the plan may set more often)', "set by the child's plan",
  ],
  TS25: ['by the 18th birthday', 'by the 18th birthday', 'by the 18th birthday', 'by the 18th birthday', 'by the 18th birthday', 'by the 18th birthday'],
  TS26: [NA, 'at least 3 months (minimum period allocated as a child in need)', NA, '6 months (child in need plan reviewed at least every 6 months)', NA, NA],
  TS27: [NA, NA, NA, NA, NA, '5 days (updated plan distributed)'],
  TS28: [NA, NA, 'professionals arrive 30 minutes before', NA, 'family meets the chair 20 minutes before', 'slot of 1½ hours'],
  TS29: [NA, NA, NA, NA, 'the same day (the social worker contacts the diary co-ordinator)', '1 working day (invitation requests to the minute-taking service)'],
  TS30: [
    'written authorisation by a service manager',
    "written authorisation by the Children's Services Service Manager and the Service Manager of Child Protection",
    'written authorisation by a service manager',
    'written authorisation by a service manager',
    'written authorisation by the Service Manager of the Independent Chair Service with the Service Manager for the social work team',
    'written authorisation by the Independent Reviewing Officer with the Head of Service',
  ],
};

describe('the TS table of RULES.md, every rule in every pack', () => {
  it('covers TS1 to TS30', () => {
    expect(Object.keys(TABLE)).toEqual([...TS_RULE_IDS]);
  });

  for (const ruleId of TS_RULE_IDS) {
    PACK_IDS.forEach((pack, column) => {
      const expected = TABLE[ruleId]![column];
      it(`${ruleId} in ${pack}: ${expected ?? 'not applicable'}`, () => {
        const parameter = effectiveParameter(pack, ruleId);
        expect(parameter === null ? null : describeParameter(parameter)).toBe(expected);
        expect(ruleCitation(pack, ruleId) === null).toBe(expected === null);
      });
    });
  }
});

describe('inheriting national', () => {
  it('gives a silent pack the national parameter and the national citation', () => {
    expect(declaredParameter('staffordshire', 'TS1')).toBeNull();
    expect(effectiveParameter('staffordshire', 'TS1')).toEqual(declaredParameter('national', 'TS1'));
    expect(parameterOrigin('staffordshire', 'TS1')).toBe('national');
    expect(ruleCitation('staffordshire', 'TS1')).toBe(ruleCitation('national', 'TS1'));
  });

  it("keeps a pack's own figure over national's", () => {
    expect(effectiveParameter('newcastle', 'TS11')).toMatchObject({ unit: 'workingDays', n: 25 });
    expect(parameterOrigin('newcastle', 'TS11')).toBe('newcastle');
    expect(ruleCitation('newcastle', 'TS11')).toMatch(/^004_4d62ad76775b45eb\.txt § Standard 2, 2\.1\.6/);
  });

  it('leaves a rule neither the pack nor national has as not applicable', () => {
    expect(effectiveParameter('hertfordshire', 'TS20')).toBeNull();
    expect(parameterOrigin('hertfordshire', 'TS20')).toBeNull();
    expect(ruleCitation('hertfordshire', 'TS20')).toBeNull();
  });

  it('answers null, not an error, for ids that are not TS rules', () => {
    expect(declaredParameter('national', 'FD1')).toBeNull();
    expect(effectiveParameter('national', 'TS31')).toBeNull();
    expect(ruleCitation('national', 'toString')).toBeNull();
  });
});

describe('the pack files', () => {
  for (const id of PACK_IDS) {
    const pack = getPack(id);
    it(`${id} is filed under its own id, with a display name`, () => {
      expect(PACKS[id]).toBe(pack);
      expect(pack.id).toBe(id);
      expect(pack.name.length).toBeGreaterThan(0);
    });

    it(`${id} cites its own procedure file for every rule it declares`, () => {
      const declared = Object.entries(pack.rules);
      expect(declared.length).toBeGreaterThan(0);
      for (const [ruleId, rule] of declared) {
        expect(TS_RULE_IDS).toContain(ruleId);
        expect(rule.citation.startsWith(`${pack.source} § `), `${id} ${ruleId}: ${rule.citation}`).toBe(true);
      }
    });
  }

  it('carries the example display names', () => {
    const names: Partial<Record<PackId, string>> = { hertfordshire: 'Hertfordshire', 'pan-dorset': 'Pan-Dorset', newcastle: 'Newcastle' };
    for (const [id, name] of Object.entries(names)) expect(getPack(id as PackId).name).toBe(name);
  });

  it('counts day 1 as the decision day in Nottinghamshire for TS1 only', () => {
    const dayOne = PACK_IDS.flatMap((pack) =>
      TS_RULE_IDS.filter((ruleId) => {
        const p = declaredParameter(pack, ruleId);
        return p?.unit === 'workingDays' && p.dayOne === true;
      }).map((ruleId) => `${pack} ${ruleId}`),
    );
    expect(dayOne).toEqual(['nottinghamshire TS1']);
  });
});
