import { z } from 'zod';
import type { RecordSectionSpec } from '../../../../domain/conference/record-sections.js';

export const versionOnly = z.object({ version: z.coerce.number({ error: 'Reload the page and try again' }).int().min(0) });

/** The written sections arrive as section_<key>; only the keys of this record's form are kept. */
export function sectionsFrom(body: Record<string, unknown>, specs: readonly RecordSectionSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [s.key, String(body[`section_${s.key}`] ?? '').slice(0, 50_000)]));
}

const box = z.string().optional().transform((v) => v === 'yes');
export const factsForm = z.object({
  newHouseholdMember: box,
  newSection47OnPlanChild: box,
  legalPlanning: box,
  reconvenedAfterComplaint: box,
  directedByHeadOfService: box,
  version: z.coerce.number().int().min(0),
});
