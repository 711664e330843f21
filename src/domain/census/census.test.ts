import { describe, expect, it } from 'vitest';
import { censusCategory, CensusError, censusYear, episodeInYear, type CensusChild, type CensusEpisode } from './census-model.js';
import { censusXml } from './census-xml.js';
import { CENSUS_RULES, validateCensus } from './validate.js';
import { expectText } from '../../../test/support/page-expectations.js';

const YEAR = censusYear('2027-03-31');
// Calendar days stand in for working days here: the rule's threshold is what is tested.
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const episode = (extra: Partial<CensusEpisode> = {}): CensusEpisode => ({
  referralDate: '2026-05-04', referralSource: '6', primaryNeedCode: 'N1', referralNfa: false, closureDate: null, reasonForClosure: null,
  assessments: [{ startDate: '2026-05-05', authorisationDate: '2026-05-15', factors: ['2A'] }],
  // A child in need plan after the assessment, ended (stepped up) on the day the plan starts.
  cinPlans: [{ startDate: '2026-05-15', endDate: '2026-05-26' }],
  section47s: [{ startDate: '2026-05-06', initialCpcTarget: '2026-05-27', dateOfInitialCpc: '2026-05-26', icpcNotRequired: false }],
  dateOfInitialCpc: null,
  plans: [{ startDate: '2026-05-26', endDate: null, initialCategories: ['NEG'], latestCategories: ['NEG', 'EMO'], numberOfPreviousCpp: 0, reviewDates: ['2026-08-20'] }],
  ...extra,
});
const child = (extra: Partial<CensusChild> = {}, ep: Partial<CensusEpisode> = {}): CensusChild => ({
  personId: 'p1', caseIds: ['c1'], laChildId: 'DEMO0001', personBirthDate: '2019-05-04', expectedPersonBirthDate: null, sex: 'F',
  ethnicity: 'WBRI', disabilities: [], personDeathDate: null, episodes: [episode(ep)], ...extra,
});
const rules = (c: CensusChild) => validateCensus([c], YEAR, days).map((f) => f.rule);

describe('the census year and codes', () => {
  it('runs 1 April to 31 March, and refuses any other reference date', () => {
    expect(YEAR).toEqual({ start: '2026-04-01', referenceDate: '2027-03-31', year: '2027' });
    expect(() => censusYear('2027-04-01')).toThrow(CensusError);
  });
  it('includes an episode open on any day of the year', () => {
    expect(episodeInYear({ referralDate: '2025-01-01', closureDate: '2026-04-01' }, YEAR)).toBe(true);
    expect(episodeInYear({ referralDate: '2025-01-01', closureDate: '2026-03-31' }, YEAR)).toBe(false);
    expect(episodeInYear({ referralDate: '2027-04-01', closureDate: null }, YEAR)).toBe(false);
  });
  it.each([[['NEG'], 'NEG'], [['NEG', 'EMO'], 'MUL'], [['PHY', 'PHY'], 'PHY'], [[], null]])('%o → %s', (c, code) => {
    expect(censusCategory(c)).toBe(code);
  });
});

