import { normaliseCategories } from '../domain/conference/categories.js';
import { CONFERENCE_KIND_LABELS } from '../domain/conference/kinds.js';
import type { OutlinePlanContent } from '../domain/conference/outline-plan.js';
import type { OnwardSharingConsent } from '../domain/conference/meeting-rules.js';
import type { Block, DocumentModel } from './document-model.js';
import { english, inFamilyLanguage, type FamilyLanguage, type Translator } from './family-language.js';
import type { ChildOutcomeData, ConferenceDocumentData } from './meeting-document-data.js';

/** RC4's notice in each language, keyed on whose consent applies: every code has its sentence in every file. */
const CONFIDENTIALITY_KEYS: Record<OnwardSharingConsent, string> = {
  chair: 'decisions.confidentiality',
  'chair-or-lead-professional': 'decisions.confidentialityLead',
};

/**
 * RC4's notice for a reader of `tr`'s language: in English, the notice as the procedures word it;
 * in another, the same notice from its file, chosen by the consent code (issue 14).
 */
export function confidentialityText(data: Pick<ConferenceDocumentData, 'confidentialityNotice' | 'confidentialityConsent'>, tr: Translator): string {
  return tr.code === 'en' ? data.confidentialityNotice : tr.t(CONFIDENTIALITY_KEYS[data.confidentialityConsent]);
}

const dateIn = (tr: Translator) => (d: string | null): string => (d ? tr.date(d) : tr.t('common.notSet'));

/** PL1 as printed: the outline plan in the order the conference drew it up. */
export function outlinePlanBlocks(plan: OutlinePlanContent, tr: Translator = english()): Block[] {
  const t = tr.t;
  const blocks: Block[] = [
    {
      type: 'keyValue',
      rows: [
        [t('decisions.plan.riskStatement'), plan.riskStatement],
        [t('decisions.plan.aim'), plan.aim],
        [t('decisions.plan.outcomes'), plan.outcomes],
        [t('decisions.plan.shortTerm'), plan.shortTermObjectives],
        [t('decisions.plan.longTerm'), plan.longTermObjectives],
        [t('decisions.plan.nonNegotiable'), plan.nonNegotiables],
        [t('decisions.plan.immediate'), plan.immediateActions],
        [t('decisions.plan.visits'), plan.visitFrequencyWeeks ? t('decisions.plan.visitsEvery', { count: plan.visitFrequencyWeeks }) : t('common.notSet')],
        [t('decisions.plan.contingency'), plan.contingency],
        [t('decisions.plan.endConditions'), plan.endConditions],
        [t('decisions.plan.explainedToChild'), plan.explainedToChild],
        [t('decisions.plan.familyLanguage'), `${plan.familyLanguage}${plan.familyCopyArrangements ? ` (${plan.familyCopyArrangements})` : ''}`],
      ],
    },
  ];
  if (plan.actions.length > 0) {
    blocks.push({
      type: 'table',
      head: [t('decisions.plan.action'), t('decisions.plan.who'), t('decisions.plan.byWhen'), t('decisions.plan.checkedBy')],
      rows: plan.actions.map((a) => [a.action, a.ownerIsProfessional && a.ownerJobTitle ? `${a.owner} (${a.ownerJobTitle})` : a.owner, a.timescale, a.checkedBy]),
    });
  }
  return blocks;
}

function categoriesText(codes: readonly string[], tr: Translator): string {
  const known = normaliseCategories(codes);
  return known.length === 0 ? tr.t('decisions.categoryNone') : known.map((c) => tr.t(`decisions.categories.${c}`)).join(', ');
}

/** TS10's content for one child: outcome, category, lead social worker, core group, dates, and what else the outcome needs. */
export function childDecisionRows(c: ChildOutcomeData, tr: Translator = english()): [string, string][] {
  const t = tr.t;
  const date = dateIn(tr);
  const rows: [string, string][] = [[t('decisions.decision'), t(`decisions.outcome.${c.outcome}`)]];
  if (c.outcome === 'plan') {
    rows.push(
      [t('decisions.category'), categoriesText(c.categories, tr)],
      [t('decisions.leadSocialWorker'), c.leadSocialWorker ?? (c.contactTeamManager ? t('decisions.notAllocated', { name: c.contactTeamManager }) : t('decisions.notNamed'))],
      [t('decisions.coreGroup'), c.coreGroupMembers.map((m) => `${m.name} (${m.role})`).join('; ')],
      [t('decisions.firstCoreGroup'), date(c.firstCoreGroupOn)],
      [t('decisions.reviewConference'), c.earlyReview ? t('decisions.earlyReview', { date: date(c.reviewOn) }) : date(c.reviewOn)],
      [t('decisions.reviewTriggers'), c.reviewTriggers ?? ''],
    );
    if (c.childrensCentre) rows.push([t('decisions.childrensCentre'), c.childrensCentre === 'told' ? t('decisions.childrensCentreTold') : t('decisions.childrensCentreNotTold', { reason: c.childrensCentreReason ?? '' })]);
  }
  if (c.childInNeedRecommendation) rows.push([t('decisions.childInNeed'), c.childInNeedRecommendation]);
  if (c.legalActionRecommendation) rows.push([t('decisions.legalAction'), c.legalActionRecommendation]);
  if (c.outcome === 'adjourned') {
    rows.push([t('decisions.interimSafetyPlan'), c.interimSafetyPlan ?? ''], [t('decisions.reconvenesBy'), date(c.reconvenedBy)]);
  }
  if (c.furtherConferenceBy) rows.push([t('decisions.overruled'), date(c.furtherConferenceBy)]);
  if (c.writtenViewsSoughtBy && c.writtenResponsesBy) {
    rows.push([t('decisions.writtenViews'), t('decisions.writtenViewsDates', { sought: date(c.writtenViewsSoughtBy), responses: date(c.writtenResponsesBy) })]);
  }
  return rows;
}

