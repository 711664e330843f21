import { CONFERENCE_KIND_LABELS } from '../domain/conference/kinds.js';
import type { Block, DocumentModel } from './document-model.js';
import { english, inFamilyLanguage, type FamilyLanguage, type Translator } from './family-language.js';

export interface LetterContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface ExclusionLetterInput {
  authority: { name: string; email: string | null; phone: string | null };
  recipientName: string;
  conferenceLabel: string;
  /** The conference day in words ("2 March 2026", or "a date still to be set"). */
  conferenceDate: string;
  /** The same day as an ISO date, so another language can write it in its own words; null if not set. */
  conferenceOn?: string | null;
  scope: 'whole' | 'part';
  period: string;
  reasons: string;
  chair: LetterContact | null;
  socialWorker: LetterContact | null;
  supporterName: string | null;
  /** The chair's decision on the record they will get (EX3). */
  recordScope: 'whole' | 'attended-part';
  /** The children whose social work report (family copy) goes with this letter; empty: it follows. */
  reportsEnclosedFor: string[];
}

function reach(c: { email: string | null; phone: string | null }, tr: Translator): string {
  const ways = [c.phone ? tr.t('exclusion.byPhone', { phone: c.phone }) : null, c.email ? tr.t('exclusion.byEmail', { email: c.email }) : null].filter((w): w is string => w !== null);
  return ways.length > 0 ? tr.t('exclusion.reachWrap', { ways: ways.join(tr.t('exclusion.or')) }) : '';
}

/**
 * EX3: the written notice to a family member the chair has excluded (000 § 5 and § 12): why, how to
 * give their views, how they will hear the outcome and what record they will get, that the social
 * work report comes to them, and how to complain. Every sentence is built from a field of the
 * decision or the conference; nothing from the reports themselves is printed in it. The sentences
 * come from the translation files, so it can be written in the family's language (issue 14); the
 * chair's reasons and the period stay as the chair wrote them.
 */
export function exclusionLetterDocument(input: ExclusionLetterInput, tr: Translator = english()): DocumentModel {
  const t = tr.t;
  const part = input.scope === 'whole' ? t('exclusion.anyPart') : t('exclusion.partOf', { period: input.period });
  const chairName = input.chair?.name ?? t('exclusion.theChair');
  const views: string[] = [];
  if (input.socialWorker) views.push(t('exclusion.viewsSocialWorker', { name: input.socialWorker.name, reach: reach(input.socialWorker, tr) }));
  views.push(t('exclusion.viewsWrite', { chair: chairName, reach: input.chair ? reach(input.chair, tr) : '' }));
  if (input.supporterName) views.push(t('exclusion.viewsSupporter', { supporter: input.supporterName }));
  else views.push(t('exclusion.viewsAdvocate'));
  const outcome: string[] = [t('exclusion.outcomeDecisions', { authority: input.authority.name })];
  outcome.push(input.recordScope === 'whole' ? t('exclusion.recordWhole') : t('exclusion.recordPart'));
  const report: Block =
    input.reportsEnclosedFor.length > 0
      ? { type: 'paragraph', text: t('exclusion.reportEnclosed', { children: input.reportsEnclosedFor.join(t('format.listAnd')) }) }
      : { type: 'paragraph', text: t('exclusion.reportFollows', { socialWorker: input.socialWorker?.name ?? t('exclusion.theSocialWorker') }) };
  return {
    title: input.scope === 'whole' ? t('exclusion.titleWhole') : t('exclusion.titlePart'),
    subtitle: t('exclusion.subtitle', { conference: conferenceTitleIn(input.conferenceLabel, tr), date: input.conferenceOn ? tr.date(input.conferenceOn) : input.conferenceDate }),
    marking: t('common.familyCopy'),
    blocks: [
      { type: 'paragraph', text: t('common.dear', { name: input.recipientName }) },
      { type: 'paragraph', text: input.chair ? t('exclusion.decidedNamed', { chair: input.chair.name, part }) : t('exclusion.decided', { part }) },
      { type: 'heading', text: t('exclusion.why') },
      { type: 'paragraph', text: input.reasons },
      ...(input.supporterName ? [{ type: 'paragraph' as const, text: t('exclusion.supporterAlso', { supporter: input.supporterName }) }] : []),
      { type: 'heading', text: t('exclusion.howViews') },
      { type: 'list', items: views },
      { type: 'heading', text: t('exclusion.reportHeading') },
      report,
      { type: 'heading', text: t('exclusion.outcomeHeading') },
      { type: 'list', items: outcome },
      { type: 'heading', text: t('exclusion.unhappy') },
      { type: 'paragraph', text: t('exclusion.complain', { authority: input.authority.name, reach: reach(input.authority, tr), chair: chairName }) },
      { type: 'paragraph', text: t('exclusion.onlyThis', { date: input.conferenceOn ? tr.date(input.conferenceOn) : input.conferenceDate }) },
    ],
    footer: t('exclusion.footer'),
  };
}

/** The conference's kind in the words of the language: the record holds its English label. */
function conferenceTitleIn(label: string, tr: Translator): string {
  if (tr.code === 'en') return label;
  const entry = Object.entries(CONFERENCE_KIND_LABELS).find(([, l]) => l === label);
  return tr.t(`conferenceKind.${entry ? entry[0] : 'other'}.title`);
}

/** The letter for someone whose record names their language: in it and then in English (issue 14). */
export function exclusionLetterFor(input: ExclusionLetterInput, language: FamilyLanguage): DocumentModel {
  return inFamilyLanguage(language, (tr) => exclusionLetterDocument(input, tr));
}
