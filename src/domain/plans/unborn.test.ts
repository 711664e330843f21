import { describe, expect, it } from 'vitest';
import { birthNotice, birthToRecord, unbornPlanPrompts } from './unborn.js';

describe('UB1 the birth to record', () => {
  it.each([
    { name: 'EDD still to come', child: { dateOfBirth: null, expectedDeliveryDate: '2026-06-16' }, due: false },
    { name: 'EDD today', child: { dateOfBirth: null, expectedDeliveryDate: '2026-06-15' }, due: true },
    { name: 'EDD passed', child: { dateOfBirth: null, expectedDeliveryDate: '2026-06-01' }, due: true },
    { name: 'born already', child: { dateOfBirth: '2026-06-10', expectedDeliveryDate: '2026-06-01' }, due: false },
    { name: 'no EDD (a born child)', child: { dateOfBirth: '2019-01-01', expectedDeliveryDate: null }, due: false },
  ])('$name → $due', ({ child, due }) => {
    expect(birthToRecord(child, '2026-06-15')).toBe(due);
  });

  it('the notice names the child and the date of birth', () => {
    const n = birthNotice({ recipientName: 'Hana', childName: 'Zulu Sampleford', dateOfBirth: '2026-06-12', formerly: 'Unborn Sampleford' });
    expect(n.subject).not.toContain('Zulu');
    expect(n.body).toContain('Name: Zulu Sampleford');
    expect(n.body).toContain('Date of birth: 2026-06-12');
  });
});

describe('UB2 a plan made before the birth', () => {
  const base = { childDateOfBirth: null, planStartDate: '2026-04-01', coreGroupDates: [] as string[], dischargeHomePlan: null };
  it.each([
    { name: 'unborn, nothing yet', change: {}, prompts: ['core-group-before-birth', 'discharge-home-plan'] },
    { name: 'unborn, core group held', change: { coreGroupDates: ['2026-04-20'] }, prompts: ['discharge-home-plan'] },
    { name: 'unborn, discharge plan written', change: { dischargeHomePlan: 'Home with mother after a week on the ward' }, prompts: ['core-group-before-birth'] },
    { name: 'unborn, discharge plan blank spaces', change: { dischargeHomePlan: '  ', coreGroupDates: ['2026-04-20'] }, prompts: ['discharge-home-plan'] },
    { name: 'unborn, both done', change: { coreGroupDates: ['2026-04-20'], dischargeHomePlan: 'Home with mother' }, prompts: [] },
    { name: 'born, no core group yet', change: { childDateOfBirth: '2026-06-10' }, prompts: ['core-group-before-birth'] },
    { name: 'born, core group after the birth', change: { childDateOfBirth: '2026-06-10', coreGroupDates: ['2026-06-12'] }, prompts: [] },
    { name: 'a plan made after the birth', change: { childDateOfBirth: '2026-03-10' }, prompts: [] },
  ])('$name → $prompts', ({ change, prompts }) => {
    expect(unbornPlanPrompts({ ...base, ...change })).toEqual(prompts);
  });
});
