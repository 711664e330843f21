import { Temporal } from 'temporal-polyfill';
import type { FieldError } from '../../modules/shared/errors.js';

/** The years any date may fall in: the input guard's floor for every field. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

/**
 * The GOV.UK Design System "Date input" pattern (issue 14): a date is typed as three boxes, day,
 * month and year, and a problem is told in the pattern's own words ("… must include a month",
 * "… must be a real date", "Year must include 4 numbers"), highlighting only the boxes at fault.
 *
 * The three boxes arrive as `<name>-day`, `<name>-month` and `<name>-year`. `combineDateInputs`
 * (run on every form before its route sees it) writes `<name>` as an ISO date when the three make
 * a real one, so the forms' own schemas and the modules keep taking `YYYY-MM-DD` as before; when
 * they do not, the pattern's message is kept beside the body and `parseForm` uses it.
 */

export type DatePart = 'day' | 'month' | 'year';
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

export interface DateParts {
  day?: unknown;
  month?: unknown;
  year?: unknown;
}

export type DateInputResult =
  | { ok: true; value: string | undefined }
  | { ok: false; message: string; parts: DatePart[] };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A month as a number, a full name or its first three letters ("3", "03", "March", "mar"), as GOV.UK advises accepting. */
function monthNumber(value: string): number | null {
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const lower = value.toLowerCase().replace(/\.$/, '');
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => name === lower || name.slice(0, 3) === lower);
  return index >= 0 ? index + 1 : null;
}

function joinMissing(missing: DatePart[]): string {
  if (missing.length === 1) return missing[0]!;
  return `${missing[0]} and ${missing[1]}`;
}

function firstUpper(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function firstLower(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

/**
 * Pure: three typed boxes to an ISO date, or the GOV.UK message and the boxes to highlight.
 * `label` names the date as the question does ("Date of the decision"). A blank optional date is
 * `{ ok: true, value: undefined }`.
 */
export function parseDateInput(parts: DateParts, label: string, options: { required: boolean }): DateInputResult {
  const typed = { day: text(parts.day), month: text(parts.month), year: text(parts.year) };
  const missing = DATE_PARTS.filter((p) => typed[p] === '');
  if (missing.length === 3) {
    return options.required ? { ok: false, message: `Enter ${firstLower(label)}`, parts: [...DATE_PARTS] } : { ok: true, value: undefined };
  }
  if (missing.length > 0) return { ok: false, message: `${firstUpper(label)} must include a ${joinMissing(missing)}`, parts: missing };
  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(typed.day)) wrong.push('day');
  const month = monthNumber(typed.month);
  if (month === null) wrong.push('month');
  if (!/^\d+$/.test(typed.year)) wrong.push('year');
  if (wrong.length > 0) return { ok: false, message: `${firstUpper(label)} must be a real date`, parts: wrong };
  if (!/^\d{4}$/.test(typed.year)) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(typed.year);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, message: `${firstUpper(label)} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`, parts: ['year'] };
  const day = Number(typed.day);
  try {
    const date = Temporal.PlainDate.from({ year, month: month!, day }, { overflow: 'reject' });
    return { ok: true, value: date.toString() };
  } catch {
    // Which box is at fault: a month past 12 is the month's; otherwise the day does not exist in that month.
    const at: DatePart[] = month! < 1 || month! > 12 ? ['month'] : day < 1 || day > 31 ? ['day'] : ['day', 'month', 'year'];
    return { ok: false, message: `${firstUpper(label)} must be a real date`, parts: at };
  }
}

