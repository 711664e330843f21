import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { decisionsSheetDocument, familyDecisionsSheet } from './decisions-sheet.js';
import { meetingRules } from '../domain/conference/meeting-rules.js';
import { confidentialityNotice } from '../domain/conference/record-rules.js';
import { childOutcome, recordData } from './meeting-document-fixture.test-support.js';
import { expectText } from '../../test/support/page-expectations.js';

describe('decisions sheet (TS10, DC6, PL1)', () => {
  it('gives outcome, category, lead social worker, core group, dates and the outline plan per child', () => {
    const text = documentText(decisionsSheetDocument(recordData(), { version: 1, familyCopy: false }));
    for (const expected of [
      'Decision: Child protection plan',
      'Category: Neglect',
      'Lead social worker: Sam Sampleford',
      'Core group: Demi Testington (Mother); Hana Exampleton (Health visitor)',
      'First core group: 12 March 2026',
      'Review conference: 28 May 2026',
      'Outline plan for Alpha Testington',
      'Weigh Alpha fortnightly | Hana Exampleton (Health visitor) | Every 2 weeks | Lead social worker',
      'Social worker visits: At least every 2 weeks',
      'Other children in the household considered: Beta Testington.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('CONFIDENTIAL');
    expect(text).not.toContain('FAMILY COPY');
  });
  it('issue 14: the subtitle names the authority and the day, never the procedures’ internal name; it ends with next steps and a contact', () => {
    const data = recordData();
    const doc = decisionsSheetDocument(data, { version: 1, familyCopy: true });
    expect(doc.subtitle).toBe('Sampleshire Council, conference held on 2 March 2026');
    expect(doc.subtitle).not.toContain(data.areaName);
    expectText(documentText(doc), {
      shows: [
        'What happens next',
        'Alpha Testington: the core group first meets by 12 March 2026',
        'Alpha Testington: the review conference is due by 28 May 2026',
        'contact the conference team at Sampleshire Council (phone 01632 960000 or email conferences@sampleshire.example)',
        'complaints leaflet',
      ],
    });
    expect(documentText(decisionsSheetDocument(data, { version: 1, familyCopy: false }))).not.toContain('complaints leaflet');
  });
  it('marks the family copy', () => {
    expect(decisionsSheetDocument(recordData(), { version: 1, familyCopy: true }).marking).toContain('FAMILY COPY');
  });
  it('names the team manager as contact where no lead social worker is allocated', () => {
    const data = recordData({ children: [childOutcome({ leadSocialWorker: null, contactTeamManager: 'Tara Teamlead' })] });
    expect(documentText(decisionsSheetDocument(data, { version: 1, familyCopy: false }))).toContain('contact Tara Teamlead (team manager)');
  });
  it('an adjournment shows the interim safety plan and the reconvening date', () => {
    const data = recordData({ children: [childOutcome({ outcome: 'adjourned', categories: [], interimSafetyPlan: 'Stays with grandmother', reconvenedBy: '2026-03-23', outline: null })] });
    const text = documentText(decisionsSheetDocument(data, { version: 1, familyCopy: false }));
    expect(text).toContain('Interim safety plan: Stays with grandmother');
    expect(text).toContain('The conference reconvenes by: 23 March 2026');
    expect(text).not.toContain('Category');
  });
  it('shows both TS23 dates when ending a plan waits for written views', () => {
    const data = recordData({ children: [childOutcome({ outcome: 'no-plan-cin', childInNeedRecommendation: 'Family support', writtenViewsSoughtBy: '2026-03-16', writtenResponsesBy: '2026-03-30' })] });
    expect(documentText(decisionsSheetDocument(data, { version: 1, familyCopy: false }))).toContain('sought by 16 March 2026, responses by 30 March 2026');
  });
  it('issue 14: the Polish confidentiality notice follows the pack’s consent code, never the English wording', () => {
    const polish = { kind: 'translated', code: 'pl', name: 'Polish' } as const;
    const lead = 'profesjonalisty prowadzącego sprawę (lead professional)';
    // Pan-Dorset's consent includes the lead professional; the English notice here is worded so no text matching could tell.
    const dorset = recordData({ confidentialityNotice: 'This record is confidential.', confidentialityConsent: meetingRules('pan-dorset').record.onwardSharingConsentFrom });
    const dorsetPolish = documentText(familyDecisionsSheet(dorset, 1, polish));
    expect(dorsetPolish).toContain(`bez zgody osoby przewodniczącej konferencji lub ${lead} albo postanowienia sądu`);
    // The English part keeps the notice exactly as the data gives it.
    expect(documentText(decisionsSheetDocument(dorset, { version: 1, familyCopy: true }))).toContain('This record is confidential.');
    // The chair alone, even where the English text happens to mention a lead professional.
    const herts = recordData({ confidentialityNotice: 'Ask the lead professional.', confidentialityConsent: meetingRules('hertfordshire').record.onwardSharingConsentFrom });
    const hertsPolish = documentText(familyDecisionsSheet(herts, 1, polish));
    expect(hertsPolish).toContain('bez zgody osoby przewodniczącej konferencji lub postanowienia sądu');
    expect(hertsPolish).not.toContain(lead);
  });
  it('RC4: the English notice is unchanged by the consent code', () => {
    expect(confidentialityNotice(meetingRules('pan-dorset').record)).toBe('This record is confidential. Do not pass it, or any part of it, to anyone else without the consent of the conference chair or the lead professional, or an order of a court. Keep it securely under your agency\'s rules for child protection records.');
    expect(confidentialityNotice(meetingRules('national').record)).toBe('This record is confidential. Do not pass it, or any part of it, to anyone else without the consent of the conference chair, or an order of a court. Keep it securely under your agency\'s rules for child protection records.');
  });
});
