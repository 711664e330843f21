import type { Section47Outcome } from '../domain/front-door/outcomes.js';
import type { ShareFormat } from '../domain/front-door/section-47-sharing.js';
import type { DocumentModel } from './document-model.js';
import { familyLanguageOf, inFamilyLanguage, translationFiles, type Translator } from './family-language.js';

/**
 * FD6 (`002` 2.78): the family's copy of the record of the section 47 enquiry: when the child was
 * seen, whether alone, and otherwise who was there and why; what the enquiry found and what
 * happens next. Plain English, for a parent or (more simply) for the child. Every sentence comes
 * from a field of the record: the outcome's reasons and anything anyone else said are left out,
 * because they may hold other people's information; the social worker talks them through.
 */
export interface Section47FamilyRecordInput {
  authorityName: string;
  recipientName: string;
  forChild: boolean;
  childName: string;
  startedOn: string;
  outcome: Section47Outcome;
  outcomeRecordedOn: string;
  visits: readonly { date: string; seenAlone: boolean; whoWasPresent?: string | undefined; whyNotAlone?: string | undefined }[];
  socialWorkerName: string | null;
  /** The initial conference, where one is booked: its ISO date. */
  conferenceOn: string | null;
  format: ShareFormat;
  language: string;
  interpreter: boolean;
}

function outcomeText(input: Section47FamilyRecordInput, tr: Translator): string[] {
  const t = tr.t;
  const child = input.childName;
  if (input.forChild) {
    if (input.outcome === 'not-substantiated') return [t('s47.notSubstantiatedChild')];
    if (input.outcome === 'no-continuing-risk') return [t('s47.noContinuingChild'), t('s47.noConferenceChild')];
    return [t('s47.worriedChild'), t('s47.conferenceChild'), input.conferenceOn ? t('s47.conferenceOnChild', { day: tr.day(input.conferenceOn) }) : t('s47.conferenceLaterChild')];
  }
  if (input.outcome === 'not-substantiated') return [t('s47.notSubstantiatedParent', { child })];
  if (input.outcome === 'no-continuing-risk') return [t('s47.noContinuingParent', { child }), t('s47.noConferenceParent')];
  return [t('s47.worriedParent', { child }), t('s47.conferenceParent'), input.conferenceOn ? t('s47.conferenceOnParent', { day: tr.day(input.conferenceOn) }) : t('s47.conferenceLaterParent')];
}

function visitLine(v: Section47FamilyRecordInput['visits'][number], forChild: boolean, tr: Translator): string {
  const day = tr.day(v.date);
  if (v.seenAlone) return tr.t(forChild ? 's47.visitAloneChild' : 's47.visitAloneParent', { day });
  const who = v.whoWasPresent?.trim() ? v.whoWasPresent.trim() : tr.t('s47.someoneElse');
  const why = v.whyNotAlone?.trim() ? tr.t('s47.why', { why: v.whyNotAlone.trim() }) : '';
  return tr.t(forChild ? 's47.visitWithChild' : 's47.visitWithParent', { day, who, why });
}

/** The record in one language, every sentence from the translation files. */
export function section47FamilyRecordIn(input: Section47FamilyRecordInput, tr: Translator): DocumentModel {
  const t = tr.t;
  const you = input.forChild;
  const contact = input.socialWorkerName ?? t(you ? 's47.yourSocialWorkerChild' : 's47.yourSocialWorker');
  const recorded = input.language.trim();
  // In the family's own language the line names that language in its own words ("polski").
  const ownName = translationFiles().get(tr.code)?._language.ownName;
  const language = tr.code !== 'en' && ownName ? ownName : recorded;
  const languageLine = recorded && !/^english$/i.test(recorded)
    ? [{ type: 'paragraph' as const, text: t(input.interpreter ? 's47.inLanguageInterpreter' : 's47.inLanguage', { language, contact }) }]
    : input.interpreter ? [{ type: 'paragraph' as const, text: t('s47.withInterpreter', { contact }) }] : [];
  const visits = input.visits.length
    ? [{ type: 'list' as const, items: input.visits.map((v) => visitLine(v, you, tr)) }]
    : [{ type: 'paragraph' as const, text: t(you ? 's47.noVisitChild' : 's47.noVisitParent') }];
  return {
    title: t(you ? 's47.titleChild' : 's47.titleParent'),
    subtitle: t('s47.subtitle', { authority: input.authorityName, child: input.childName }),
    marking: t('common.familyCopy'),
    blocks: [
      { type: 'paragraph', text: t('common.dear', { name: input.recipientName }) },
      {
        type: 'paragraph',
        text: you
          ? t('s47.introChild', { started: tr.day(input.startedOn) })
          : t('s47.introParent', { started: tr.day(input.startedOn), child: input.childName, finished: tr.day(input.outcomeRecordedOn) }),
      },
      { type: 'heading', text: you ? t('s47.seenChild') : t('s47.seenParent', { child: input.childName }) },
      ...visits,
      { type: 'heading', text: t(you ? 's47.foundChild' : 's47.foundParent') },
      ...outcomeText(input, tr).map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'heading', text: t(you ? 's47.questionsChild' : 's47.questionsParent') },
      { type: 'paragraph', text: t(you ? 's47.askChild' : 's47.askParent', { contact }) },
      ...languageLine,
    ],
    footer: t('s47.footer', { format: t(`s47.format.${input.format}`) }),
  };
}

/**
 * The record as the recipient gets it: in the language the share records (translated, or with an
 * interpreter) and then in English, or in English with a line that an interpreter will go through
 * it where no translation file exists yet (issue 14).
 */
export function section47FamilyRecordDocument(input: Section47FamilyRecordInput): DocumentModel {
  const language = familyLanguageOf({ firstLanguage: input.language, interpreterNeeded: input.interpreter, needsTranslation: input.format === 'translated' });
  return inFamilyLanguage(language, (tr) => section47FamilyRecordIn(input, tr));
}
