import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { section47FamilyRecordDocument, type Section47FamilyRecordInput } from './section-47-outcome-record.js';

const base: Section47FamilyRecordInput = {
  authorityName: 'Sampleshire Council', recipientName: 'Demi Testington', forChild: false, childName: 'Alpha Testington', startedOn: '2026-02-16',
  outcome: 'continuing-risk', outcomeRecordedOn: '2026-03-06', socialWorkerName: 'Sam Sampleford', conferenceOn: null, format: 'standard', language: 'English', interpreter: false,
  visits: [{ date: '2026-02-17', seenAlone: true }],
};

const text = (over: Partial<Section47FamilyRecordInput>) => documentText(section47FamilyRecordDocument({ ...base, ...over })).replace(/\s+/g, ' ');

/** FD6: each statement the family's copy makes comes from the field holding that fact, and never its opposite. */
describe('FD6: the family’s copy of the section 47 outcome states what the record holds', () => {
  const cases: { title: string; over: Partial<Section47FamilyRecordInput>; says: string[]; never: string[] }[] = [
    { title: 'not substantiated', over: { outcome: 'not-substantiated' }, says: ['did not find that Alpha Testington has suffered'], never: ['continuing risk', 'conference will be held', 'was harmed'] },
    { title: 'harmed, no continuing risk', over: { outcome: 'no-continuing-risk' }, says: ['was harmed, but is not thought to be at continuing risk', 'There will not be a child protection conference.'], never: ['did not find', 'conference will be held'] },
    { title: 'continuing risk, conference not booked', over: { outcome: 'continuing-risk' }, says: ['may be at continuing risk', 'An initial child protection conference will be held', 'as soon as it is booked'], never: ['did not find', 'There will not be', 'It is booked for'] },
    { title: 'continuing risk, conference booked', over: { conferenceOn: '2026-03-20' }, says: ['It is booked for Friday 20 March 2026.'], never: ['as soon as it is booked'] },
    { title: 'seen alone', over: {}, says: ['Tuesday 17 February 2026: seen alone.'], never: ['present'] },
    { title: 'seen with someone, and why', over: { visits: [{ date: '2026-02-17', seenAlone: false, whoWasPresent: 'her grandmother', whyNotAlone: 'She was unwell.' }] }, says: ['seen with her grandmother present. Why: She was unwell.'], never: ['seen alone'] },
    { title: 'no visits recorded', over: { visits: [] }, says: ['No visit to the child is recorded.'], never: ['seen alone'] },
    { title: 'another language and an interpreter', over: { language: 'Polish', interpreter: true }, says: ['You asked for this in Polish, with an interpreter.'], never: [] },
    { title: 'English with an interpreter (sign language)', over: { interpreter: true }, says: ['with an interpreter'], never: ['You asked for this in'] },
    { title: 'English, no interpreter', over: {}, says: [], never: ['interpreter', 'You asked for this in'] },
    { title: 'no social worker named', over: { socialWorkerName: null }, says: ['Please talk to your social worker.'], never: ['Sam Sampleford'] },
    { title: 'for the child', over: { forChild: true, recipientName: 'Alpha Testington', outcome: 'not-substantiated' }, says: ['Dear Alpha Testington,', 'we talked with you on your own', 'We did not find that you have been seriously harmed'], never: ['section 47 enquiry', 'Demi'] },
  ];
  it('says what each record holds and never the opposite', () => {
    for (const c of cases) {
      const t = text(c.over);
      for (const s of c.says) expect(t, `${c.title}: says ${s}`).toContain(s);
      for (const n of c.never) expect(t, `${c.title}: never ${n}`).not.toContain(n);
    }
  });

  it('is marked as the family’s copy and names the format it was given in', () => {
    expect(text({ format: 'easy-read' })).toContain('FAMILY COPY');
    expect(text({ format: 'easy-read' })).toContain('Family copy. Easy read.');
  });
});
