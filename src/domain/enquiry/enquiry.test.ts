import { describe, expect, it } from 'vitest';
import { foldText } from '../matching/normalise.js';
import { enquiryAnswer, type EnquiryFacts } from './answer.js';
import { checkCaller, formatPhone, normalisePhone } from './caller.js';
import { noticesForAnswer, unknownChildKey } from './notices.js';
import { expectText } from '../../../test/support/page-expectations.js';

describe('RG2: the call-back number', () => {
  it.each([
    ['01632 960000', '01632960000'],
    ['+44 1632 960000', '01632960000'],
    ['0044 (1632) 960-000', '01632960000'],
    ['020 7946 0000', '02079460000'],
    ['999', null],
    ['0163', null],
    ['01632 96000O', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it('recognises only an active line with the same number; anything else needs a reason', () => {
    const directory = [
      { id: 'a', agency: 'Demoshire Police control room', phone: '01632960000', active: true },
      { id: 'b', agency: 'Old number', phone: '01632960111', active: false },
    ];
    expect(checkCaller(directory, '01632960000')).toEqual({ recognised: true, line: directory[0] });
    expect(checkCaller(directory, '01632960111')).toEqual({ recognised: false, reasonRequired: true });
    expect(checkCaller(directory, '01632960999')).toEqual({ recognised: false, reasonRequired: true });
  });

  it('reads numbers out in groups', () => {
    expect(formatPhone('01632960000')).toBe('01632 960000');
    expect(formatPhone('02079460000')).toBe('020 7946 0000');
  });
});

const facts = (extra: Partial<EnquiryFacts> = {}): EnquiryFacts => ({
  name: 'Alpha Testington', aliases: [], dateOfBirth: '2019-05-04',
  addresses: [{ text: '1 Example Row, Demotown ZZ1 1AA', current: true }], carers: ['Demi Testington (mother)'],
  plans: [], conferencesWithoutPlan: [], caseOpen: null, keyWorker: null, dutyNumber: '01632 960500', authority: 'Demoshire Council', othersOnPlanAtAddress: 0,
  ...extra,
});

describe('RG3: the answer, one sentence per recorded fact', () => {
  it('a child on a plan now, with an open case and key worker', () => {
    const lines = enquiryAnswer(facts({
      aliases: ['Alfie Testington'],
      plans: [{ startDate: '2026-03-02', endDate: null, endReason: null, categories: ['NEG', 'EMO'] }],
      caseOpen: true, keyWorker: 'Sam Sampleford, 01632 960321',
    }));
    expect(lines).toEqual([
      'Alpha Testington, born 4 May 2019.',
      'Also known as Alfie Testington.',
      'Lives at 1 Example Row, Demotown ZZ1 1AA.',
      'Parents or carers recorded: Demi Testington (mother).',
      'On a child protection plan with Demoshire Council since 2 March 2026, under the category of neglect and emotional abuse.',
      'The case is open; the key worker is Sam Sampleford, 01632 960321.',
      'Out of hours, call the duty team on 01632 960500.',
    ]);
  });

  it('a child who was on a plan, and whose later conference made none', () => {
    const lines = enquiryAnswer(facts({
      addresses: [{ text: '2 Past Lane ZZ2 2BB', current: false }],
      plans: [{ startDate: '2024-01-10', endDate: '2025-02-11', endReason: 'review-conference-decision', categories: ['PHY'] }],
      conferencesWithoutPlan: ['2026-06-01'], caseOpen: false, othersOnPlanAtAddress: 2, dutyNumber: null, carers: [],
    }));
    expectText(lines, {
      shows: [
        'No current address is recorded.',
        'Previously lived at 2 Past Lane ZZ2 2BB.',
        'No parents or carers are recorded.',
        'Not on a child protection plan with Demoshire Council now.',
        'Was on a plan from 10 January 2024 to 11 February 2025; it ended because a review conference decided the child no longer needed one.',
        'A child protection conference on 1 June 2026 decided that no plan was needed.',
        'The case is closed; no key worker is recorded.',
        '2 other children at the same address are on a plan.',
      ],
    });
    expect(lines.at(-1)).toBe('Out of hours, call the duty team: no number is recorded for it here.');
    expect(lines.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a child with no case at all', () => {
    expect(enquiryAnswer(facts())).toContain('No case has been opened for this child.');
  });
});

describe('RG4: who is told', () => {
  it('an open case tells its lead social worker; other children on plans at the address tell theirs', () => {
    expect(noticesForAnswer({ childId: 'c1', caseOpen: true, leadSocialWorkerId: 'sw1', plansAtAddress: [{ childId: 'c1', leadSocialWorkerId: 'sw1' }, { childId: 'c2', leadSocialWorkerId: 'sw2' }] }))
      .toEqual([{ kind: 'open-case', userId: 'sw1', childId: 'c1' }, { kind: 'same-address', userId: 'sw2', childId: 'c2' }]);
  });
  it('a closed case with nobody on a plan at the address tells nobody', () => {
    expect(noticesForAnswer({ childId: 'c1', caseOpen: false, leadSocialWorkerId: 'sw1', plansAtAddress: [] })).toEqual([]);
  });
  it('the same unknown child asked about twice has the same key, whatever the spelling of case and accents', () => {
    expect(unknownChildKey({ given: 'Zoë Ann', family: "O'Brien", dob: '2020-01-02' }, foldText)).toBe(unknownChildKey({ given: 'zoe', family: 'OBrien', dob: '2020-01-02' }, foldText));
    expect(unknownChildKey({ given: 'Zoe', family: 'Obrien', dob: '2020-01-03' }, foldText)).not.toBe(unknownChildKey({ given: 'Zoe', family: 'Obrien', dob: '2020-01-02' }, foldText));
  });
});
