import { describeCategories } from '../domain/conference/categories.js';
import type { ParentsView } from '../domain/conference/decision.js';
import type { MeetingPart } from '../domain/conference/meeting-parts.js';
import { readerSees, type CopyReader } from '../domain/conference/record-sections.js';
import { RECORD_FORM_LABELS } from '../domain/conference/record-rules.js';
import { formatDate } from '../domain/deadlines/format-date.js';
import type { Block, DocumentModel } from './document-model.js';
import { childDecisionRows, confidentialityText, contactText, documentSubtitle, nextSteps, outlinePlanBlocks } from './decisions-sheet.js';
import { inFamilyLanguage, translator, type FamilyLanguage } from './family-language.js';
import type { ChildOutcomeData, RecordData } from './meeting-document-data.js';

const BASIS_WORDS: Record<string, string> = {
  unanimous: 'the unanimous view of the agencies',
  majority: 'the majority view of the agencies',
  'casting-vote': "the chair's view, the agencies' views being tied",
  overrule: 'the chair overruling the conference',
  chair: "the chair's decision, having heard the views",
};

const answer = (v: boolean | null): string => (v === null ? 'Not answered' : v ? 'Yes' : 'No');

function decisionBlocks(c: ChildOutcomeData): Block[] {
  const rows: [string, string][] = [];
  if (c.outcome !== 'adjourned') {
    rows.push(
      ['Has the child suffered significant harm?', `${answer(c.sufferedHarm)}. ${c.sufferedHarmReasons}`],
      ['Is the child likely to suffer significant harm in future?', `${answer(c.likelyHarm)}. ${c.likelyHarmReasons}`],
    );
  }
  if (c.basis) rows.push(['The decision rests on', BASIS_WORDS[c.basis] ?? c.basis]);
  if (c.overruleReasons) rows.push(["Chair's reasons for overruling", c.overruleReasons]);
  if (!c.quorate) rows.push(['Quorum', `Not quorate for this child. Chair's reasons for going ahead: ${c.inquorateReasons ?? ''}`]);
  if (c.categoryChangeGrounds) rows.push(['Grounds for changing the category', c.categoryChangeGrounds]);
  if (c.variationReason) rows.push(['Reason the earlier outcome was varied', c.variationReason]);
  const parents = parentsSentence(c);
  if (parents) rows.push(["The parents' view of the decision", parents]);
  return [{ type: 'keyValue', rows: [...childDecisionRows(c), ...rows] }];
}

const PARENTS_WORDS: Record<ParentsView, string> = {
  agree: 'The parents agreed with the decision.',
  disagree: 'The parents disagreed with the decision.',
  'not-present': 'The parents were not present for the decision.',
};

/**
 * DC7 as printed: what the parents thought comes from the parents' view the chair recorded, and
 * the complaints route from its own tickbox, so neither sentence is inferred from the other.
 */
export function parentsSentence(c: Pick<ChildOutcomeData, 'parentsView' | 'complaintsRouteExplained'>): string | null {
  const parts: string[] = [];
  if (c.parentsView) parts.push(PARENTS_WORDS[c.parentsView]);
  if (c.complaintsRouteExplained) parts.push('The chair explained the complaints route to them.');
  else if (c.parentsView === 'disagree') parts.push('The complaints route is not recorded as explained.');
  return parts.length > 0 ? parts.join(' ') : null;
}

function viewBlocks(c: ChildOutcomeData, withDissents: boolean): Block[] {
  const blocks: Block[] = [];
  if (c.views.length > 0) {
    blocks.push({
      type: 'table',
      head: ['Name', 'Agency', 'View', 'Reasons'],
      rows: c.views.map((v) => [v.name, v.agency, v.planNeeded ? `Plan needed (${describeCategories(v.categories)})` : 'No plan needed', v.reasons]),
    });
  }
  if (withDissents && c.dissents.length > 0) {
    blocks.push({ type: 'heading', text: `Dissent from the decision for ${c.name}` }, { type: 'list', items: c.dissents.map((d) => `${d.name} (${d.agency}): ${d.view}`) });
  }
  return blocks;
}

/**
 * The record of the conference (RC1, RC2) as one reader's copy: every block is tagged with the part
 * of the meeting it reports, and a part the reader was excluded from, or a confidential section
 * for a family member, is left out (EX3, RC3, RP4). The confidentiality notice is on every copy (RC4).
 */
