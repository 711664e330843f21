import { z } from 'zod';
import { CONFIDENTIAL_CATEGORIES, headingsFor, MARKINGS, type ReportKind } from '../../../domain/reports/headings.js';
import { sectionField, type ReportContent } from '../../../domain/reports/report-content.js';
import { SHARE_METHODS } from '../../../modules/reports/share-report.js';
import { asArray } from '../../forms.js';
import { isOneOf } from '../../../domain/choices.js';

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');

/**
 * The report form's body as report content: one text, marking and second-hand box per heading
 * (field names from sectionField), and the confidential section. Unknown markings become null,
 * so the domain check names the field.
 */
export function reportContentFrom(body: unknown, kind: ReportKind, conferenceType: 'initial' | 'review'): ReportContent {
  const b = (body ?? {}) as Record<string, unknown>;
  const sections = headingsFor(kind, conferenceType).map((h, i) => {
    const marking = text(b[sectionField(i, 'marking')]);
    return {
      heading: h.heading,
      text: text(b[sectionField(i, 'text')]),
      marking: h.marked && isOneOf(MARKINGS, marking) ? marking : h.marked ? null : 'opinion',
      secondHand: b[sectionField(i, 'secondHand')] === 'yes',
    };
  });
  const confidentialText = text(b.confidentialText);
  const categories = asArray(b.confidentialCategories).filter((c) => isOneOf(CONFIDENTIAL_CATEGORIES, c));
  const recommended = b.legalActionRecommended === 'yes' ? true : b.legalActionRecommended === 'no' ? false : null;
  return {
    sections,
    confidential: confidentialText ? { text: confidentialText, reason: text(b.confidentialReason), categories } : null,
    // `003`: only the social work report states whether it recommends legal action.
    ...(kind === 'social-work' ? { legalAction: { recommended, recommendation: recommended ? text(b.legalActionRecommendation) : '' } } : {}),
  };
}

/** The form values back from stored content, for the edit page. */
export function formValuesFrom(content: ReportContent, version: number): Record<string, unknown> {
  const values: Record<string, unknown> = { version: String(version) };
  content.sections.forEach((s, i) => {
    values[sectionField(i, 'text')] = s.text;
    values[sectionField(i, 'marking')] = s.marking ?? '';
    values[sectionField(i, 'secondHand')] = s.secondHand ? 'yes' : '';
  });
  values.confidentialText = content.confidential?.text ?? '';
  values.confidentialReason = content.confidential?.reason ?? '';
  values.confidentialCategories = content.confidential?.categories ?? [];
  if (content.legalAction) {
    values.legalActionRecommended = content.legalAction.recommended === null ? '' : content.legalAction.recommended ? 'yes' : 'no';
    values.legalActionRecommendation = content.legalAction.recommendation;
  }
  return values;
}

export const versionForm = z.object({ version: z.coerce.number({ error: 'Open the report again' }).int().min(1) });

export const newReportForm = z.object({
  kind: z.enum(['social-work', 'agency', 'family-views'], { error: 'Select the kind of report' }),
  childId: z.string().optional().transform((v) => (v ? v : null)),
  familyMember: z.string().trim().max(200).optional().transform((v) => (v ? v : null)),
});

export const shareForm = z.object({
  invitationIds: z.preprocess(asArray, z.array(z.string().uuid()).min(1, 'Select the family members the report was shared with')),
  method: z.enum(SHARE_METHODS, { error: 'Select how the report was shared' }),
  language: z.string({ error: 'Enter the language the report was shared in' }).trim().min(1, 'Enter the language the report was shared in').max(60),
  translated: z.preprocess((v) => v === 'yes', z.boolean()),
});

export const disagreementForm = z.object({
  raisedBy: z.string({ error: 'Enter who raised it' }).trim().min(1, 'Enter who raised it').max(200),
  kind: z.enum(['factual-inaccuracy', 'disagreement'], { error: 'Select whether it is a factual inaccuracy or a disagreement' }),
  detail: z.string({ error: 'Describe the point raised' }).trim().min(1, 'Describe the point raised').max(4000),
  outcome: z.enum(['amended', 'noted'], { error: 'Select whether the report was amended or the disagreement noted' }),
});

export const confidentialDecisionForm = z.object({
  confidentialChairDecision: z.string({ error: 'Say how the confidential information will be presented' }).trim().min(1, 'Say how the confidential information will be presented').max(4000),
});
