import { describe, expect, it } from 'vitest';
import { composeCentreList, type CentreListCandidate } from './centre-list.js';
import { ageBandOf, birthRangeOf, csvField, csvLine, postcodeDistrict, quarterOf, sortRegister } from './register-view.js';
import { itAnswersEach } from '../../../test/support/answer-tables.js';

describe('register age bands (RG1)', () => {
  it.each([
    [null, '2026-03-02', 'unborn'],
    ['2026-04-01', '2026-03-02', 'unborn'],
    ['2026-03-02', '2026-03-02', '0-4'],
    ['2021-03-03', '2026-03-02', '0-4'],
    ['2021-03-02', '2026-03-02', '5-9'],
    ['2016-03-02', '2026-03-02', '10-15'],
    ['2010-03-03', '2026-03-02', '10-15'],
    ['2010-03-02', '2026-03-02', '16-17'],
    ['2008-03-03', '2026-03-02', '16-17'],
    ['2008-03-02', '2026-03-02', null],
  ])('born %s, on %s: %s', (dob, on, band) => {
    expect(ageBandOf(dob, on)).toBe(band);
  });

  it('the birth range of a band holds exactly the children ageBandOf puts in it', () => {
    const on = '2026-03-02';
    for (const band of ['0-4', '5-9', '10-15', '16-17'] as const) {
      const { bornAfter, bornOnOrBefore } = birthRangeOf(band, on);
      expect(ageBandOf(bornOnOrBefore, on)).toBe(band);
      expect(ageBandOf(bornAfter, on)).not.toBe(band);
    }
  });
});

describe('register sorting', () => {
  const rows = [
    { familyName: 'Brown', givenNames: 'Ann', planStart: '2025-01-01', nextReviewDue: null, latestCategories: ['NEG'] },
    { familyName: 'Adams', givenNames: 'Zed', planStart: '2025-06-01', nextReviewDue: '2026-04-01', latestCategories: ['EMO'] },
    { familyName: 'Adams', givenNames: 'Amy', planStart: '2024-06-01', nextReviewDue: '2026-03-10', latestCategories: ['PHY'] },
  ];
  it.each([
    ['name', ['Amy', 'Zed', 'Ann']],
    ['plan-start', ['Amy', 'Ann', 'Zed']],
    ['next-review', ['Amy', 'Zed', 'Ann']],
    ['category', ['Zed', 'Ann', 'Amy']],
  ] as const)('by %s', (sort, order) => {
    expect(sortRegister(rows, sort).map((r) => r.givenNames)).toEqual(order);
  });
});

describe('CSV export fields', () => {
  itAnswersEach('%j → %j', csvField, [
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+1', "'-1+1"],
    ['line\nbreak', '"line\nbreak"'],
  ]);
  it('joins a line, empty for null', () => {
    expect(csvLine(['a', null, 3])).toBe('a,,3');
  });
});

describe('quarters and postcode districts (RG6)', () => {
  it.each([
    ['2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s is in %s', (date, quarter, start, end) => {
    expect(quarterOf(date)).toEqual({ quarter, start, end });
  });
  it.each([
    ['ZZ1 2AB', 'ZZ1'],
    ['zz12ab', 'ZZ1'],
    ['ZZ99  9ZZ', 'ZZ99'],
    ['EC1A 1BB', 'EC1A'],
    ['nonsense', null],
  ])('%s is in district %s', (postcode, district) => {
    expect(postcodeDistrict(postcode)).toBe(district);
  });
});

describe('the children’s centre list (RG6, DC8)', () => {
  const base: CentreListCandidate = { childId: 'a', name: 'Ann Example', dateOfBirth: '2024-01-01', expectedDeliveryDate: null, postcode: 'ZZ1 2AB', planStart: '2025-10-01', childrensCentre: 'told' };
  const on = '2026-03-31';
  it('names an under-5 whose parents agreed, counts one whose parents did not or who has no DC8 answer', () => {
    const list = composeCentreList([
      base,
      { ...base, childId: 'b', name: 'Ben Example', childrensCentre: 'not-told' },
      { ...base, childId: 'c', name: 'Cat Example', childrensCentre: null },
    ], ['ZZ1'], on);
    expect(list.named.map((n) => n.childId)).toEqual(['a']);
    expect(list.unnamedCount).toBe(2);
  });
  it('includes an unborn child; leaves out a 5-year-old and a child outside the districts', () => {
    const list = composeCentreList([
      { ...base, childId: 'u', name: 'Unborn Example', dateOfBirth: null, expectedDeliveryDate: '2026-06-01' },
      { ...base, childId: 'five', dateOfBirth: '2021-03-31' },
      { ...base, childId: 'far', postcode: 'ZZ2 1AA' },
      { ...base, childId: 'none', postcode: null },
    ], ['zz1'], on);
    expect(list.named.map((n) => n.childId)).toEqual(['u']);
    expect(list.unnamedCount).toBe(0);
  });
});
