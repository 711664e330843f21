import { Temporal } from 'temporal-polyfill';
import { CATEGORY_CODES, type CategoryCode } from '../conference/categories.js';
import { choiceSet, isOneOf } from '../choices.js';

/**
 * The register of children with a plan (RG1) as the designated manager reads it: pure helpers for
 * its filters, age bands, sorting and CSV. No clock: every date is passed in.
 */
export const { labels: AGE_BAND_LABELS, values: AGE_BANDS } = choiceSet({
  unborn: 'Unborn', '0-4': 'Under 5', '5-9': '5 to 9', '10-15': '10 to 15', '16-17': '16 or 17',
});
export type AgeBand = (typeof AGE_BANDS)[number];

export const REGISTER_SORTS = ['name', 'plan-start', 'next-review', 'category'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export const RESPONSIBLE = ['ours', 'other'] as const;
export type Responsible = (typeof RESPONSIBLE)[number];

export interface RegisterFilter {
  /** The day the register is read for: today, or a past date ("who was on a plan on …"). */
  asOf: string;
  category?: CategoryCode | undefined;
  teamId?: string | undefined;
  ageBand?: AgeBand | undefined;
  responsible?: Responsible | undefined;
  sort: RegisterSort;
  page: number;
}

export const REGISTER_PAGE_SIZE = 25;

/** Whole years from birth to a date (a birthday on 29 February counts on 28 February in other years). */
export function ageOn(dateOfBirth: string, on: string): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(on), { largestUnit: 'years' }).years;
}

/** The band a child falls in on a date; an unborn child (no date of birth) is 'unborn'; null for 18 or over. */
export function ageBandOf(dateOfBirth: string | null, on: string): AgeBand | null {
  if (!dateOfBirth) return 'unborn';
  if (dateOfBirth > on) return 'unborn';
  const age = ageOn(dateOfBirth, on);
  if (age < 5) return '0-4';
  if (age < 10) return '5-9';
  if (age < 16) return '10-15';
  if (age < 18) return '16-17';
  return null;
}

/**
 * The dates of birth a band covers on a date, for an indexed range query: born after `bornAfter`
 * and on or before `bornOnOrBefore`. The unborn band has no range (no date of birth).
 */
export function birthRangeOf(band: Exclude<AgeBand, 'unborn'>, on: string): { bornAfter: string; bornOnOrBefore: string } {
  const [lowAge, highAge] = ({ '0-4': [0, 5], '5-9': [5, 10], '10-15': [10, 16], '16-17': [16, 18] } as const)[band];
  const day = Temporal.PlainDate.from(on);
  return { bornAfter: day.subtract({ years: highAge }).toString(), bornOnOrBefore: day.subtract({ years: lowAge }).toString() };
}

export interface RegisterRowForSort {
  familyName: string;
  givenNames: string;
  planStart: string;
  nextReviewDue: string | null;
  latestCategories: readonly string[];
}

/** Sorting the register: by name, the plan start (longest first), the next review (soonest first, none last) or category. */
export function sortRegister<T extends RegisterRowForSort>(rows: readonly T[], sort: RegisterSort): T[] {
  const byName = (a: T, b: T) => a.familyName.localeCompare(b.familyName, 'en-GB') || a.givenNames.localeCompare(b.givenNames, 'en-GB');
  const compare: Record<RegisterSort, (a: T, b: T) => number> = {
    name: byName,
    'plan-start': (a, b) => a.planStart.localeCompare(b.planStart) || byName(a, b),
    'next-review': (a, b) => (a.nextReviewDue ?? '9999').localeCompare(b.nextReviewDue ?? '9999') || byName(a, b),
    category: (a, b) => a.latestCategories.join(',').localeCompare(b.latestCategories.join(',')) || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

export function isCategory(value: string): value is CategoryCode {
  return isOneOf(CATEGORY_CODES, value);
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and a leading =, +, - or @
 * neutralised with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

/** The calendar quarter a date falls in, e.g. 2026-Q1 running 1 January to 31 March. */
export function quarterOf(date: string): { quarter: string; start: string; end: string } {
  const d = Temporal.PlainDate.from(date);
  const q = Math.floor((d.month - 1) / 3) + 1;
  const start = Temporal.PlainDate.from({ year: d.year, month: (q - 1) * 3 + 1, day: 1 });
  return { quarter: `${d.year}-Q${q}`, start: start.toString(), end: start.add({ months: 3 }).subtract({ days: 1 }).toString() };
}

/** The outward code's district of a UK postcode ("ZZ1 2AB" → "ZZ1"), whatever its spacing or case. */
export function postcodeDistrict(postcode: string): string | null {
  const compact = postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length < 5 || compact.length > 7) return null;
  return compact.slice(0, compact.length - 3);
}
