import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { PACK_IDS } from '../../../domain/packs/index.js';
import { TS_RULE_IDS } from '../../../domain/packs/index.js';

function parseFrom(value: string): Temporal.PlainDate | Temporal.PlainDateTime | null {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Temporal.PlainDate.from(value, { overflow: 'reject' });
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Temporal.PlainDateTime.from(value, { overflow: 'reject' });
  } catch {
    return null;
  }
  return null;
}

export const calculatorForm = z.object({
  rule: z.enum(TS_RULE_IDS, { error: 'Select the timescale rule' }),
  pack: z.enum(PACK_IDS, { error: 'Select the partnership' }),
  fromDate: z
    .string({ error: 'Enter the date to count from' })
    .trim()
    .min(1, 'Enter the date to count from')
    .refine((v) => parseFrom(v) !== null && v.length === 10, 'Enter a real date, like 2026-01-14'),
  fromTime: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Enter a time like 09:30, or leave it blank'),
  conferenceType: z
    .enum(['initial', 'review', ''])
    .optional()
    .transform((v) => (v ? v : undefined)),
  intervalWeeks: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d{1,2}$/.test(v) && Number(v) > 0), 'Enter a whole number of weeks, like 4'),
});

export function fromValue(date: string, time: string | undefined): Temporal.PlainDate | Temporal.PlainDateTime {
  return (time ? parseFrom(`${date}T${time}`) : parseFrom(date)) as Temporal.PlainDate | Temporal.PlainDateTime;
}
