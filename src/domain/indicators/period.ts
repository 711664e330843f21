import { Temporal } from 'temporal-polyfill';

/**
 * The span an indicator is measured over: a calendar month, a calendar quarter, a census year
 * (1 April – 31 March, CENSUS.md) or any custom span. Both ends are inclusive dates.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'census-year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export class PeriodError extends Error {}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function date(text: string, what: string): Temporal.PlainDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new PeriodError(`${what} must be a date as YYYY-MM-DD, not “${text}”.`);
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new PeriodError(`${what} “${text}” is not a real date.`);
  }
}

/** A custom period; refused when it ends before it starts. */
export function customPeriod(from: string, to: string): Period {
  const a = date(from, 'The start of the period');
  const b = date(to, 'The end of the period');
  if (Temporal.PlainDate.compare(b, a) < 0) {
    throw new PeriodError(`The period ends (${to}) before it starts (${from}): give an end on or after the start.`);
  }
  return { kind: 'custom', from: a.toString(), to: b.toString(), label: `${a.toString()} to ${b.toString()}` };
}

/** The calendar month containing `day`. */
export function monthPeriod(day: string): Period {
  const d = date(day, 'The day');
  const first = d.with({ day: 1 });
  return { kind: 'month', from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString(), label: `${MONTHS[d.month - 1]} ${d.year}` };
}

/** The calendar quarter (January–March, April–June, …) containing `day`. */
export function quarterPeriod(day: string): Period {
  const d = date(day, 'The day');
  const startMonth = Math.floor((d.month - 1) / 3) * 3 + 1;
  const first = Temporal.PlainDate.from({ year: d.year, month: startMonth, day: 1 });
  const last = first.add({ months: 3 }).subtract({ days: 1 });
  return { kind: 'quarter', from: first.toString(), to: last.toString(), label: `${MONTHS[startMonth - 1]} to ${MONTHS[startMonth + 1]} ${d.year}` };
}

/** The census year (1 April – 31 March) containing `day`; its ReferenceDate is the 31 March that ends it. */
export function censusYearPeriod(day: string): Period {
  const d = date(day, 'The day');
  const startYear = d.month >= 4 ? d.year : d.year - 1;
  return {
    kind: 'census-year',
    from: `${startYear}-04-01`,
    to: `${startYear + 1}-03-31`,
    label: `Census year ${startYear} to ${startYear + 1}`,
  };
}

export function periodOf(kind: PeriodKind, from: string, to?: string): Period {
  switch (kind) {
    case 'month':
      return monthPeriod(from);
    case 'quarter':
      return quarterPeriod(from);
    case 'census-year':
      return censusYearPeriod(from);
    case 'custom':
      return customPeriod(from, to ?? from);
  }
}

export function inPeriod(period: Pick<Period, 'from' | 'to'>, day: string | null | undefined): day is string {
  return day != null && day >= period.from && day <= period.to;
}

/** The calendar months a period touches, each clipped to the period, oldest first. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): Period[] {
  const months: Period[] = [];
  let cursor = Temporal.PlainDate.from(period.from).with({ day: 1 });
  const end = Temporal.PlainDate.from(period.to);
  while (Temporal.PlainDate.compare(cursor, end) <= 0) {
    const month = monthPeriod(cursor.toString());
    months.push({ ...month, from: month.from < period.from ? period.from : month.from, to: month.to > period.to ? period.to : month.to });
    cursor = cursor.add({ months: 1 });
  }
  return months;
}
