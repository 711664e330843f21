import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { checkBirth, checkPersonDates, euSettlementPrompt, isValidLaChildId } from './person-rules.js';

const today = Temporal.PlainDate.from('2026-03-02');
const fields = (p: Parameters<typeof checkPersonDates>[0], isNew = true) => checkPersonDates(p, today, isNew).map((x) => x.field);

describe('person dates (UB1, census birth date or expected date)', () => {
  it('an unborn child needs an expected date of delivery and no date of birth', () => {
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: null, expectedDeliveryDate: null })).toEqual(['expectedDeliveryDate']);
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: '2026-01-01', expectedDeliveryDate: '2026-06-01' })).toEqual(['dateOfBirth']);
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: null, expectedDeliveryDate: '2026-06-01' })).toEqual([]);
  });
  it('a new unborn child’s delivery date is within the next 10 months and not long past', () => {
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: null, expectedDeliveryDate: '2027-02-01' })).toEqual(['expectedDeliveryDate']);
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: null, expectedDeliveryDate: '2026-01-01' })).toEqual(['expectedDeliveryDate']);
    expect(fields({ kind: 'child', unborn: true, dateOfBirth: null, expectedDeliveryDate: '2026-01-01' }, false)).toEqual([]);
  });
  it('a born child needs a date of birth not in the future', () => {
    expect(fields({ kind: 'child', unborn: false, dateOfBirth: null, expectedDeliveryDate: null })).toEqual(['dateOfBirth']);
    expect(fields({ kind: 'child', unborn: false, dateOfBirth: '2026-03-03', expectedDeliveryDate: null })).toEqual(['dateOfBirth']);
    expect(fields({ kind: 'child', unborn: false, dateOfBirth: '2026-03-02', expectedDeliveryDate: null })).toEqual([]);
  });
  it('an adult may have no date of birth but never an expected date of delivery', () => {
    expect(fields({ kind: 'adult', unborn: false, dateOfBirth: null, expectedDeliveryDate: null })).toEqual([]);
    expect(fields({ kind: 'adult', unborn: false, dateOfBirth: null, expectedDeliveryDate: '2026-05-01' })).toEqual(['expectedDeliveryDate']);
  });
  it('a birth is not in the future and near the expected date', () => {
    expect(checkBirth('2026-03-10', '2026-03-01', today)).toEqual([]);
    expect(checkBirth('2026-03-10', '2026-03-05', today)).toHaveLength(1);
    expect(checkBirth('2026-12-10', '2026-03-01', today)[0]?.message).toMatch(/20 weeks/);
  });
  it('LAchildID is at most 20 letters and digits', () => {
    expect(isValidLaChildId('DEMO0001')).toBe(true);
    expect(isValidLaChildId('A'.repeat(21))).toBe(false);
    expect(isValidLaChildId('AB-12')).toBe(false);
  });
  it('prompts to signpost a family with pre-settled status (CV8)', () => {
    expect(euSettlementPrompt('pre-settled')).toMatch(/5 years/);
    expect(euSettlementPrompt('settled')).toBeNull();
  });
});
