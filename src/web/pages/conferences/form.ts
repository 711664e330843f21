import { z } from 'zod';
import { CONFERENCE_FORMATS } from '../../../domain/booking/types.js';
import type { BookingInput } from '../../../modules/booking/common.js';
import { dateField, optionalText, requiredText, timeField } from '../../form-fields.js';

const uuid = (message: string) => z.string({ error: message }).trim().regex(/^[0-9a-f-]{36}$/i, message);
const optionalId = z.string().trim().optional().transform((v) => (v ? v : null));
const format = z.enum(CONFERENCE_FORMATS, { error: 'Select how the conference will be held: face to face, virtual or hybrid' });

/** A suggested slot travels as one radio value: date|time|chair|room. */
export function slotValue(s: { date: string; time: string; chairId: string; roomId: string | null }): string {
  return [s.date, s.time, s.chairId, s.roomId ?? ''].join('|');
}

const manual = z.object({
  date: dateField('Enter the date of the conference'),
  time: timeField('Enter the start time, like 10:00'),
  chairId: uuid('Select the chair'),
  roomId: optionalId,
});

const common = {
  format,
  familyRiskAssessment: optionalText(5000),
  iroId: optionalId,
  lacChairArrangement: optionalText(2000),
  version: z.coerce.number({ error: 'The form is out of date: open it again' }).int().positive().optional(),
};

/** The book and rearrange forms: a suggested slot, or the date, time, chair and room typed in. */
export const bookForm = z
  .object({ slot: z.string({ error: 'Select a suggested slot, or choose “another date and time” and fill it in' }).min(1, 'Select a suggested slot, or choose “another date and time” and fill it in'), ...common })
  .passthrough()
  .transform((v, ctx): BookingInput => {
    let chosen: { date: string; time: string; chairId: string; roomId: string | null };
    if (v.slot === 'manual') {
      const parsed = manual.safeParse(v);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        return z.NEVER;
      }
      chosen = parsed.data;
    } else {
      const [date = '', time = '', chairId = '', roomId = ''] = v.slot.split('|');
      const parsed = manual.safeParse({ date, time, chairId, roomId });
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', path: ['slot'], message: 'Select a suggested slot from the list' });
        return z.NEVER;
      }
      chosen = parsed.data;
    }
    return {
      ...chosen, format: v.format, familyRiskAssessment: v.familyRiskAssessment, iroId: v.iroId,
      lacChairArrangement: v.lacChairArrangement, version: v.version,
    };
  });

export const changeReasonFields = {
  reason: requiredText('Enter the reason: conferences are only moved or cancelled in exceptional circumstances', 2000),
  consulted: requiredText('Enter who was consulted (for example the chair, the social worker and the family)', 1000),
};

export const rearrangeReasonForm = z.object(changeReasonFields).passthrough();

export const cancelForm = z.object({
  ...changeReasonFields,
  version: z.coerce.number().int().positive().optional(),
  confirm: z.string().optional(),
});

/** JSON API body: { date, time, chairId, roomId, format } and the optional CV5/CV6 fields. */
export const apiBookForm = z.object({
  date: dateField('Enter the date of the conference'),
  time: timeField('Enter the start time, like 10:00'),
  chairId: uuid('Select the chair'),
  roomId: z.string().trim().nullish().transform((v) => (v ? v : null)),
  format,
  familyRiskAssessment: z.string().max(5000).optional(),
  iroId: z.string().trim().nullish().transform((v) => (v ? v : null)),
  lacChairArrangement: z.string().max(2000).optional(),
  version: z.number().int().positive().optional(),
});

export const outOfTimescaleForm = z.object({
  proposedDate: dateField('Enter the date you propose for the conference'),
  reasons: requiredText('Enter the reasons the conference cannot be held by the due date'),
  riskMonitoring: requiredText('Enter how risk to the children will be monitored until the conference'),
});

export const decisionForm = z.object({
  decision: z.enum(['approved', 'refused'], { error: 'Select whether you authorise the late date' }),
  note: requiredText('Enter your written decision'),
  returnTo: z.string().optional(),
  signaturesSeen: z.coerce.number({ error: 'The form is out of date: open it again' }).int().min(0).max(10).optional(),
});
