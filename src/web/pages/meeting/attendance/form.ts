import { z } from 'zod';
import { AGENCIES, ATTENDANCE_STATUSES, ATTENDEE_KINDS } from '../../../../domain/conference/agencies.js';
import { MEETING_PARTS } from '../../../../domain/conference/meeting-parts.js';
import { RECORD_WITHHELD_GROUNDS } from '../../../../domain/participation/exclusion.js';
import { asArray, parseRows, type ParsedRows } from '../../../forms.js';

const optional = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().transform((v) => (v ? v : null));
const box = z.string().optional().transform((v) => v === 'yes');

export const attendanceForm = z.object({
  kind: z.enum(ATTENDEE_KINDS, { error: 'Select who they are at the conference' }),
  name: z.string({ error: 'Enter their name' }).trim().min(1, 'Enter their name').max(120, 'Name must be 120 characters or fewer'),
  agency: z.preprocess((v) => (v === '' ? undefined : v), z.enum(AGENCIES, { error: 'Select an agency from the list' }).optional()).transform((v) => v ?? null),
  organisationName: optional(160),
  role: z.string({ error: 'Enter their role' }).trim().min(1, 'Enter their role').max(120),
  status: z.enum(ATTENDANCE_STATUSES, { error: 'Select their attendance' }),
  onBehalfOf: optional(120),
  partsAttended: z.preprocess(asArray, z.array(z.enum(MEETING_PARTS, { error: 'Select parts from the list' }))),
  directContactChildIds: z.preprocess(asArray, z.array(z.string().uuid('Select children from the list'))),
  writtenReportSubmitted: box,
  writtenReportPresented: box,
  supportsAttendanceId: z.string().optional().transform((v) => (v ? v : null)).refine((v) => v === null || z.string().uuid().safeParse(v).success, 'Select the person they support'),
  recordScope: z.enum(['attended-part', 'whole']).optional().transform((v) => v ?? 'attended-part'),
  recordScopeGrounds: optional(1000),
  recordWithheldGround: z.enum(RECORD_WITHHELD_GROUNDS, { error: 'Select a ground from the list' }).optional().transform((v) => v ?? null),
  version: z.string().optional().transform((v) => (v ? Number(v) : null)),
});

export const leavingForm = z.object({
  part: z.enum(MEETING_PARTS, { error: 'Select the part of the conference they left during' }),
  time: z.string({ error: 'Enter the time they left' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM, like 10:45'),
  forRest: z.enum(['rest', 'part'], { error: 'Say whether they left for this part only or for the rest' }).transform((v) => v === 'rest'),
  askedToLeave: z.enum(['yes', 'no'], { error: 'Say whether the chair asked them to leave' }).transform((v) => v === 'yes'),
  reason: optional(1000),
  recordScope: z.enum(['attended-part', 'whole']).optional().transform((v) => v ?? null),
  recordWithheldGround: z.enum(RECORD_WITHHELD_GROUNDS, { error: 'Select a ground from the list' }).optional().transform((v) => v ?? null),
  version: z.coerce.number().int(),
});

/** A row of the attendance table: the fields of the person's own form the table shows, the version it was loaded with, and the row as loaded (a digest, to tell a row this user left alone from one they changed). */
const tableRow = attendanceForm
  .pick({ status: true, onBehalfOf: true, partsAttended: true, directContactChildIds: true, writtenReportSubmitted: true, writtenReportPresented: true })
  .extend({ version: z.coerce.number({ error: 'Reload the page and try again' }).int().min(0), loaded: z.string().max(64).optional() });

export type AttendanceTableInput = z.infer<typeof tableRow> & { attendanceId: string };

/** The attendance table: each invitee's fields as `<field>-<attendance id>`, one message a field. */
export function parseAttendanceTable(body: unknown): ParsedRows<z.infer<typeof tableRow>> {
  return parseRows(tableRow, body, 'status', { onePerField: true });
}
