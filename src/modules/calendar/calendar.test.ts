import { Temporal } from 'temporal-polyfill';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, bankHolidayCalendars } from '../../db/schema/index.js';
import { DIVISIONS } from '../../domain/calendar/division.js';
import { bundledCalendarData } from '../../domain/calendar/working-calendar.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { workingCalendar } from './calendar-store.js';
import { addClosureDay } from './closure-days.js';
import { applyCalendarImport, previewCalendarImport } from './import-calendar.js';

/** An official-shaped document for 2026–2027 built from the bundled data, plus one extra day. */
function officialDocument(extra: { date: string; title: string } | null): string {
  const doc: Record<string, unknown> = {};
  for (const division of DIVISIONS) {
    const events = bundledCalendarData(division)
      .days.filter((d) => d.date >= '2026-01-01' && d.date <= '2027-12-31')
      .map((d) => ({ title: d.title, date: d.date, notes: '', bunting: true }));
    if (extra && division === 'england-and-wales') events.push({ ...extra, notes: '', bunting: true });
    doc[division] = { division, events };
  }
  return JSON.stringify(doc);
}

describeEachEngine('calendar import and closure days', (engine) => {
  const suite = suiteDatabase(engine);
  let context: ActionContext;
  beforeAll(async () => {
    const admin = await createUser(suite.db(), { roles: ['administrator'] });
    context = { actor: toActor(admin), requestId: 'test', address: '127.0.0.1', now: new Date('2026-03-02T10:00:00Z') };
  });

  it('previews an import without changing anything', async () => {
    const changes = await previewCalendarImport(suite.db(), officialDocument({ date: '2027-06-07', title: 'Extra day' }), '2026-03-02');
    const ew = changes.find((c) => c.division === 'england-and-wales');
    expect(ew?.added).toEqual([{ date: '2027-06-07', title: 'Extra day' }]);
    expect(ew?.removed).toEqual([]);
    expect(ew?.after.coversFrom).toBe('2018-01-01'); // years not in the document are kept
    expect(await suite.db().$count(bankHolidayCalendars)).toBe(0);
  });

  it('refuses a bad document with field errors and changes nothing', async () => {
    await expect(previewCalendarImport(suite.db(), '{"scotland": 1}', '2026-03-02')).rejects.toBeInstanceOf(ValidationError);
    await expect(applyCalendarImport(suite.db(), context, 'not json')).rejects.toBeInstanceOf(ValidationError);
    expect(await suite.db().$count(bankHolidayCalendars)).toBe(0);
  });

  it('applies an import: deadlines then count on the new day, and the import is audited', async () => {
    const before = await workingCalendar(suite.db());
    expect(before.isWorkingDay(Temporal.PlainDate.from('2027-06-07'))).toBe(true);
    await applyCalendarImport(suite.db(), context, officialDocument({ date: '2027-06-07', title: 'Extra day' }));
    const after = await workingCalendar(suite.db());
    expect(after.isWorkingDay(Temporal.PlainDate.from('2027-06-07'))).toBe(false);
    expect(after.addWorkingDays(Temporal.PlainDate.from('2027-06-04'), 1).toString()).toBe('2027-06-08');
    const audits = await suite.db().select().from(auditEvents);
    expect(audits.some((a) => a.action === 'calendar-imported' && a.userId === context.actor?.id)).toBe(true);
  });

  it('adds an authority closure day that working-day counts skip, and refuses a duplicate', async () => {
    await addClosureDay(suite.db(), context, { date: '2026-12-24', title: 'Council closure' });
    const calendar = await workingCalendar(suite.db());
    expect(calendar.isWorkingDay(Temporal.PlainDate.from('2026-12-24'))).toBe(false);
    expect(calendar.addWorkingDays(Temporal.PlainDate.from('2026-12-23'), 1).toString()).toBe('2026-12-29'); // 25, 28 Dec bank holidays
    await expect(addClosureDay(suite.db(), context, { date: '2026-12-24', title: 'Again' })).rejects.toBeInstanceOf(ValidationError);
  });
});
