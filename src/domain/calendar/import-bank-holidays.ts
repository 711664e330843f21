import { z } from 'zod';
import { DIVISIONS, type Division } from './division.js';
import { parseIsoDate } from './epoch-day.js';
import type { BankHolidayCalendarData, CalendarDay } from './types.js';

// Reads the official UK bank-holidays document (https://www.gov.uk/bank-holidays.json) so an
// administrator can load a newer list than the one bundled. Pure: the caller fetches or uploads
// the text and stores the result.

export interface ImportFieldError {
  /** Where in the document, e.g. "scotland.events[3].date"; "(document)" for the whole. */
  field: string;
  message: string;
}

/** Each division's days, in date order, titled as the calendar shows them. */
export type ImportedBankHolidays = Record<Division, CalendarDay[]>;

export type BankHolidayImportResult =
  | { ok: true; value: ImportedBankHolidays }
  | { ok: false; errors: ImportFieldError[] };

/** zod error text that tells a missing field from a wrong one. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`);
}

const eventSchema = z.object(
  {
    title: z.string({ error: expected('text') }).trim().min(1, { error: 'must not be empty' }),
    date: z
      .string({ error: expected('a date in YYYY-MM-DD form') })
      .refine((text) => parseIsoDate(text) !== null, {
        error: 'must be a real date in YYYY-MM-DD form',
      }),
    notes: z.string({ error: 'must be text' }).optional(),
    bunting: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'must be an object with a title and a date' },
);

function divisionSchema(division: Division) {
  return z.object(
    {
      division: z.literal(division, { error: expected(`"${division}"`) }),
      events: z
        .array(eventSchema, { error: expected('a list of bank holidays') })
        .min(1, { error: 'must list at least one bank holiday' }),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? `the ${division} division is missing`
          : 'must be an object with "division" and "events"',
    },
  );
}

const documentSchema = z.object(
  {
    'england-and-wales': divisionSchema('england-and-wales'),
    scotland: divisionSchema('scotland'),
    'northern-ireland': divisionSchema('northern-ireland'),
  },
  { error: 'must be a JSON object keyed by division' },
);

/** Parses the text of a bank-holidays document. Never throws. */
export function parseBankHolidaysJson(text: string): BankHolidayImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { ok: false, errors: [{ field: '(document)', message: `is not valid JSON${detail}` }] };
  }
  return parseBankHolidaysDocument(document);
}

/** Validates an already-decoded bank-holidays document. Never throws. */
export function parseBankHolidaysDocument(document: unknown): BankHolidayImportResult {
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: fieldName(issue.path),
        message: issue.message,
      })),
    };
  }
  const errors: ImportFieldError[] = [];
  const value = {} as ImportedBankHolidays;
  for (const division of DIVISIONS) {
    const events = parsed.data[division].events;
    errors.push(...consistencyErrors(division, events));
    value[division] = events
      .map((event) => ({ date: event.date, title: displayTitle(event.title, event.notes) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * A substitute day is published under the holiday's own title with a note; the calendar shows
 * both, because "Boxing Day" on 28 December would puzzle a reader.
 */
export function displayTitle(title: string, notes: string | undefined): string {
  const note = notes?.trim() ?? '';
  if (note === '') return title.trim();
  return `${title.trim()} (${note.charAt(0).toLowerCase()}${note.slice(1)})`;
}

/**
 * Calendar data for one division. The span runs from 1 January of the first year listed to
 * 31 December of the last, on the footing that the document lists whole years.
 */
export function calendarDataFromImport(
  imported: ImportedBankHolidays,
  division: Division,
  source: string,
): BankHolidayCalendarData {
  const days = imported[division];
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) {
    throw new RangeError(`The imported calendar has no bank holidays for ${division}.`);
  }
  return {
    division,
    source,
    coversFrom: `${first.date.slice(0, 4)}-01-01`,
    coversTo: `${last.date.slice(0, 4)}-12-31`,
    days: days.map((day) => ({ ...day })),
  };
}

/**
 * What an import would change. A day is matched on date and title together, so a renamed day
 * shows as one removed and one added.
 */
export function diffCalendarDays(
  current: CalendarDay[],
  incoming: CalendarDay[],
): { added: CalendarDay[]; removed: CalendarDay[] } {
  const key = (day: CalendarDay) => `${day.date}\u0000${day.title}`;
  const currentKeys = new Set(current.map(key));
  const incomingKeys = new Set(incoming.map(key));
  const byDate = (a: CalendarDay, b: CalendarDay) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title);
  return {
    added: incoming.filter((day) => !currentKeys.has(key(day))).map(copy).sort(byDate),
    removed: current.filter((day) => !incomingKeys.has(key(day))).map(copy).sort(byDate),
  };
}

function copy(day: CalendarDay): CalendarDay {
  return { date: day.date, title: day.title };
}

/**
 * Checks the schema cannot express. A year with no holidays inside the listed span would be
 * read as a year without bank holidays, pushing every deadline in it too early.
 */
function consistencyErrors(
  division: Division,
  events: ReadonlyArray<{ date: string }>,
): ImportFieldError[] {
  const errors: ImportFieldError[] = [];
  const firstIndexOfDate = new Map<string, number>();
  events.forEach((event, index) => {
    const earlier = firstIndexOfDate.get(event.date);
    if (earlier === undefined) firstIndexOfDate.set(event.date, index);
    else {
      errors.push({
        field: `${division}.events[${index}].date`,
        message: `${event.date} is listed twice (also at events[${earlier}])`,
      });
    }
  });
  const years = new Set(events.map((event) => Number(event.date.slice(0, 4))));
  const first = Math.min(...years);
  const last = Math.max(...years);
  for (let year = first; year <= last; year += 1) {
    if (!years.has(year)) {
      errors.push({
        field: `${division}.events`,
        message: `lists no bank holidays in ${year}, between ${first} and ${last}`,
      });
    }
  }
  return errors;
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? '(document)' : name;
}
