import { z } from 'zod';
import { DISABILITY_CODES, ETHNICITY_CODES, EU_SETTLEMENT } from '../../../domain/records/census-codes.js';
import { asArray } from '../../forms.js';

const realDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const optionalDate = (label: string) =>
  z.string().trim().optional().transform((v) => (v ? v : null)).refine((v) => v === null || realDate(v), `Enter ${label} as a real date, like 2019-05-01`);
const optionalText = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().transform((v) => (v ? v : null));
const yes = z.string().optional().transform((v) => v === 'yes');

export const personForm = z.object({
  kind: z.enum(['child', 'adult'], { error: 'Say whether this is a child or an adult' }),
  unborn: yes,
  givenNames: z.string().trim().max(120, 'Given names must be 120 characters or fewer').default(''),
  familyName: z.string({ error: 'Enter the family name' }).trim().min(1, 'Enter the family name').max(120, 'Family name must be 120 characters or fewer'),
  aliases: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const parts = line.split(/\s+/);
          const familyName = parts.pop() ?? '';
          return { givenNames: parts.join(' '), familyName };
        }),
    ),
  dateOfBirth: optionalDate('the date of birth'),
  expectedDeliveryDate: optionalDate('the expected date of delivery'),
  sex: z.enum(['M', 'F', 'U', '']).optional().transform((v) => (v ? v : null)),
  gender: optionalText(60),
  ethnicity: z.string().optional().transform((v) => (v ? v : null)).refine((v) => v === null || v in ETHNICITY_CODES, 'Choose an ethnicity from the list'),
  firstLanguage: optionalText(60),
  interpreterNeeded: yes,
  disabilities: z.preprocess(asArray, z.array(z.string().refine((v) => v in DISABILITY_CODES, 'Choose disabilities from the list'))),
  communicationNeeds: optionalText(500),
  learningDisability: yes,
  nationality: optionalText(60),
  immigrationStatus: optionalText(120),
  euSettlementStatus: z.string().optional().transform((v) => (v ? v : null)).refine((v) => v === null || v in EU_SETTLEMENT, 'Choose a status from the list'),
  nhsNumber: optionalText(20),
  gpName: optionalText(120),
  gpPractice: optionalText(200),
  laChildId: optionalText(20),
  version: z.coerce.number().int().optional(),
});

export const searchForm = z.object({
  name: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
  dateOfBirth: z.string().trim().optional().transform((v) => (v ? v : undefined)).refine((v) => v === undefined || realDate(v), 'Enter the date of birth as a real date, like 2019-05-01'),
  address: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
});

export const birthForm = z.object({
  givenNames: z.string({ error: 'Enter the baby’s given names' }).trim().min(1, 'Enter the baby’s given names').max(120),
  dateOfBirth: z.string({ error: 'Enter the date of birth' }).trim().min(1, 'Enter the date of birth').refine(realDate, 'Enter the date of birth as a real date, like 2026-03-01'),
  sex: z.enum(['M', 'F', 'U'], { error: 'Choose the baby’s sex' }),
});

export const addressForm = z.object({
  line1: z.string({ error: 'Enter the first line of the address' }).trim().min(1, 'Enter the first line of the address').max(200),
  line2: optionalText(200),
  town: z.string({ error: 'Enter the town' }).trim().min(1, 'Enter the town').max(100),
  postcode: z.string({ error: 'Enter the postcode' }).trim().regex(/^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/, 'Enter a real postcode, like ZZ1 1AA'),
  fromDate: z.string({ error: 'Enter the date they moved in' }).trim().refine(realDate, 'Enter the date they moved in as a real date'),
  socialHousing: yes,
});

export const openCaseForm = z.object({
  openedOn: z.string({ error: 'Enter the date the case opened' }).trim().refine(realDate, 'Enter the date the case opened as a real date'),
  primaryNeedCode: z.enum(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9', '']).optional().transform((v) => (v ? v : null)),
  socialWorkerId: z.string().optional().transform((v) => (v ? v : null)),
  teamManagerId: z.string().optional().transform((v) => (v ? v : null)),
});
