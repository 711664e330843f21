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
