import { describe, expect, it } from 'vitest';
import { advocacyProblems, advocacyStatus, childRequestOutstanding, childRequestProblems } from './requests-and-advocacy.js';

const TODAY = '2026-03-10';

describe('IN10 a child’s request not acted on', () => {
  const base = { request: 'To live with her dad.', reasons: 'Her dad’s home is not safe yet.', sharedWithChildOn: null, sharedHow: '' };
  it.each([
    { name: 'reasons recorded, not yet shared', change: {}, fields: [] },
    { name: 'shared with how', change: { sharedWithChildOn: '2026-03-09', sharedHow: 'Explained at her school with her teacher.' }, fields: [] },
    { name: 'no reasons', change: { reasons: ' ' }, fields: ['reasons'] },
    { name: 'no request', change: { request: '' }, fields: ['request'] },
    { name: 'shared in the future', change: { sharedWithChildOn: '2026-03-11', sharedHow: 'At home.' }, fields: ['sharedWithChildOn'] },
    { name: 'shared without how', change: { sharedWithChildOn: '2026-03-09' }, fields: ['sharedHow'] },
    { name: 'how without a date', change: { sharedHow: 'At home.' }, fields: ['sharedWithChildOn'] },
  ])('$name → $fields', ({ change, fields }) => {
    expect(childRequestProblems({ ...base, ...change }, TODAY).map((p) => p.field)).toEqual(fields);
  });

  it('stays outstanding until the reasons are shared with the child', () => {
    expect(childRequestOutstanding({ sharedWithChildOn: null })).toBe(true);
    expect(childRequestOutstanding({ sharedWithChildOn: '2026-03-09' })).toBe(false);
  });
});

describe('IN10 an advocate considered for a parent', () => {
  const base = { learningDisability: true, mentalHealthNeed: false, decision: 'referred', reasons: '', followUp: '', followedUpOn: null };
  it.each([
    { name: 'referred, follow-up to come', change: {}, fields: [] },
    { name: 'no need ticked', change: { learningDisability: false }, fields: ['need'] },
    { name: 'no decision', change: { decision: null }, fields: ['decision'] },
    { name: 'not referred without reasons', change: { decision: 'not-referred' }, fields: ['reasons'] },
    { name: 'not referred with a follow-up', change: { decision: 'not-referred', reasons: 'Has a supporter.', followUp: 'x', followedUpOn: '2026-03-01' }, fields: ['followUp'] },
    { name: 'followed up without saying what', change: { followedUpOn: '2026-03-09' }, fields: ['followUp'] },
    { name: 'followed up in the future', change: { followedUpOn: '2026-03-11', followUp: 'Advocate allocated.' }, fields: ['followedUpOn'] },
    { name: 'mental health need, followed up', change: { learningDisability: false, mentalHealthNeed: true, followedUpOn: '2026-03-09', followUp: 'Advocate allocated.' }, fields: [] },
  ])('$name → $fields', ({ change, fields }) => {
    expect(advocacyProblems({ ...base, ...change }, TODAY).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    { need: { learningDisability: false, mentalHealthNeed: false }, record: null, status: 'not-needed' },
    { need: { learningDisability: true, mentalHealthNeed: false }, record: null, status: 'to-consider' },
    { need: { learningDisability: false, mentalHealthNeed: true }, record: { decision: null, followedUpOn: null }, status: 'to-consider' },
    { need: { learningDisability: true, mentalHealthNeed: false }, record: { decision: 'referred', followedUpOn: null }, status: 'follow-up-due' },
    { need: { learningDisability: true, mentalHealthNeed: false }, record: { decision: 'referred', followedUpOn: '2026-03-09' }, status: 'done' },
    { need: { learningDisability: true, mentalHealthNeed: false }, record: { decision: 'not-referred', followedUpOn: null }, status: 'done' },
  ])('status $status', ({ need, record, status }) => {
    expect(advocacyStatus(need, record)).toBe(status);
  });
});
