import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { conferenceRecordDocument, familyRecordDocument } from './conference-record.js';
import { childOutcome, recordData } from './meeting-document-fixture.test-support.js';
import { expectText } from '../../test/support/page-expectations.js';

const professional = { family: false, excludedParts: [], wholeRecord: false } as const;
const mother = { family: true, excludedParts: [], wholeRecord: false } as const;
const excludedFather = { family: true, excludedParts: ['analysis'], wholeRecord: false } as const;

describe('the record of the conference (RC2, RC4)', () => {
  it('holds the essential facts, the views, each decision with its reasons, dissent and the outline plan', () => {
    const text = documentText(conferenceRecordDocument(recordData(), professional));
    for (const expected of [
      'Minutes of the child protection conference',
      'Essential facts of the case',
      'Alpha was brought to hospital underweight.',
      'Has the child suffered significant harm?: Yes. Repeated missed health appointments',
      'The decision rests on: the majority view of the agencies',
      'Pat Placeholder (Education): A plan is not needed: Attendance good',
      'Outline plan for Alpha Testington',
      'Demi Testington | Mother',
    ]) {
      expect(text).toContain(expected);
    }
  });
  it('carries the confidentiality notice on every copy', () => {
    for (const reader of [professional, mother, excludedFather]) {
      expect(documentText(conferenceRecordDocument(recordData(), reader))).toContain('This record is confidential. Do not pass it on.');
    }
  });
  it("is called the chair's record when full minutes are not needed", () => {
    expect(conferenceRecordDocument(recordData({ form: 'chairs-record' }), professional).title).toBe("Chair's record of the child protection conference");
  });
  it('pan-dorset adds the contingency plan as its own section', () => {
    const text = documentText(conferenceRecordDocument(recordData({ addsRiskDissentsAndContingency: true }), professional));
    expect(text).toContain('Contingency plan for Alpha Testington');
  });
});

describe('copies per reader (RC3, EX3, RP4)', () => {
  it('a professional copy includes the confidential section', () => {
    expect(documentText(conferenceRecordDocument(recordData(), professional))).toContain('Police intelligence about Zed Unknownson.');
  });
  it('a family copy leaves out the confidential section and is marked', () => {
    const doc = conferenceRecordDocument(recordData(), mother);
    expect(documentText(doc)).not.toContain('Zed Unknownson');
    expect(doc.marking).toContain('FAMILY COPY');
    expect(documentText(doc)).toContain('Quarrelsome household dynamics weighed.');
  });
  it('an excluded father does not get the part he missed', () => {
    const text = documentText(conferenceRecordDocument(recordData(), excludedFather));
    expect(text).not.toContain('Quarrelsome household dynamics');
    expect(text).toContain('Alpha was brought to hospital underweight.');
  });
  it("with the chair's decision to give the whole record, he gets it, still without confidential sections", () => {
    const text = documentText(conferenceRecordDocument(recordData(), { ...excludedFather, wholeRecord: true }));
    expect(text).toContain('Quarrelsome household dynamics');
    expect(text).not.toContain('Zed Unknownson');
  });
  it('someone excluded from the decision does not get the views and decision part', () => {
    const text = documentText(conferenceRecordDocument(recordData({ children: [childOutcome()] }), { family: true, excludedParts: ['decision', 'plan'], wholeRecord: false }));
    expect(text).not.toContain('Views and decision for Alpha Testington');
    expect(text).not.toContain('Outline plan for Alpha Testington');
  });
});

describe('EX2: the exclusion decision and its period are in the record', () => {
  it('the staff and professional copy states who was excluded, why, for which parts, and the record they get', () => {
    const text = documentText(conferenceRecordDocument(recordData(), professional));
    expect(text).toContain('Exclusions');
    expect(text).toContain('Fred Testington | Violence, threats, discriminatory behaviour, or being in an unfit state | Decided before the conference: Threats to staff. Period: while the police report is heard.');
    expect(text).toContain('The parts attended only. Ground: A current criminal investigation that sharing could undermine');
  });
  it('family copies leave the deliberation out', () => {
    for (const reader of [mother, excludedFather]) {
      expect(documentText(conferenceRecordDocument(recordData(), reader))).not.toContain('Threats to staff');
    }
  });
  it('no exclusions, no section', () => {
    expect(documentText(conferenceRecordDocument(recordData({ exclusions: [] }), professional))).not.toContain('Exclusions');
  });
});

describe('issue 14: a family member who reads Polish gets the decisions in Polish, then their English copy', () => {
  const polish = { kind: 'translated', code: 'pl', name: 'Polish' } as const;
  const ownPart = ({ followedBy: _english, ...doc }: ReturnType<typeof familyRecordDocument>) => documentText(doc);

  it('opens in Polish with each child’s decision from the record, offers an interpreter, and is followed by the same English copy the reader would get', () => {
    const data = recordData();
    const doc = familyRecordDocument(data, mother, polish);
    expect(doc.language).toBe('pl-PL');
    expect(doc.title).toBe('Protokół konferencji w sprawie ochrony dziecka');
    expect(doc.marking).toBe('POUFNE – EGZEMPLARZ DLA RODZINY');
    expect(doc.footer).toBe('Wersja 2, zatwierdzona dnia 5 marca 2026.');
    expectText(ownPart(doc), {
      // Every fact from the record: the date, the child, the outcome, the lead social worker, the core group and review dates.
      shows: [
        'To jest protokół konferencji z dnia 2 marca 2026.',
        'Alpha Testington (ur. 4 maja 2019)',
        'Decyzja: Plan ochrony dziecka',
        'Prowadzący pracownik socjalny: Sam Sampleford',
        'Tłumacz może omówić z Panem/Panią cały protokół.',
        '12 marca 2026',
        '28 maja 2026',
      ],
      lacks: [
        // The next steps leave out "the record follows": this is the record.
        'Pełny protokół konferencji zostanie przesłany',
        // The professionals' own words are not in the Polish part (never machine-translated), and nothing confidential anywhere.
        'Alpha was brought to hospital underweight.',
      ],
    });
    expect(documentText(doc)).not.toContain('Zed Unknownson');
    expect(doc.followedBy).toEqual(conferenceRecordDocument(data, mother));
  });

  it('says so when the record is the chair’s record, and leaves out the decisions for a reader excluded from that part', () => {
    const excluded = { family: true, excludedParts: ['decision', 'plan'], wholeRecord: false } as const;
    const doc = familyRecordDocument(recordData({ form: 'chairs-record' }), excluded, polish);
    expect(doc.title).toBe('Sprawozdanie osoby przewodniczącej z konferencji w sprawie ochrony dziecka');
    const own = ownPart(doc);
    expect(own).toContain('Dalej znajduje się cały protokół w języku angielskim');
    expect(own).not.toContain('Decyzja:');
    expect(own).not.toContain('Wstępny plan');
    expect(documentText(doc)).not.toContain('Views and decision for Alpha Testington');
  });

  it('an English reader gets the English copy alone; a language with no file gets it with a line that an interpreter will go through it', () => {
    const data = recordData();
    expect(familyRecordDocument(data, mother, { kind: 'english' })).toEqual(conferenceRecordDocument(data, mother));
    const tigrinya = familyRecordDocument(data, mother, { kind: 'untranslated', name: 'Tigrinya' });
    expect(tigrinya.blocks[0]).toMatchObject({ type: 'paragraph', text: expect.stringContaining('An interpreter will go through it with you in Tigrinya.') });
    expect(tigrinya.blocks.slice(1)).toEqual(conferenceRecordDocument(data, mother).blocks);
  });
});
