import { describe, expect, it } from 'vitest';
import {
  ageInYears, conferenceWarning, defaultShareFormat, isParentForSharing, shareProblems, sharingStatus, understandingProblems, type ShareInput, type SharingFacts,
} from './section-47-sharing.js';

const needs = { firstLanguage: 'English', interpreterNeeded: false, learningDisability: false, communicationNeeds: null };

describe('FD6: sharing the section 47 outcome with the family', () => {
  it('suggests a format and language from the person’s recorded needs', () => {
    const table: [Parameters<typeof defaultShareFormat>[0], 'parent' | 'child', ReturnType<typeof defaultShareFormat>][] = [
      [needs, 'parent', { format: 'standard', language: 'English', interpreter: false }],
      [{ ...needs, firstLanguage: null }, 'parent', { format: 'standard', language: 'English', interpreter: false }],
      [{ ...needs, firstLanguage: 'Polish', interpreterNeeded: true }, 'parent', { format: 'translated', language: 'Polish', interpreter: true }],
      [{ ...needs, learningDisability: true }, 'parent', { format: 'easy-read', language: 'English', interpreter: false }],
      [{ ...needs, firstLanguage: 'Urdu', learningDisability: true }, 'parent', { format: 'translated', language: 'Urdu', interpreter: false }],
      [needs, 'child', { format: 'child-friendly', language: 'English', interpreter: false }],
      [{ ...needs, firstLanguage: 'Arabic', interpreterNeeded: true }, 'child', { format: 'child-friendly', language: 'Arabic', interpreter: true }],
    ];
    for (const [person, recipient, expected] of table) expect(defaultShareFormat(person, recipient)).toEqual(expected);
  });

  it('counts a child’s age in whole years, and none before birth', () => {
    expect(ageInYears('2019-05-01', '2026-04-30')).toBe(6);
    expect(ageInYears('2019-05-01', '2026-05-01')).toBe(7);
    expect(ageInYears(null, '2026-05-01')).toBeNull();
    expect(ageInYears('2026-06-01', '2026-05-01')).toBeNull();
  });

  it('asks for a yes or no on the child’s understanding, with reasons', () => {
    expect(understandingProblems({ understands: null, reasons: '' }).map((p) => p.field)).toEqual(['understands', 'reasons']);
    expect(understandingProblems({ understands: false, reasons: ' ' }).map((p) => p.field)).toEqual(['reasons']);
    expect(understandingProblems({ understands: true, reasons: 'She is 11 and asked what happens next.' })).toEqual([]);
  });

  it('refuses a sharing record without how, format, language or a date between the outcome and today', () => {
    const ok: ShareInput = { method: 'letter', methodDetail: '', format: 'standard', language: 'English', interpreter: false, sharedOn: '2026-03-09' };
    const facts = { today: '2026-03-10', outcomeRecordedOn: '2026-03-06' };
    const table: [Partial<ShareInput>, string[]][] = [
      [{}, []],
      [{ method: null }, ['method']],
      [{ method: 'email' }, ['method']],
      [{ method: 'other' }, ['methodDetail']],
      [{ method: 'other', methodDetail: 'By video call with an interpreter' }, []],
      [{ format: null }, ['format']],
      [{ format: 'braille-ish' }, ['format']],
      [{ language: ' ' }, ['language']],
      [{ format: 'translated', language: 'English' }, ['language']],
      [{ format: 'translated', language: 'Polish' }, []],
      [{ sharedOn: null }, ['sharedOn']],
      [{ sharedOn: '2026-03-11' }, ['sharedOn']],
      [{ sharedOn: '2026-03-05' }, ['sharedOn']],
      [{ sharedOn: '2026-03-06' }, []],
    ];
    for (const [change, fields] of table) expect(shareProblems({ ...ok, ...change }, facts).map((p) => p.field), JSON.stringify(change)).toEqual(fields);
  });

  it('stays outstanding until the child is judged and every parent and a child who understands have it', () => {
    const base: SharingFacts = {
      outcomeRecorded: true,
      parents: [{ personId: 'm', name: 'Mum', shared: false }, { personId: 'd', name: 'Dad', shared: false }],
      child: { personId: 'c', name: 'Child', understands: null, shared: false },
    };
    const table: [SharingFacts, { childJudgementNeeded: boolean; waitingFor: string[]; done: boolean }][] = [
      [base, { childJudgementNeeded: true, waitingFor: ['Mum', 'Dad'], done: false }],
      [{ ...base, child: { ...base.child, understands: false } }, { childJudgementNeeded: false, waitingFor: ['Mum', 'Dad'], done: false }],
      [{ ...base, child: { ...base.child, understands: true } }, { childJudgementNeeded: false, waitingFor: ['Mum', 'Dad', 'Child'], done: false }],
      [{ ...base, parents: base.parents.map((p) => ({ ...p, shared: true })), child: { ...base.child, understands: false } }, { childJudgementNeeded: false, waitingFor: [], done: true }],
      [{ ...base, parents: base.parents.map((p) => ({ ...p, shared: true })), child: { ...base.child, understands: true } }, { childJudgementNeeded: false, waitingFor: ['Child'], done: false }],
      [{ ...base, parents: base.parents.map((p) => ({ ...p, shared: true })), child: { ...base.child, understands: true, shared: true } }, { childJudgementNeeded: false, waitingFor: [], done: true }],
      [{ ...base, parents: [], child: { ...base.child, understands: null } }, { childJudgementNeeded: true, waitingFor: [], done: false }],
    ];
    for (const [facts, expected] of table) expect(sharingStatus(facts)).toEqual({ applies: true, ...expected });
    expect(sharingStatus({ ...base, outcomeRecorded: false })).toEqual({ applies: false, childJudgementNeeded: false, waitingFor: [], done: true });
  });

  it('counts mothers, fathers and anyone with parental responsibility as parents', () => {
    expect(isParentForSharing({ type: 'mother', parentalResponsibility: false })).toBe(true);
    expect(isParentForSharing({ type: 'father', parentalResponsibility: false })).toBe(true);
    expect(isParentForSharing({ type: 'grandparent', parentalResponsibility: true })).toBe(true);
    expect(isParentForSharing({ type: 'step-parent', parentalResponsibility: false })).toBe(false);
    expect(isParentForSharing({ type: 'sibling', parentalResponsibility: false })).toBe(false);
  });

  it('warns before an initial conference, urgently when it is near', () => {
    const waiting = sharingStatus({ outcomeRecorded: true, parents: [{ personId: 'm', name: 'Mum', shared: false }], child: { personId: 'c', name: 'C', understands: false, shared: false } });
    const done = sharingStatus({ outcomeRecorded: true, parents: [{ personId: 'm', name: 'Mum', shared: true }], child: { personId: 'c', name: 'C', understands: false, shared: false } });
    expect(conferenceWarning(waiting, 12)).toBe('warning');
    expect(conferenceWarning(waiting, 5)).toBe('urgent');
    expect(conferenceWarning(waiting, 0)).toBe('urgent');
    expect(conferenceWarning(done, 1)).toBe('none');
  });
});
