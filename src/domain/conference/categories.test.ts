import { describe, expect, it } from 'vitest';
import { censusCategory, describeCategories, normaliseCategories, sameCategories } from './categories.js';
import { isUnderFive } from './child-age.js';

describe('census category codes (DC4, CENSUS.md)', () => {
  it.each([
    [['NEG'], 'NEG'],
    [['PHY'], 'PHY'],
    [['SAB'], 'SAB'],
    [['EMO'], 'EMO'],
    [['NEG', 'EMO'], 'MUL'],
    [['EMO', 'NEG', 'EMO'], 'MUL'],
    [[], null],
    [['XYZ'], null],
  ] as const)('%j → %s', (codes, expected) => {
    expect(censusCategory(codes)).toBe(expected);
  });
  it('compares lists whatever their order', () => {
    expect(sameCategories(['EMO', 'NEG'], ['NEG', 'EMO'])).toBe(true);
    expect(sameCategories(['NEG'], ['NEG', 'EMO'])).toBe(false);
    expect(normaliseCategories(['EMO', 'NEG', 'EMO'])).toEqual(['NEG', 'EMO']);
    expect(describeCategories(['NEG', 'EMO'])).toBe('Neglect, Emotional abuse');
  });
});

describe('under five (DC8)', () => {
  it.each([
    ['2021-03-03', null, '2026-03-02', true],
    ['2021-03-02', null, '2026-03-02', false],
    ['2015-01-01', null, '2026-03-02', false],
    [null, '2026-07-01', '2026-03-02', true],
    [null, null, '2026-03-02', false],
  ] as const)('born %s, due %s, on %s → %s', (dob, edd, on, expected) => {
    expect(isUnderFive(dob, edd, on)).toBe(expected);
  });
});
