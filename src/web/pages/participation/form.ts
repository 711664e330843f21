import { z } from 'zod';
import { MEETING_PARTS } from '../../../domain/conference/meeting-parts.js';
import { EXCLUSION_GROUNDS, NOT_GROUNDS, RECORD_WITHHELD_GROUNDS } from '../../../domain/participation/exclusion.js';
import {
  ADVOCACY_CONSENT,
  CHILD_ASSESSMENT_QUESTIONS,
  CHILD_ATTENDANCE,
  CHILD_WISHES,
  INTERPRETER_RELATIONSHIPS,
  PREPARATION_ITEMS,
  VIEWS_ROUTES,
} from '../../../domain/participation/participation.js';
import { asArray } from '../../forms.js';

const yes = z.preprocess((v) => v === 'yes', z.boolean());
const optional = z.string().trim().max(2000).optional().transform((v) => (v ? v : null));
const version = z.coerce.number().int().min(0).default(0);

export const childParticipationForm = z
  .object({
    ...Object.fromEntries(CHILD_ASSESSMENT_QUESTIONS.map((q) => [`assessment_${q}`, z.string().trim().max(2000).optional().default('')])),
    wish: z.enum(CHILD_WISHES, { error: "Select the child's wish about attending" }),
    attendance: z.enum(CHILD_ATTENDANCE, { error: 'Select whether the child attends' }),
    withParent: yes,
    preMeetingWithChair: yes,
    viewsRoutes: z.preprocess(asArray, z.array(z.enum(VIEWS_ROUTES))),
    advocacyOfferedOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Enter the date as YYYY-MM-DD'),
    advocacyConsent: z.enum(ADVOCACY_CONSENT, { error: 'Select the answer to the offer of an advocate' }),
    version,
  })
  .transform((v) => {
    const record = v as unknown as Record<string, string>;
    return { ...v, assessment: Object.fromEntries(CHILD_ASSESSMENT_QUESTIONS.map((q) => [q, record[`assessment_${q}`] ?? ''])) };
  });

export const familyParticipationForm = z
  .object({
    firstLanguage: optional,
    interpreterNeeded: yes,
    interpreterName: z.string().trim().max(200).optional().default(''),
    interpreterRelationship: z.enum(INTERPRETER_RELATIONSHIPS).optional(),
    interpreterAccredited: yes,
    learningDisability: yes,
    needsTranslation: yes,
    adjustments: optional,
    supporterName: optional,
    preparation: z.preprocess(asArray, z.array(z.enum(PREPARATION_ITEMS))),
    version,
  })
  .transform((v) => ({
    firstLanguage: v.firstLanguage,
    interpreter: { needed: v.interpreterNeeded, name: v.interpreterName, relationship: v.interpreterRelationship ?? null, accredited: v.interpreterAccredited },
    learningDisability: v.learningDisability,
    needsTranslation: v.needsTranslation,
    adjustments: v.adjustments,
    supporterName: v.supporterName,
    preparation: v.preparation,
    version: v.version,
  }));

export const exclusionRequestForm = z.object({
  invitationId: z.string({ error: 'Select the family member' }).uuid('Select the family member'),
  reasons: z.preprocess(asArray, z.array(z.enum([...EXCLUSION_GROUNDS, ...NOT_GROUNDS]))),
  evidence: z.string().trim().max(4000).optional().default(''),
  scope: z.enum(['whole', 'part'], { error: 'Select whether it is the whole conference or part of it' }),
});

export const exclusionDecisionForm = z.object({
  decision: z.enum(['excluded', 'refused'], { error: 'Select the decision' }),
  reasons: z.string().trim().max(4000).optional().default(''),
  period: z.string().trim().max(500).optional().default(''),
  legalAdviceTaken: yes,
  excludedParts: z.preprocess(asArray, z.array(z.enum(MEETING_PARTS, { error: 'Select parts from the list' }))),
  recordScope: z.enum(['whole', 'attended-part'], { error: 'Say which record they will get' }).optional().transform((v) => v ?? null),
  recordWithheldGround: z.enum(RECORD_WITHHELD_GROUNDS, { error: 'Select a ground from the list' }).optional().transform((v) => v ?? null),
  version: z.coerce.number().int().min(1),
});
