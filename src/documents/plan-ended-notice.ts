import type { ContinuingSupport, EndingRoute } from '../domain/plans/ending.js';
import { bilingualBody, bilingualLine, english, type FamilyLanguage, type Translator } from './family-language.js';

/** What a plan-ending notice says (EN4, EN5): the same facts for everyone told, in each reader's language. */
export interface PlanEndedFacts {
  /** The person told. */
  name: string;
  /** The child whose plan ended. */
  child: string;
  /** YYYY-MM-DD; printed in words. */
  endedOn: string;
  /** How it ended: a route outside a conference, or a review conference's decision. */
  route: EndingRoute | 'review-decision';
  support: ContinuingSupport;
  /** As the practitioner typed it, in English. */
  details: string;
}

function subject(f: PlanEndedFacts, tr: Translator): string {
  return tr.t('planEnded.subject', { child: f.child });
}

function body(f: PlanEndedFacts, tr: Translator): string {
  const t = tr.t;
  const date = tr.date(f.endedOn);
  const what = f.route === 'review-decision'
    ? t('planEnded.endedByReview', { child: f.child, date })
    : `${t('planEnded.ended', { child: f.child, date })}\n${t('planEnded.how', { route: t(`planEnded.route.${f.route}`) })}`;
  const details = f.details.trim();
  const support = t(`planEnded.continuingSupport.${f.support}`);
  const help = details ? t('planEnded.helpWithDetails', { support, details }) : t('planEnded.help', { support });
  return `${t('common.dear', { name: f.name })}\n\n${what}\n${help}\n\n${t('planEnded.told')}`;
}

/**
 * The "Child protection plan ended" notice: English for professionals; for a family member whose
 * record names a language with a translation file, the subject and body in it first, then the
 * English (issue 14); for a language with no file yet, the English with the interpreter line.
 */
export function planEndedNotice(f: PlanEndedFacts, language?: FamilyLanguage): { subject: string; body: string } {
  return {
    subject: bilingualLine(language, (tr) => subject(f, tr)),
    body: bilingualBody(language, (tr) => body(f, tr), body(f, english())),
  };
}
