import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from '../forms.js';
import { combineDateInputs, dateInputErrors, datePartsOf, parseDateInput, type DateInputResult } from './date-input.js';

const LABEL = 'Date of the conference';

describe('parseDateInput: the GOV.UK date input pattern', () => {
  const table: [string, { day?: string; month?: string; year?: string }, boolean, DateInputResult][] = [
    ['a real date', { day: '2', month: '3', year: '2026' }, true, { ok: true, value: '2026-03-02' }],
    ['leading zeros and spaces', { day: ' 02 ', month: '03', year: '2026 ' }, true, { ok: true, value: '2026-03-02' }],
    ['a month name', { day: '2', month: 'March', year: '2026' }, true, { ok: true, value: '2026-03-02' }],
    ['a month abbreviation', { day: '2', month: 'mar', year: '2026' }, true, { ok: true, value: '2026-03-02' }],
    ['29 February in a leap year', { day: '29', month: '2', year: '2028' }, true, { ok: true, value: '2028-02-29' }],
    ['nothing, required', {}, true, { ok: false, message: 'Enter date of the conference', parts: ['day', 'month', 'year'] }],
    ['nothing, optional', { day: '', month: ' ', year: '' }, false, { ok: true, value: undefined }],
    ['no month', { day: '2', year: '2026' }, true, { ok: false, message: 'Date of the conference must include a month', parts: ['month'] }],
    ['no day', { month: '3', year: '2026' }, true, { ok: false, message: 'Date of the conference must include a day', parts: ['day'] }],
    ['no year', { day: '2', month: '3' }, true, { ok: false, message: 'Date of the conference must include a year', parts: ['year'] }],
    ['no day and month', { year: '2026' }, false, { ok: false, message: 'Date of the conference must include a day and month', parts: ['day', 'month'] }],
    ['no month and year', { day: '2' }, true, { ok: false, message: 'Date of the conference must include a month and year', parts: ['month', 'year'] }],
    ['no day and year', { month: '3' }, true, { ok: false, message: 'Date of the conference must include a day and year', parts: ['day', 'year'] }],
    ['a two-digit year', { day: '2', month: '3', year: '26' }, true, { ok: false, message: 'Year must include 4 numbers', parts: ['year'] }],
    ['a five-digit year', { day: '2', month: '3', year: '20266' }, true, { ok: false, message: 'Year must include 4 numbers', parts: ['year'] }],
    ['a year before 1900', { day: '2', month: '3', year: '1850' }, true, { ok: false, message: 'Date of the conference must be between 1900 and 2100', parts: ['year'] }],
    ['a month of 13', { day: '2', month: '13', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['month'] }],
    ['a day of 32', { day: '32', month: '3', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['day'] }],
    ['a day of 0', { day: '0', month: '3', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['day'] }],
    ['31 April', { day: '31', month: '4', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['day', 'month', 'year'] }],
    ['29 February in a common year', { day: '29', month: '2', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['day', 'month', 'year'] }],
    ['letters in the day', { day: 'x', month: '3', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['day'] }],
    ['a month that is no month', { day: '2', month: 'Smarch', year: '2026' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['month'] }],
    ['letters in the year', { day: '2', month: '3', year: '20x6' }, true, { ok: false, message: 'Date of the conference must be a real date', parts: ['year'] }],
  ];
  for (const [name, parts, required, expected] of table) {
    it(`${name} → ${expected.ok ? String(expected.value) : expected.message}`, () => {
      expect(parseDateInput(parts, LABEL, { required })).toEqual(expected);
    });
  }
});

describe('datePartsOf: a held date shown in the three boxes', () => {
  it('splits an ISO date without leading zeros', () => expect(datePartsOf('2026-03-02')).toEqual({ day: '2', month: '3', year: '2026' }));
  it('leaves the boxes blank for anything else', () => {
    expect(datePartsOf(undefined)).toEqual({ day: '', month: '', year: '' });
    expect(datePartsOf('2 March')).toEqual({ day: '', month: '', year: '' });
  });
});

describe('combineDateInputs and parseForm: a form with a date typed as three boxes', () => {
  const schema = z.object({
    decidedDate: z.string().trim().min(1, 'Enter the date of the decision').regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, like 2026-03-02'),
    reasons: z.string().min(1, 'Enter the reasons'),
  });

  it('a real date reaches the schema as YYYY-MM-DD', () => {
    const body: Record<string, unknown> = { 'decidedDate-day': '2', 'decidedDate-month': '3', 'decidedDate-year': '2026', reasons: 'x' };
    combineDateInputs(body);
    expect(parseForm(schema, body)).toEqual({ ok: true, data: { decidedDate: '2026-03-02', reasons: 'x' } });
  });

  it("a missing month is refused in the pattern's words, linking to the month box, and every box keeps what was typed", () => {
    const body: Record<string, unknown> = { 'decidedDate-day': '2', 'decidedDate-month': '', 'decidedDate-year': '2026', reasons: '' };
    combineDateInputs(body);
    const parsed = parseForm(schema, body);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { field: 'decidedDate', message: 'The date of the decision must include a month', href: '#decidedDate-month', parts: ['month'] },
      { field: 'reasons', message: 'Enter the reasons' },
    ]);
    expect(parsed.values).toMatchObject({ 'decidedDate-day': '2', 'decidedDate-month': '', 'decidedDate-year': '2026' });
  });

  it("all three blank keeps the schema's own 'Enter …' message, linking to the day box", () => {
    const body: Record<string, unknown> = { 'decidedDate-day': '', 'decidedDate-month': '', 'decidedDate-year': '', reasons: 'x' };
    combineDateInputs(body);
    const parsed = parseForm(schema, body);
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ field: 'decidedDate', message: 'Enter the date of the decision', href: '#decidedDate-day' }]);
  });

  it('a refused optional date refuses the form even when its schema would take anything', () => {
    const loose = z.object({ decidedDate: z.string().optional() });
    const body: Record<string, unknown> = { 'decidedDate-day': '31', 'decidedDate-month': '4', 'decidedDate-year': '2026' };
    combineDateInputs(body);
    const parsed = parseForm(loose, body);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.message)).toEqual(['The date of the decision must be a real date']);
  });

  it('a body sent with the ISO field alone (the API, older tests) is left as it is', () => {
    const body: Record<string, unknown> = { decidedDate: '2026-03-02', reasons: 'x' };
    combineDateInputs(body);
    expect(dateInputErrors(body)).toEqual([]);
    expect(body.decidedDate).toBe('2026-03-02');
  });
});
