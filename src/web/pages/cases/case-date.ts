import { z } from 'zod';
import { realDate } from '../../form-fields.js';


/** A required date on a case's forms, typed as YYYY-MM-DD: a date that does not exist is refused in the missing date's own words. */
export const caseDate = (missing: string) => z.string({ error: missing }).trim().min(1, missing).refine(realDate, `${missing} as a real date, like 2026-03-01`);
