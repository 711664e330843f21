import { describeCategories } from '../domain/conference/categories.js';
import { OUTCOME_LABELS } from '../domain/conference/decision.js';
import type { OutlinePlanContent } from '../domain/conference/outline-plan.js';
import { formatDate } from '../domain/deadlines/format-date.js';
import type { Block, DocumentModel } from './document-model.js';
import type { ChildOutcomeData, ConferenceDocumentData } from './meeting-document-data.js';

const date = (d: string | null): string => (d ? formatDate(d) : 'Not set');

/** PL1 as printed: the outline plan in the order the conference drew it up. */
export function outlinePlanBlocks(plan: OutlinePlanContent): Block[] {
  const blocks: Block[] = [
    {
      type: 'keyValue',
      rows: [
        ['Risk statement', plan.riskStatement],
        ['Aim', plan.aim],
        ['Outcomes', plan.outcomes],
        ['Short-term objectives', plan.shortTermObjectives],
        ['Long-term objectives', plan.longTermObjectives],
        ['Non-negotiable', plan.nonNegotiables],
        ['Needs immediate action', plan.immediateActions],
        ['Social worker visits', plan.visitFrequencyWeeks ? `At least every ${plan.visitFrequencyWeeks} week${plan.visitFrequencyWeeks === 1 ? '' : 's'}` : 'Not set'],
        ['Contingency plan', plan.contingency],
        ['What must change before the plan can end', plan.endConditions],
        ['How the plan is explained to the child', plan.explainedToChild],
        ['The family receives the plan in', `${plan.familyLanguage}${plan.familyCopyArrangements ? ` (${plan.familyCopyArrangements})` : ''}`],
      ],
    },
  ];
  if (plan.actions.length > 0) {
    blocks.push({
      type: 'table',
      head: ['Action', 'Who', 'By when', 'Checked by'],
      rows: plan.actions.map((a) => [a.action, a.ownerIsProfessional && a.ownerJobTitle ? `${a.owner} (${a.ownerJobTitle})` : a.owner, a.timescale, a.checkedBy]),
    });
  }
  return blocks;
}

/** TS10's content for one child: outcome, category, lead social worker, core group, dates, and what else the outcome needs. */
export function childDecisionRows(c: ChildOutcomeData): [string, string][] {
  const rows: [string, string][] = [['Decision', OUTCOME_LABELS[c.outcome]]];
  if (c.outcome === 'plan') {
    rows.push(
      ['Category', describeCategories(c.categories)],
      ['Lead social worker', c.leadSocialWorker ?? (c.contactTeamManager ? `Not yet allocated: contact ${c.contactTeamManager} (team manager)` : 'Not named')],
      ['Core group', c.coreGroupMembers.map((m) => `${m.name} (${m.role})`).join('; ')],
      ['First core group', date(c.firstCoreGroupOn)],
      ['Review conference', `${date(c.reviewOn)}${c.earlyReview ? ' (early review: the conference was not quorate)' : ''}`],
      ['The review is brought forward if', c.reviewTriggers ?? ''],
    );
    if (c.childrensCentre) rows.push(["Children's centre", c.childrensCentre === 'told' ? 'Told, with parental permission' : `Not told: ${c.childrensCentreReason ?? ''}`]);
  }
  if (c.childInNeedRecommendation) rows.push(['Recommended child in need plan', c.childInNeedRecommendation]);
  if (c.legalActionRecommendation) rows.push(['Legal action recommended', c.legalActionRecommendation]);
  if (c.outcome === 'adjourned') {
    rows.push(['Interim safety plan', c.interimSafetyPlan ?? ''], ['The conference reconvenes by', date(c.reconvenedBy)]);
  }
  if (c.furtherConferenceBy) rows.push(['The chair overruled the conference; any further conference by', date(c.furtherConferenceBy)]);
  if (c.writtenViewsSoughtBy && c.writtenResponsesBy) {
    rows.push(['Ending the plan waits for written views', `sought by ${date(c.writtenViewsSoughtBy)}, responses by ${date(c.writtenResponsesBy)}`]);
  }
  return rows;
}

