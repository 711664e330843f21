import { describe, expect, it } from 'vitest';
import { bringForwardPrompts, iroConsultationProblems, type BringForwardEvent } from './bring-forward.js';

const s47: BringForwardEvent = { trigger: 'new-section-47', on: '2026-05-04', detail: 'Section 47 enquiry began' };
const baby: BringForwardEvent = { trigger: 'baby-due', on: '2026-06-01', detail: 'Unborn baby joined the household' };
const before: BringForwardEvent = { trigger: 'new-section-47', on: '2026-02-01', detail: 'Before the plan' };
const base = { planStart: '2026-03-02', events: [baby, s47, before], recorded: [], reviewsHeld: [] };

describe('RV2: reasons to bring the review forward, noticed from the records', () => {
  it('prompts for each event after the plan started, earliest first', () => {
    expect(bringForwardPrompts(base)).toEqual([s47, baby]);
  });
  it.each([
    [{ recorded: [{ trigger: 'new-section-47', occurredOn: '2026-05-04' }] }, [baby]],
    [{ recorded: [{ trigger: 'new-section-47', occurredOn: '2026-05-01' }] }, [s47, baby]], // a reason recorded before the event does not answer it
    [{ recorded: [{ trigger: 'baby-due', occurredOn: '2026-06-02' }] }, [s47]],
    [{ reviewsHeld: ['2026-05-20'] }, [baby]],
    [{ reviewsHeld: ['2026-06-10'] }, []],
  ])('%o answers: %o left', (extra, left) => {
    expect(bringForwardPrompts({ ...base, ...extra })).toEqual(left);
  });
});

describe('RV2 in newcastle: the IRO consulted for a looked-after child (004 2.2.9)', () => {
  const base = { required: true, iroConsultedName: 'Ira Reviewford', iroConsultedOn: '2026-04-15', iroConsultedNote: 'The IRO agrees the review can wait.', eventOn: '2026-04-10', today: '2026-04-20' };
  it.each([
    { name: 'consulted and said', change: {}, fields: [] },
    { name: 'not asked where it does not apply', change: { required: false, iroConsultedName: '', iroConsultedOn: '', iroConsultedNote: '' }, fields: [] },
    { name: 'who was consulted not given', change: { iroConsultedName: ' ' }, fields: ['iroConsultedName'] },
    { name: 'nothing given', change: { iroConsultedName: '', iroConsultedOn: '', iroConsultedNote: '' }, fields: ['iroConsultedName', 'iroConsultedOn', 'iroConsultedNote'] },
    { name: 'no date', change: { iroConsultedOn: '' }, fields: ['iroConsultedOn'] },
    { name: 'before the event', change: { iroConsultedOn: '2026-04-09' }, fields: ['iroConsultedOn'] },
    { name: 'in the future', change: { iroConsultedOn: '2026-04-21' }, fields: ['iroConsultedOn'] },
    { name: 'nothing said', change: { iroConsultedNote: ' ' }, fields: ['iroConsultedNote'] },
  ])('$name → $fields', ({ change, fields }) => {
    expect(iroConsultationProblems({ ...base, ...change }).map((p) => p.field)).toEqual(fields);
  });
});
