import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { conferenceRecordDocument } from './conference-record.js';
import { childOutcome, recordData } from './meeting-document-fixture.test-support.js';

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
