import type { FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { auditChildReads } from '../modules/audit/child-access.js';
import { londonDateTimeOf } from '../domain/calendar/london-time.js';

// Field builders shared by the front-door forms: one message per field, in GOV.UK words.

/** Text that must be given: `message` when it is missing, `tooLong` when it passes `max` characters. */
export const requiredText = (message: string, max = 5000, tooLong = `This must be ${max} characters or fewer`) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong);

export const optionalText = (max = 5000) =>
  z.string().trim().max(max, `This must be ${max} characters or fewer`).optional().transform((v) => v ?? '');

/** A YYYY-MM-DD date that exists (not 2026-02-30, nor 2026-13-01). */
export function realDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export const dateField = (message: string) =>
  z.string({ error: message }).trim().min(1, message).refine(realDate, 'Enter a real date, like 2026-03-02');

export const optionalDateField = () =>
  z.string().trim().optional().transform((v) => (v ? v : undefined)).refine((v) => v === undefined || realDate(v), 'Enter a real date, like 2026-03-02, or leave it blank');

export const timeField = (message: string) =>
  z.string({ error: message }).trim().min(1, message).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30');

export const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');

/** The London date and time now, to pre-fill "when" fields with. */
export function londonNowParts(now: Date): { date: string; time: string } {
  const local = londonDateTimeOf(now);
  return { date: local.toPlainDate().toString(), time: local.toPlainTime().toString().slice(0, 5) };
}

/** Every page showing a child's front-door record says so in the audit trail. */
export async function auditReads(request: FastifyRequest, childIds: readonly string[], recordType: string, recordId?: string): Promise<void> {
  const db = request.server.convene.db;
  const context = request.actionContext();
  await auditChildReads(db, context, childIds, recordId ? { recordType, recordId } : { recordType });
}
