import { describe, expect, it } from 'vitest';
import type { DocumentModel } from './document-model.js';
import { documentText } from './document-model.js';
import { conferenceRecordDocument } from './conference-record.js';
import { decisionsSheetDocument } from './decisions-sheet.js';
import type { ChildOutcomeData } from './meeting-document-data.js';
import { childOutcome, recordData } from './meeting-document-fixture.test-support.js';

/**
 * Every statement a conference document makes must come from the field that holds that fact. Each
 * case is a record with differing facts; every document made from it (the record as a professional
 * reads it, the family copy, the decisions sheet) must state what the record holds and never the
 * opposite.
 */
const professional = { family: false, excludedParts: [], wholeRecord: false } as const;
const family = { family: true, excludedParts: [], wholeRecord: false } as const;

function documentsFor(child: ChildOutcomeData): { name: string; doc: DocumentModel; record: boolean }[] {
  const data = recordData({ children: [child] });
  return [
    { name: 'record', doc: conferenceRecordDocument(data, professional), record: true },
    { name: 'family copy of the record', doc: conferenceRecordDocument(data, family), record: true },
    { name: 'decisions sheet', doc: decisionsSheetDocument(data, { version: 1, familyCopy: true }), record: false },
  ];
}

interface StatementCase {
  title: string;
  child: Partial<ChildOutcomeData>;
  /** Said by every document that reports this part of the decision. */
  says: string[];
  /** Said by the record and its family copy (the decisions sheet does not carry the harm tests). */
  recordSays?: string[];
  /** Said by none of them. */
  never: string[];
  /** Only the record reports it (the decisions sheet does not carry it). */
  recordOnly?: boolean;
}

/** The parents' view and the complaints route: only the record and its family copy report them. */
function parentsCase(title: string, child: Pick<ChildOutcomeData, 'parentsView' | 'complaintsRouteExplained'>, says: string[], never: string[]): StatementCase {
  return { title, child, says, never, recordOnly: true };
}

const CASES: StatementCase[] = [
  parentsCase('parents agree, complaints route not explained', { parentsView: 'agree', complaintsRouteExplained: false }, ['The parents agreed with the decision.'], ['disagreed', 'explained the complaints route', 'not present']),
  parentsCase('parents agree and the chair still explained the complaints route', { parentsView: 'agree', complaintsRouteExplained: true }, ['The parents agreed with the decision.', 'The chair explained the complaints route to them.'], ['disagreed']),
  parentsCase('parents disagree and the complaints route was explained', { parentsView: 'disagree', complaintsRouteExplained: true }, ['The parents disagreed with the decision.', 'The chair explained the complaints route to them.'], ['The parents agreed', 'not recorded as explained']),
  parentsCase('parents not present', { parentsView: 'not-present', complaintsRouteExplained: false }, ['The parents were not present for the decision.'], ['disagreed', 'The parents agreed', 'complaints route']),
  parentsCase("parents' view not asked", { parentsView: null, complaintsRouteExplained: false }, [], ['disagreed', 'The parents agreed', 'complaints route', "The parents' view"]),
  {
    title: 'harm suffered but not likely in future (a child in need plan)',
    child: { outcome: 'no-plan-cin', categories: [], sufferedHarm: true, likelyHarm: false, childInNeedRecommendation: 'Family support weekly', outline: null },
    recordSays: ['Has the child suffered significant harm?: Yes.', 'Is the child likely to suffer significant harm in future?: No.'],
    says: ['No plan: a child in need plan is recommended', 'Recommended child in need plan: Family support weekly'],
    never: ['Child protection plan', 'Outline plan for', 'Lead social worker'],
  },
  {
    title: 'quorate, no early review',
    child: { quorate: true, earlyReview: false },
    says: ['Review conference: 28 May 2026'],
    never: ['Not quorate', 'early review'],
  },
  {
    title: 'inquorate with an early review',
    child: { quorate: false, inquorateReasons: 'Only two agencies know the child', earlyReview: true, reviewOn: '2026-04-15' },
    says: ['Review conference: 15 April 2026 (early review: the conference was not quorate)'],
    never: ['28 May 2026'],
  },
  {
    title: "children's centre told",
    child: { childrensCentre: 'told', childrensCentreReason: null },
    says: ["Children's centre: Told, with parental permission"],
    never: ['Not told'],
  },
  {
    title: "children's centre not told",
    child: { childrensCentre: 'not-told', childrensCentreReason: 'The mother refused permission' },
    says: ["Children's centre: Not told: The mother refused permission"],
    never: ['Told, with parental permission'],
  },
];

describe('each statement in each document comes from the field that holds it (DC7, RC2, TS10)', () => {
  for (const c of CASES) {
    for (const { name, doc, record } of documentsFor(childOutcome(c.child))) {
      if (c.recordOnly && !record) continue;
      it(`${c.title}: the ${name} says what the record holds`, () => {
        const text = documentText(doc);
        for (const said of [...c.says, ...(record ? (c.recordSays ?? []) : [])]) expect(text).toContain(said);
        for (const wrong of c.never) expect(text).not.toContain(wrong);
      });
    }
  }
  it('the decisions sheet makes no statement about the parents, whatever the record holds', () => {
    for (const parentsView of ['agree', 'disagree', 'not-present', null] as const) {
      const text = documentText(decisionsSheetDocument(recordData({ children: [childOutcome({ parentsView, complaintsRouteExplained: true })] }), { version: 1, familyCopy: true }));
      expect(text).not.toMatch(/parents (agreed|disagreed|were not present)|complaints route/);
    }
  });
});
