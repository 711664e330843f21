import type { Database } from '../../db/client.js';
import { bankHolidayCalendars } from '../../db/schema/index.js';
import { DIVISIONS, type Division } from '../../domain/calendar/division.js';
import { diffCalendarDays, parseBankHolidaysJson, type ImportedBankHolidays } from '../../domain/calendar/import-bank-holidays.js';
import type { BankHolidayCalendarData, CalendarDay } from '../../domain/calendar/types.js';
import { mayManageUsers } from '../../policies/accounts.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { calendarChanged, calendarData } from './calendar-store.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

export interface DivisionChange {
  division: Division;
  added: CalendarDay[];
  removed: CalendarDay[];
  before: { coversFrom: string; coversTo: string };
  after: BankHolidayCalendarData;
}

/**
 * The imported years replace those years of the current calendar; years the import does not
 * list are kept, so importing a shorter official list never shrinks what is covered.
 */
function merge(current: BankHolidayCalendarData, incoming: CalendarDay[], source: string): BankHolidayCalendarData {
  const years = new Set(incoming.map((d) => d.date.slice(0, 4)));
  const kept = current.days.filter((d) => !years.has(d.date.slice(0, 4)));
  const days = [...kept, ...incoming].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sortedYears = [...years].sort();
  const firstYear = sortedYears[0] ?? current.coversFrom.slice(0, 4);
  const lastYear = sortedYears[sortedYears.length - 1] ?? current.coversTo.slice(0, 4);
  const coversFrom = `${firstYear}-01-01` < current.coversFrom ? `${firstYear}-01-01` : current.coversFrom;
  const coversTo = `${lastYear}-12-31` > current.coversTo ? `${lastYear}-12-31` : current.coversTo;
  return { division: current.division, source, coversFrom, coversTo, days };
}

function parse(text: string): ImportedBankHolidays {
  const parsed = parseBankHolidaysJson(text);
  if (!parsed.ok) throw new ValidationError(parsed.errors.map((e) => ({ field: e.field, message: e.message })));
  return parsed.value;
}

/** What an import would change, per division; nothing is written. */
export async function previewCalendarImport(db: Database, text: string, importedOn: string): Promise<DivisionChange[]> {
  const imported = parse(text);
  const changes: DivisionChange[] = [];
  for (const division of DIVISIONS) {
    const current = await calendarData(db, division);
    const after = merge(current, imported[division], `Imported from the official bank-holidays document on ${importedOn}`);
    const { added, removed } = diffCalendarDays(current.days, after.days);
    changes.push({ division, added, removed, before: { coversFrom: current.coversFrom, coversTo: current.coversTo }, after });
  }
  return changes;
}

export async function applyCalendarImport(db: Database, context: ActionContext, text: string): Promise<DivisionChange[]> {
  if (context.actor && !mayManageUsers(context.actor)) throw new ForbiddenError('Only administrators import calendars.');
  const changes = await previewCalendarImport(db, text, londonIsoDate(context.now));
  try {
    await db.transaction(async (tx) => {
      for (const change of changes) {
        await tx
          .insert(bankHolidayCalendars)
          .values({ division: change.division, data: change.after, importedAt: context.now, importedBy: context.actor?.id ?? null })
          .onConflictDoUpdate({
            target: bankHolidayCalendars.division,
            set: { data: change.after, importedAt: context.now, importedBy: context.actor?.id ?? null },
          });
      }
      await recordAudit(tx, context, {
        action: 'calendar-imported',
        recordType: 'calendar',
        details: Object.fromEntries(changes.map((c) => [c.division, { added: c.added.length, removed: c.removed.length }])),
      });
    });
  } finally {
    calendarChanged();
  }
  return changes;
}