export function conferenceRecordDocument(data: RecordData, reader: CopyReader): DocumentModel {
  const blocks: Block[] = [];
  const add = (part: MeetingPart | null, confidential: boolean, ...more: Block[]) => {
    if (readerSees(reader, part, confidential)) blocks.push(...more);
  };
  add(null, false, { type: 'paragraph', text: data.confidentialityNotice });
  add(null, false, {
    type: 'keyValue',
    rows: [
      ['Conference', data.conferenceKindLabel],
      ['Held on', formatDate(data.conferenceDate)],
      ['Chair', data.chairName],
      ['Minutes taken by', data.minuteTakerName ?? 'Not recorded'],
      ['Form of record', RECORD_FORM_LABELS[data.form]],
      ['Version', `${data.version}${data.approvedBy ? `, approved by ${data.approvedBy}${data.approvedOn ? ` on ${formatDate(data.approvedOn)}` : ''}` : ', draft'}`],
      ['Subject children', data.children.map((c) => c.name).join(', ')],
      ...(data.householdChildren.length > 0 ? ([['Other children in the household', data.householdChildren.join(', ')]] as [string, string][]) : []),
    ],
  });
  add(null, false, { type: 'heading', text: 'Attendance' }, {
    type: 'table',
    head: ['Name', 'Role', 'Agency', 'Attendance', 'Parts attended', 'Left', 'Written report'],
    rows: data.attendance.map((a) => [a.name, a.role, a.agency, a.status, a.parts, a.left, a.writtenReport]),
  });
  if (data.exclusions.length > 0) {
    // EX2: the decision and its period are in the record; family copies leave the deliberation out.
    add(null, true, { type: 'heading', text: 'Exclusions' }, {
      type: 'table',
      head: ['Name', 'Grounds', "Chair's decision", 'Excluded from', 'Record they get'],
      rows: data.exclusions.map((x) => [x.name, x.grounds, x.decision, x.excludedFrom, x.recordGiven]),
    });
  }
  for (const { spec, text } of data.sections) {
    if (text.trim() === '') continue;
    add(spec.part, spec.confidential, { type: 'heading', text: spec.heading }, { type: 'paragraph', text });
  }
  for (const child of data.children) {
    add('decision', false, { type: 'heading', text: `Views and decision for ${child.name}` }, ...viewBlocks(child, true), ...decisionBlocks(child));
    if (child.outcome === 'plan' && child.outline) {
      add('plan', false, { type: 'heading', text: `Outline plan for ${child.name}` }, ...outlinePlanBlocks(child.outline));
      if (data.addsRiskDissentsAndContingency) add('plan', false, { type: 'heading', text: `Contingency plan for ${child.name}` }, { type: 'paragraph', text: child.outline.contingency });
    }
  }
  return {
    title: data.form === 'full-minutes' ? 'Minutes of the child protection conference' : "Chair's record of the child protection conference",
    subtitle: documentSubtitle(data),
    marking: reader.family ? 'CONFIDENTIAL - FAMILY COPY' : 'CONFIDENTIAL',
    blocks,
    footer: data.confidentialityNotice,
  };
}

/**
 * A family member's copy of the record where their record names a language with a translation file
 * (issue 14): first, in their language, what the record decides for each child (as far as their copy
 * reaches: a part they were excluded from stays out here too), what happens next and whom to ask,
 * with an interpreter offered for the rest; then their English copy, whole. The professionals' own
 * words are never machine-translated: they stay as written, in the English copy.
 */
export function familyRecordDocument(data: RecordData, reader: CopyReader, language: FamilyLanguage): DocumentModel {
  const record = conferenceRecordDocument(data, reader);
  if (language.kind !== 'translated') return inFamilyLanguage(language, () => record);
  const tr = translator(language.code);
  const t = tr.t;
  const decisions = readerSees(reader, 'decision', false);
  const blocks: Block[] = [
    { type: 'paragraph', text: t(decisions ? 'record.intro' : 'record.introNoDecisions', { date: tr.date(data.conferenceDate) }) },
    { type: 'paragraph', text: t('record.interpreter') },
  ];
  if (decisions) {
    blocks.push({ type: 'heading', text: t('record.decisionsHeading') });
    for (const child of data.children) {
      blocks.push({ type: 'heading', text: child.dateOfBirth ? t('decisions.childBorn', { name: child.name, date: tr.date(child.dateOfBirth) }) : child.name });
      blocks.push({ type: 'keyValue', rows: childDecisionRows(child, tr) });
      if (child.outcome === 'plan' && child.outline && readerSees(reader, 'plan', false)) {
        blocks.push({ type: 'heading', text: t('decisions.outlinePlanFor', { name: child.name }) }, ...outlinePlanBlocks(child.outline, tr));
      }
    }
  }
  const steps = nextSteps(data, true, tr).filter((step) => step !== t('decisions.stepRecord'));
  blocks.push({ type: 'heading', text: t('decisions.whatNext') }, { type: 'list', items: steps });
  blocks.push({ type: 'heading', text: t('decisions.questions') }, { type: 'paragraph', text: contactText(data, tr) });
  blocks.push({ type: 'paragraph', text: confidentialityText(data, tr) });
  blocks.push({ type: 'paragraph', text: t('record.englishFollows') });
  return {
    title: t(data.form === 'full-minutes' ? 'record.titleMinutes' : 'record.titleChair'),
    subtitle: documentSubtitle(data, tr),
    marking: t('record.marking'),
    language: tr.locale,
    blocks,
    footer: data.approvedOn ? t('record.approved', { version: data.version, date: tr.date(data.approvedOn) }) : t('record.draft', { version: data.version }),
    followedBy: record,
  };
}