describe('the Department’s checks', () => {
  it('a well-recorded child passes every check', () => {
    expect(validateCensus([child()], YEAR, days)).toEqual([]);
  });

  it.each([
    ['C01', child({ laChildId: 'DEMO-0001' })],
    ['C02', child({ expectedPersonBirthDate: '2019-05-04' })],
    ['C03', child({ personBirthDate: null, expectedPersonBirthDate: '2027-01-10', sex: 'F' })],
    ['C04', child({}, { section47s: [{ startDate: '2026-05-06', initialCpcTarget: '2026-05-27', dateOfInitialCpc: '2026-05-23', icpcNotRequired: false }], plans: [] })],
    ['C05', child({}, { referralDate: '2026-05-27', assessments: [] })],
    ['C06', child({}, { plans: [{ startDate: '2026-05-27', endDate: null, initialCategories: ['NEG'], latestCategories: ['NEG'], numberOfPreviousCpp: 0, reviewDates: [] }] })],
    ['C07', child({}, { plans: [{ startDate: '2026-05-26', endDate: '2026-05-26', initialCategories: ['NEG'], latestCategories: ['NEG'], numberOfPreviousCpp: 0, reviewDates: [] }] })],
    ['C09', child({}, { plans: [{ startDate: '2026-05-26', endDate: null, initialCategories: ['NEG'], latestCategories: ['NEG'], numberOfPreviousCpp: 0, reviewDates: ['2026-05-20'] }] })],
    ['C10', child({}, { plans: [{ startDate: '2026-05-26', endDate: null, initialCategories: ['XYZ'], latestCategories: ['NEG'], numberOfPreviousCpp: 0, reviewDates: [] }] })],
    ['C11', child({}, { plans: [{ startDate: '2026-05-26', endDate: null, initialCategories: ['NEG'], latestCategories: ['NEG'], numberOfPreviousCpp: null, reviewDates: [] }] })],
    ['C12', child({}, { closureDate: '2026-08-01', reasonForClosure: 'RC1' })],
    ['C13', child({}, { referralNfa: true })],
    ['C14', child({}, { closureDate: '2027-02-01', reasonForClosure: null, plans: [] })],
    ['C15', child({ personDeathDate: '2026-05-20' })],
    ['C18', child({}, { cinPlans: [{ startDate: '2026-05-15', endDate: '2026-05-15' }] })],
    ['C18', child({}, { cinPlans: [{ startDate: '2026-05-01', endDate: '2026-05-20' }] })],
    ['C18', child({}, { closureDate: '2027-01-10', reasonForClosure: 'RC1', plans: [{ startDate: '2026-05-26', endDate: '2026-12-01', initialCategories: ['NEG'], latestCategories: ['NEG'], numberOfPreviousCpp: 0, reviewDates: [] }], cinPlans: [{ startDate: '2026-12-01', endDate: null }] })],
    ['C18', child({}, { cinPlans: [{ startDate: '2026-05-10', endDate: '2026-05-20' }, { startDate: '2026-05-15', endDate: '2026-05-25' }] })],
    ['C19', child({}, { cinPlans: [{ startDate: '2026-05-15', endDate: '2026-06-01' }] })],
    ['C19', child({}, { cinPlans: [{ startDate: '2026-08-01', endDate: null }] })],
    ['C13', child({}, { referralNfa: true, assessments: [], section47s: [], plans: [], cinPlans: [{ startDate: '2026-05-15', endDate: null }] })],
    ['C16', child({}, { section47s: [{ startDate: '2026-05-01', initialCpcTarget: '2026-05-27', dateOfInitialCpc: '2026-05-26', icpcNotRequired: false }] })],
  ])('%s', (rule, c) => {
    expect(rules(c)).toContain(rule);
    expect(Object.keys(CENSUS_RULES)).toContain(rule);
  });

  it('C08: two plans at once, or a second open plan, fail', () => {
    const two = child({}, {});
    two.episodes.push(episode({ referralDate: '2026-09-01', section47s: [{ startDate: '2026-09-02', initialCpcTarget: '2026-09-22', dateOfInitialCpc: '2026-09-21', icpcNotRequired: false }],
      plans: [{ startDate: '2026-09-21', endDate: null, initialCategories: ['PHY'], latestCategories: ['PHY'], numberOfPreviousCpp: 1, reviewDates: [] }] }));
    expect(rules(two)).toContain('C08');
  });

  it('C17: a section 47 more than 15 working days old at the reference date with no conference and no flag is queried, not refused', () => {
    const open = child({}, { section47s: [{ startDate: '2027-02-01', initialCpcTarget: null, dateOfInitialCpc: null, icpcNotRequired: false }], plans: [] });
    expect(validateCensus([open], YEAR, days)).toEqual([expect.objectContaining({ rule: 'C17', severity: 'query' })]);
    const flagged = child({}, { section47s: [{ startDate: '2027-02-01', initialCpcTarget: null, dateOfInitialCpc: null, icpcNotRequired: true }], plans: [] });
    expect(validateCensus([flagged], YEAR, days)).toEqual([]);
  });

  it('says dates in words, never ISO', () => {
    const [failure] = validateCensus([child({}, { closureDate: '2026-08-01', reasonForClosure: 'RC1' })], YEAR, days);
    expect(failure?.message).toContain('1 August 2026');
    expect(failure?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the census file', () => {
  const xml = censusXml([child({ laChildId: 'DEMO0001', disabilities: ['NONE'] })], YEAR, { laCode: '999', softwareVersion: '0.1.0', serialNo: 1, generatedAt: '2027-04-02T09:00:00Z' });
  it('carries the header and the child’s identifiers and plan', () => {
    expectText(xml, {
      shows: [
        '<Collection>CIN</Collection>',
        '<ReferenceDate>2027-03-31</ReferenceDate>',
        '<LEA>999</LEA>',
        '<LAchildID>DEMO0001</LAchildID>',
        '<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>',
        '<LatestCategoryOfAbuse>MUL</LatestCategoryOfAbuse>',
        '<CPPreviewDate>2026-08-20</CPPreviewDate>',
      ],
    });
  });
  it('carries each child in need plan’s dates', () => {
    expect(xml).toContain('<CINPlanDates>\n          <CINPlanStartDate>2026-05-15</CINPlanStartDate>\n          <CINPlanEndDate>2026-05-26</CINPlanEndDate>\n        </CINPlanDates>');
  });
  it('keeps the groups of an episode in the census order', () => {
    const order = ['<CINreferralDate>', '<Assessments>', '<CINPlanDates>', '<Section47>', '<ReferralNFA>', '<ChildProtectionPlans>'].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  it('escapes what it writes', () => {
    const odd = censusXml([child({ ethnicity: '<&>' })], YEAR, { laCode: '999', softwareVersion: '0', serialNo: 1, generatedAt: 'x' });
    expect(odd).toContain('<Ethnicity>&lt;&amp;&gt;</Ethnicity>');
  });
});