/** "Sampleshire Council, conference held on 2 March 2026": the authority, never the procedures' internal name. */
export function documentSubtitle(data: ConferenceDocumentData): string {
  return `${data.authority.name}, conference held on ${formatDate(data.conferenceDate)}`;
}

/** Who to ask about the document: the chair, through the authority's conference team. */
export function contactText(data: ConferenceDocumentData): string {
  const ways = [data.authority.phone ? `phone ${data.authority.phone}` : null, data.authority.email ? `email ${data.authority.email}` : null].filter(Boolean);
  const team = `the conference team at ${data.authority.name}`;
  return `If you have a question about these decisions, contact ${team}${ways.length ? ` (${ways.join(' or ')})` : ''}. The chair was ${data.chairName}.`;
}

/** What follows the conference for each child, from the decisions themselves (dates as recorded). */
export function nextSteps(data: ConferenceDocumentData, familyCopy: boolean): string[] {
  const steps: string[] = [];
  for (const c of data.children) {
    if (c.outcome === 'plan') {
      if (c.firstCoreGroupOn) steps.push(`${c.name}: the core group first meets by ${formatDate(c.firstCoreGroupOn)} to turn the outline plan into a detailed plan.`);
      if (c.reviewOn) steps.push(`${c.name}: the review conference is due by ${formatDate(c.reviewOn)}.`);
    } else if (c.outcome === 'adjourned' && c.reconvenedBy) {
      steps.push(`${c.name}: the conference meets again by ${formatDate(c.reconvenedBy)}.`);
    }
  }
  steps.push('The full record of the conference follows once the chair has approved it.');
  if (familyCopy) steps.push('If you disagree with a decision, tell your social worker or the conference team. The complaints leaflet you were given explains how to complain.');
  return steps;
}

/**
 * The decisions sheet sent within TS10 to every invitee and the family: per child the outcome,
 * category, lead social worker, core group, first core group and review dates, and the outline plan.
 */
export function decisionsSheetDocument(data: ConferenceDocumentData, options: { version: number; familyCopy: boolean }): DocumentModel {
  const blocks: Block[] = [
    {
      type: 'keyValue',
      rows: [
        ['Conference', data.conferenceKindLabel],
        ['Held on', formatDate(data.conferenceDate)],
        ['Chair', data.chairName],
        ['Issue', String(options.version)],
      ],
    },
  ];
  for (const child of data.children) {
    blocks.push({ type: 'heading', text: child.dateOfBirth ? `${child.name} (born ${formatDate(child.dateOfBirth)})` : child.name });
    blocks.push({ type: 'keyValue', rows: childDecisionRows(child) });
    if (child.outcome === 'plan' && child.outline) {
      blocks.push({ type: 'heading', text: `Outline plan for ${child.name}` }, ...outlinePlanBlocks(child.outline));
    }
  }
  if (data.householdChildren.length > 0) {
    blocks.push({ type: 'paragraph', text: `Other children in the household considered: ${data.householdChildren.join(', ')}.` });
  }
  blocks.push({ type: 'heading', text: 'What happens next' }, { type: 'list', items: nextSteps(data, options.familyCopy) });
  blocks.push({ type: 'heading', text: 'Questions' }, { type: 'paragraph', text: contactText(data) });
  blocks.push({ type: 'paragraph', text: data.confidentialityNotice });
  return {
    title: 'Decisions of the child protection conference',
    subtitle: documentSubtitle(data),
    marking: options.familyCopy ? 'CONFIDENTIAL - FAMILY COPY' : 'CONFIDENTIAL',
    blocks,
    footer: 'The full record of the conference follows once the chair has approved it.',
  };
}
