import { describe, expect, it } from 'vitest';
import { headingsFor } from './headings.js';
import { sectionField, sectionsInOrder, submissionProblems, draftProblems, legalActionProblems, legalActionStatementChanged, type ReportSection } from './report-content.js';

const filled = (kind: 'social-work' | 'agency', type: 'initial' | 'review'): ReportSection[] =>
  headingsFor(kind, type).map((h) => ({ heading: h.heading, text: `About ${h.heading}`, marking: 'fact', secondHand: false }));

describe('RP1: the social work report headings', () => {
  it('covers chronology, genogram, lived experience, needs, parenting, analysis, recommendation and dates seen', () => {
    const headings = headingsFor('social-work', 'initial').map((h) => h.heading.toLowerCase()).join(' | ');
    for (const word of ['chronology', 'genogram', 'lived experience', 'developmental needs', 'parenting capacity', 'environmental', 'wishes and feelings', 'analysis', 'recommendation', 'seen alone']) {
      expect(headings).toContain(word);
    }
  });
  it('adds progress against the plan, visit dates and proposed revisions for a review', () => {
    const initial = headingsFor('social-work', 'initial');
    const review = headingsFor('social-work', 'review').map((h) => h.heading);
    expect(review.length).toBe(initial.length + 3);
    expect(review).toContain('Progress against each point of the previous plan');
    expect(review).toContain('Dates of visits to each child');
    expect(review).toContain('Proposed revisions to the plan');
    expect(initial.map((h) => h.heading)).not.toContain('Proposed revisions to the plan');
  });
});

describe('RP2: agency report headings (Staffordshire minimum)', () => {
  it('covers involvement, health, other adults, concerns, strengths, child’s views, parenting, analysis', () => {
    const headings = headingsFor('agency', 'initial').map((h) => h.heading.toLowerCase()).join(' | ');
    for (const word of ['involvement', 'health and development', 'other adults', 'concerns', 'strengths', "child's views", 'parenting capacity', 'analysis']) {
      expect(headings).toContain(word);
    }
  });
  it('adds involvement since the last conference, outcomes and new concerns for a review', () => {
    const review = headingsFor('agency', 'review').map((h) => h.heading);
    expect(review).toEqual(expect.arrayContaining(['Involvement since the last conference', 'Outcomes of the work carried out', 'New issues or concerns']));
  });
});

describe('RP3 and RP4 on submission', () => {
  it('a complete, marked report has no problems', () => {
    expect(submissionProblems('agency', 'initial', { sections: filled('agency', 'initial'), confidential: null })).toEqual([]);
  });
  it('RP3: a written contribution without a fact/observation/allegation/opinion marking is refused', () => {
    const sections = filled('agency', 'initial');
    sections[2] = { ...sections[2]!, marking: null };
    const problems = submissionProblems('agency', 'initial', { sections, confidential: null });
    expect(problems).toEqual([expect.objectContaining({ field: sectionField(2, 'marking') })]);
  });
  it('RP1: a required heading left empty is refused; an optional one is not', () => {
    const sections = filled('social-work', 'review').filter((s) => s.heading !== 'Proposed revisions to the plan');
    const problems = submissionProblems('social-work', 'review', { sections, confidential: null });
    expect(problems.map((p) => p.message)).toEqual(['Write “Proposed revisions to the plan”']);
    const agency = filled('agency', 'initial').filter((s) => s.heading !== 'Other relevant information');
    expect(submissionProblems('agency', 'initial', { sections: agency, confidential: null })).toEqual([]);
  });
  it('RP4: a confidential section needs its reasons and its kind, even in a draft', () => {
    const content = { sections: [], confidential: { text: 'Secret police matter', reason: '', categories: [] } };
    expect(draftProblems(content).map((p) => p.field)).toEqual(['confidentialReason', 'confidentialCategories']);
    expect(draftProblems({ sections: [], confidential: { text: 'x', reason: 'Live investigation', categories: ['police-information'] } })).toEqual([]);
  });
  it('keeps sections in heading order, filling the headings not yet written', () => {
    const ordered = sectionsInOrder('agency', 'initial', [{ heading: 'Parenting capacity', text: 'Warm', marking: 'observation', secondHand: true }]);
    expect(ordered).toHaveLength(headingsFor('agency', 'initial').length);
    expect(ordered.find((s) => s.heading === 'Parenting capacity')?.text).toBe('Warm');
    expect(ordered[0]?.text).toBe('');
  });
});

describe('003: the social work report says whether it recommends legal action', () => {
  it.each([
    { name: 'no answer, saving a draft', kind: 'social-work', statement: { recommended: null, recommendation: '' }, answerRequired: false, fields: [] },
    { name: 'no answer, submitting', kind: 'social-work', statement: { recommended: null, recommendation: '' }, answerRequired: true, fields: ['legalActionRecommended'] },
    { name: 'no legal action', kind: 'social-work', statement: { recommended: false, recommendation: '' }, answerRequired: true, fields: [] },
    { name: 'legal action without the recommendation, submitting', kind: 'social-work', statement: { recommended: true, recommendation: ' ' }, answerRequired: true, fields: ['legalActionRecommendation'] },
    { name: 'legal action without the recommendation, a draft', kind: 'social-work', statement: { recommended: true, recommendation: '' }, answerRequired: false, fields: [] },
    { name: 'legal action with the recommendation', kind: 'social-work', statement: { recommended: true, recommendation: 'Apply for a care order' }, answerRequired: true, fields: [] },
    { name: 'a recommendation too long', kind: 'social-work', statement: { recommended: true, recommendation: 'x'.repeat(4001) }, answerRequired: false, fields: ['legalActionRecommendation'] },
    { name: 'an agency report is not asked', kind: 'agency', statement: { recommended: null, recommendation: '' }, answerRequired: true, fields: [] },
  ] as const)('$name → $fields', ({ kind, statement, answerRequired, fields }) => {
    expect(legalActionProblems(kind, statement, { answerRequired }).map((p) => p.field)).toEqual(fields);
  });

  it('submitting a social work report needs the answer', () => {
    const sections = filled('social-work', 'initial');
    expect(submissionProblems('social-work', 'initial', { sections, confidential: null, legalAction: { recommended: null, recommendation: '' } }).map((p) => p.field)).toEqual(['legalActionRecommended']);
    expect(submissionProblems('social-work', 'initial', { sections, confidential: null, legalAction: { recommended: false, recommendation: '' } })).toEqual([]);
  });

  it.each([
    { name: 'the same recommendation', before: { recommended: true, recommendation: 'Care order' }, after: { recommended: true, recommendation: 'Care order' }, changed: false },
    { name: 'a different recommendation', before: { recommended: true, recommendation: 'Care order' }, after: { recommended: true, recommendation: 'Supervision order' }, changed: true },
    { name: 'withdrawn', before: { recommended: true, recommendation: 'Care order' }, after: { recommended: false, recommendation: '' }, changed: true },
    { name: 'first answered', before: { recommended: null, recommendation: null }, after: { recommended: false, recommendation: '' }, changed: true },
    { name: 'still no legal action', before: { recommended: false, recommendation: null }, after: { recommended: false, recommendation: '' }, changed: false },
  ] as const)('a service manager’s answer stands unless the statement changed: $name', ({ before, after, changed }) => {
    expect(legalActionStatementChanged(before, after)).toBe(changed);
  });
});
