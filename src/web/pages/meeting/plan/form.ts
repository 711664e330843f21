import { z } from 'zod';
import type { PlanAction } from '../../../../domain/conference/outline-plan.js';

const text = z.string().max(8000, 'Must be 8000 characters or fewer').optional().transform((v) => (v ?? '').trim());
export const ACTION_FIELDS = ['action', 'owner', 'jobTitle', 'timescale', 'checkedBy'] as const;

/** Action rows arrive as action_<n>_<field>; a plain form needs no script to add rows. */
export function actionsFrom(body: Record<string, unknown>, rows: number): PlanAction[] {
  const get = (i: number, f: string) => String(body[`action_${i}_${f}`] ?? '').trim();
  return Array.from({ length: rows }, (_, i) => ({
    action: get(i, 'action'),
    owner: get(i, 'owner'),
    ownerIsProfessional: get(i, 'professional') === 'yes',
    ownerJobTitle: get(i, 'jobTitle'),
    timescale: get(i, 'timescale'),
    checkedBy: get(i, 'checkedBy'),
  }));
}

export const outlinePlanFields = z.object({
  riskStatement: text,
  aim: text,
  outcomes: text,
  shortTermObjectives: text,
  longTermObjectives: text,
  nonNegotiables: text,
  immediateActions: text,
  visitFrequencyWeeks: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? Number(v) : null))
    .refine((v) => v === null || Number.isFinite(v), 'Visit frequency must be a number of weeks'),
  contingency: text,
  endConditions: text,
  explainedToChild: text,
  familyLanguage: text,
  familyCopyArrangements: text,
  actionRows: z.coerce.number().int().min(0).max(50).optional().transform((v) => v ?? 0),
  version: z.string().optional().transform((v) => (v ? Number(v) : null)),
});