/** "Sampleshire Council, conference held on 2 March 2026": the authority, never the procedures' internal name. */
export function documentSubtitle(data: ConferenceDocumentData, tr: Translator = english()): string {
  return tr.t('decisions.subtitle', { authority: data.authority.name, date: tr.date(data.conferenceDate) });
}

/** Who to ask about the document: the chair, through the authority's conference team. */
export function contactText(data: ConferenceDocumentData, tr: Translator = english()): string {
  const t = tr.t;
  const ways = [data.authority.phone ? t('invitation.reachPhone', { phone: data.authority.phone }) : null, data.authority.email ? t('invitation.reachEmail', { email: data.authority.email }) : null].filter(Boolean);
  return t('decisions.contact', { authority: data.authority.name, ways: ways.length ? t('decisions.contactWays', { ways: ways.join(t('invitation.reachOr')) }) : '', chair: data.chairName });
}

/** What follows the conference for each child, from the decisions themselves (dates as recorded). */
export function nextSteps(data: ConferenceDocumentData, familyCopy: boolean, tr: Translator = english()): string[] {
  const t = tr.t;
  const steps: string[] = [];
  for (const c of data.children) {
    if (c.outcome === 'plan') {
      if (c.firstCoreGroupOn) steps.push(t('decisions.stepCoreGroup', { name: c.name, date: tr.date(c.firstCoreGroupOn) }));
      if (c.reviewOn) steps.push(t('decisions.stepReview', { name: c.name, date: tr.date(c.reviewOn) }));
    } else if (c.outcome === 'adjourned' && c.reconvenedBy) {
      steps.push(t('decisions.stepReconvene', { name: c.name, date: tr.date(c.reconvenedBy) }));
    }
  }
  steps.push(t('decisions.stepRecord'));
  if (familyCopy) steps.push(t('decisions.stepDisagree'));
  return steps;
}

/** The conference's kind in the words of the language: the record holds its English label. */
function kindLabel(label: string, tr: Translator): string {
  if (tr.code === 'en') return label;
  const entry = Object.entries(CONFERENCE_KIND_LABELS).find(([, l]) => l === label);
  return tr.t(`conferenceKind.${entry ? entry[0] : 'other'}.title`);
}

/**
 * The decisions sheet sent within TS10 to every invitee and the family: per child the outcome,
 * category, lead social worker, core group, first core group and review dates, and the outline
 * plan. The family copy can be written in the family's language (issue 14): what the conference
 * wrote in its own words (the plan, the reasons) stays as written.
 */
export function decisionsSheetDocument(data: ConferenceDocumentData, options: { version: number; familyCopy: boolean }, tr: Translator = english()): DocumentModel {
  const t = tr.t;
  const blocks: Block[] = [
    {
      type: 'keyValue',
      rows: [
        [t('decisions.conference'), kindLabel(data.conferenceKindLabel, tr)],
        [t('decisions.heldOn'), tr.date(data.conferenceDate)],
        [t('decisions.chair'), data.chairName],
        [t('decisions.issue'), String(options.version)],
      ],
    },
  ];
  for (const child of data.children) {
    blocks.push({ type: 'heading', text: child.dateOfBirth ? t('decisions.childBorn', { name: child.name, date: tr.date(child.dateOfBirth) }) : child.name });
    blocks.push({ type: 'keyValue', rows: childDecisionRows(child, tr) });
    if (child.outcome === 'plan' && child.outline) {
      blocks.push({ type: 'heading', text: t('decisions.outlinePlanFor', { name: child.name }) }, ...outlinePlanBlocks(child.outline, tr));
    }
  }
  if (data.householdChildren.length > 0) {
    blocks.push({ type: 'paragraph', text: t('decisions.otherChildren', { names: data.householdChildren.join(', ') }) });
  }
  blocks.push({ type: 'heading', text: t('decisions.whatNext') }, { type: 'list', items: nextSteps(data, options.familyCopy, tr) });
  blocks.push({ type: 'heading', text: t('decisions.questions') }, { type: 'paragraph', text: contactText(data, tr) });
  // RC4's notice as the procedures word it; in another language, the same notice from its file.
  blocks.push({ type: 'paragraph', text: confidentialityText(data, tr) });
  return {
    title: t('decisions.title'),
    subtitle: documentSubtitle(data, tr),
    marking: options.familyCopy ? t('decisions.marking') : 'CONFIDENTIAL',
    blocks,
    footer: t('decisions.footer'),
  };
}

/** The family's copy for one family member: in their language and then English, where their record says so (issue 14). */
export function familyDecisionsSheet(data: ConferenceDocumentData, version: number, language: FamilyLanguage): DocumentModel {
  return inFamilyLanguage(language, (tr) => decisionsSheetDocument(data, { version, familyCopy: true }, tr));
}
