import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../documents/document-model.js';
import { familyCopyDocument } from '../../documents/family-copy.js';
import { familyCopyContent } from './family-copy.js';

const source = {
  kind: 'agency' as const,
  childName: 'Alpha Testington',
  conferenceLabel: 'Initial child protection conference',
  conferenceDate: '12 March 2026',
  authorDetails: { organisation: 'Sampleshire Health', author: 'Hana Exampleton', contact: '' },
  sections: [
    { heading: 'Parenting capacity', text: 'Mother attends every appointment.', marking: 'observation' as const, secondHand: false },
    { heading: 'Concerns', text: 'Neighbour reports shouting.', marking: 'allegation' as const, secondHand: true },
    { heading: 'Empty', text: '  ', marking: null, secondHand: false },
  ],
  version: 3,
  confidentialText: 'CONFIDENTIAL-Operation Nightjar',
};

describe('the family copy (RP4, RP5)', () => {
  it('is marked "Family copy" and keeps every written section with its marking and second-hand flag', () => {
    const copy = familyCopyContent(source);
    expect(copy.marking).toBe('Family copy');
    expect(copy.sections.map((s) => s.heading)).toEqual(['Parenting capacity', 'Concerns']);
    expect(copy.sections[1]?.note).toBe('Allegation; second-hand information');
    expect(copy.authorDetails).toEqual([['Organisation', 'Sampleshire Health'], ['Written by', 'Hana Exampleton']]);
  });
  it('never contains the confidential section, whatever it says', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }).filter((s) => s.trim().length >= 8 && !/[\s]/.test(s)), (secret) => {
        const text = documentText(familyCopyDocument(familyCopyContent({ ...source, confidentialText: `zz${secret}zz` })));
        return !text.includes(`zz${secret}zz`);
      }),
    );
    const doc = familyCopyDocument(familyCopyContent(source));
    expect(documentText(doc)).not.toContain('Operation Nightjar');
    expect(documentText(doc)).toContain('FAMILY COPY');
    expect(JSON.stringify(familyCopyContent(source))).not.toContain('Nightjar');
  });
});

describe('the family copy in the family’s language (issue 14)', () => {
  const polish = { kind: 'translated', code: 'pl', name: 'Polish' } as const;
  it('states in Polish what it is, whom it is about and for which conference, then carries the English copy unchanged', () => {
    const content = familyCopyContent({ ...source, conferenceKind: 'review', conferenceOn: '2026-03-12' });
    const doc = familyCopyDocument(content, polish);
    expect(doc.title).toBe('Raport instytucji: egzemplarz dla rodziny');
    expect(doc.subtitle).toBe('Dotyczy: Alpha Testington. Na konferencję przeglądową w sprawie ochrony dziecka w dniu 12 marca 2026.');
    expect(doc.footer).toBe('EGZEMPLARZ DLA RODZINY, wersja 3. Ten egzemplarz jest przeznaczony dla Pana/Pani i osób, które Pana/Panią wspierają. Prosimy go starannie przechować.');
    expect(doc.language).toBe('pl-PL');
    expect(doc.followedBy).toEqual(familyCopyDocument(content));
    expect(documentText(doc)).not.toContain('Nightjar');
  });
  it('says the date is still to be set when the conference has none; the English reader gets the English copy alone', () => {
    const content = familyCopyContent({ ...source, childName: null, conferenceKind: 'initial', conferenceOn: null });
    expect(familyCopyDocument(content, polish).subtitle).toBe('Na wstępną konferencję w sprawie ochrony dziecka; data nie została jeszcze ustalona.');
    expect(familyCopyDocument(content, { kind: 'english' })).toEqual(familyCopyDocument(content));
    expect(familyCopyDocument(content).language).toBeUndefined();
  });
});