/** The boxes' values for a date already held as `YYYY-MM-DD` (a saved record, a default of today). */
export function datePartsOf(value: unknown): { day: string; month: string; year: string } {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/**
 * What each converted date field is called in its messages, by field name (a name means the same
 * thing on every form that uses it). A field not listed still works, with "The date" as its name.
 */
export const DATE_FIELD_LABELS: Readonly<Record<string, string>> = {
  receivedDate: 'The date received',
  decidedDate: 'The date of the decision',
  heldDate: 'The date it was held',
  concernDate: 'The date the concern came to light',
  circulatedDate: 'The date the record was circulated',
  decisionDate: 'The date of the decision to convene',
  epoExpiresOn: 'The date the emergency protection order expires',
  completedOn: 'The date it was completed',
  startedOn: 'The date it starts',
  visitedOn: 'The date of the visit',
  heldOn: 'The date of the meeting',
  planDistributedOn: 'The date the updated plan was distributed',
  dueOn: 'The date it is due',
  endedOn: 'The date the plan ends',
  receivingConferenceOn: 'The date of the new authority’s conference',
  agreementReceivedOn: 'The date the written agreement came',
  occurredOn: 'The date it happened',
  holdBy: 'The date to hold the review by',
  soughtOn: 'The date the advice was sought',
  familyToldOn: 'The date the family was told',
  requestedOn: 'The date they asked',
  proposedDate: 'The proposed date',
  fromDate: 'The date it starts from',
  closedOn: 'The closing date',
  iroConsultedOn: 'The date the IRO was consulted',
  followedUpOn: 'The date the referral was followed up',
  sharedWithChildOn: 'The date the reasons were explained',
  planStartedOn: 'The date their plan started',
  placedOn: 'The date the child was placed here',
  personDateOfBirth: 'Their date of birth',
  receivedOn: 'The date received',
  identityCheckedOn: 'The date their identity was checked',
  releasedOn: 'The date it was given',
  childDateOfBirth: 'The date of birth',
  dateOfBirth: 'The date of birth',
  dob: 'The date of birth',
  expectedDeliveryDate: 'The expected date of delivery',
  toDate: 'The date they left',
  changedOn: 'The date of the change',
  answeredOn: 'The date they answered',
  writtenConfirmationOn: 'The date of their written confirmation',
  foundOn: 'The date the child was found',
  consultedOn: 'The date the authority was consulted',
  noticeReceivedOn: 'The date notice was received',
  movedOn: 'The date the child moved',
  sharedOn: 'The date shared',
  on: 'The date',
  raisedOn: 'The date it was raised',
  openedOn: 'The date the case opened',
  advocacyOfferedOn: 'The date an advocate was offered',
  theirConferenceOn: 'The date of their conference',
  resolvedOn: 'The date it was resolved',
};

/** Where one name means something particular on one form: by route, then field. */
export const DATE_FIELD_LABELS_BY_ROUTE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '/conferences/:id/book': { date: 'The date of the conference' },
  '/conferences/:id/rearrange': { date: 'The date of the conference' },
  '/section-47/:id/child-seen': { date: 'The date the child was seen' },
  '/people/:id/addresses': { fromDate: 'The date they moved in' },
  '/cp-is': { from: 'The first date', to: 'The last date' },
  '/audit': { from: 'The first date', to: 'The last date' },
  '/register': { asOf: 'The date on plan' },
  '/performance': { date: 'The day', from: 'The first date', to: 'The last date' },
  '/admin/calendar/closures': { date: 'The closure day' },
  '/deadlines/calculator': { fromDate: 'The date to count from' },
  '/people/:id/households': { fromDate: 'The date they have lived there since' },
  '/households/:id/members': { fromDate: 'The date they moved in' },
};

export interface DateInputError extends FieldError {
  /** The first box at fault, for the error summary's link. */
  href: string;
  parts: DatePart[];
}

/** The pattern's refusals per body: kept beside the body (not in it) so nothing can forge one. */
const refusals = new WeakMap<object, DateInputError[]>();

/** Names of fields sent as three boxes in this body. */
function dateInputNames(body: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(body)) {
    const match = /^(.+)-(day|month|year)$/.exec(key);
    if (match) names.add(match[1]!);
  }
  return [...names];
}

/**
 * Every `<name>-day/-month/-year` triple in a form body becomes `<name>`: the ISO date when real,
 * blank when all three are blank (the form's schema says whether that is allowed), and otherwise
 * what was typed joined up, with the pattern's message kept for `dateInputErrors`.
 */
export function combineDateInputs(body: unknown, route = ''): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const fields = body as Record<string, unknown>;
  const errors: DateInputError[] = [];
  for (const name of dateInputNames(fields)) {
    const parts = { day: fields[`${name}-day`], month: fields[`${name}-month`], year: fields[`${name}-year`] };
    const label = DATE_FIELD_LABELS_BY_ROUTE[route]?.[name] ?? DATE_FIELD_LABELS[name] ?? 'The date';
    const result = parseDateInput(parts, label, { required: false });
    if (result.ok) {
      fields[name] = result.value ?? '';
      continue;
    }
    fields[name] = `${text(parts.year)}-${text(parts.month)}-${text(parts.day)}`;
    errors.push({ field: name, message: result.message, href: `#${name}-${result.parts[0] ?? 'day'}`, parts: result.parts });
  }
  if (errors.length > 0) refusals.set(fields, errors);
}

/** The date-input refusals `combineDateInputs` found in this body (none for a body it never saw). */
export function dateInputErrors(body: unknown): DateInputError[] {
  return body && typeof body === 'object' ? (refusals.get(body) ?? []) : [];
}

/**
 * A form's field errors with the pattern's own message in place of whatever the schema said about
 * a date typed as three boxes ("Enter a real date, like 2026-03-02" for a missing month).
 */
export function withDateInputErrors<E extends FieldError>(body: unknown, errors: readonly E[]): (E | DateInputError)[] {
  const dated = dateInputErrors(body);
  if (dated.length === 0) return [...errors];
  const byField = new Map(dated.map((e) => [e.field, e]));
  const out: (E | DateInputError)[] = errors.map((e) => byField.get(e.field) ?? e);
  for (const e of dated) if (!errors.some((x) => x.field === e.field)) out.push(e);
  return out;
}

/** For a required date left blank as three boxes: the schema's own "Enter …" message links to the day box. */
export function dateErrorHref(body: unknown, field: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  return `${field}-day` in (body as Record<string, unknown>) ? `#${field}-day` : undefined;
}
