import { describe, expect, it } from 'vitest';
import { DIVISIONS } from './division.js';
import {
  calendarDataFromImport,
  diffCalendarDays,
  displayTitle,
  parseBankHolidaysDocument,
  parseBankHolidaysJson,
} from './import-bank-holidays.js';
import { bundledCalendarData, WorkingCalendar } from './working-calendar.js';

type Event = { title: string; date: string; notes: string; bunting: boolean };

/** Rebuilds a document in the official shape from the bundled data, substitutes as notes. */
function officialDocument(): Record<string, { division: string; events: Event[] }> {
  const document: Record<string, { division: string; events: Event[] }> = {};
  for (const division of DIVISIONS) {
    document[division] = {
      division,
      events: bundledCalendarData(division).days.map((day) => {
        const substitute = day.title.endsWith(' (substitute day)');
        return {
          title: substitute ? day.title.replace(' (substitute day)', '') : day.title,
          date: day.date,
          notes: substitute ? 'Substitute day' : '',
          bunting: true,
        };
      }),
    };
  }
  return document;
}

function errorsOf(result: ReturnType<typeof parseBankHolidaysJson>) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

describe('parseBankHolidaysJson', () => {
  it('reads an official-shaped document back into exactly the bundled days', () => {
    const result = parseBankHolidaysJson(JSON.stringify(officialDocument()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const division of DIVISIONS) {
      const bundled = bundledCalendarData(division).days;
      expect(diffCalendarDays(bundled, result.value[division])).toEqual({ added: [], removed: [] });
    }
    expect(result.value['england-and-wales']).toContainEqual({
      date: '2026-12-28',
      title: 'Boxing Day (substitute day)',
    });
  });

  it('sorts events by date whatever order they arrive in', () => {
    const document = officialDocument();
    document['scotland']!.events.reverse();
    const result = parseBankHolidaysDocument(document);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const dates = result.value.scotland.map((day) => day.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2018-01-01');
  });

  it.each([
    ['{not json', '(document)', /not valid JSON/],
    ['[]', '(document)', /object keyed by division/],
    ['null', '(document)', /object keyed by division/],
  ])('bad document %j → error on %s', (text, field, message) => {
    const errors = errorsOf(parseBankHolidaysJson(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe(field);
    expect(errors[0]!.message).toMatch(message);
  });

  it('reports a missing division by name', () => {
    const document = officialDocument();
    delete document['northern-ireland'];
    const errors = errorsOf(parseBankHolidaysDocument(document));
    expect(errors).toEqual([
      { field: 'northern-ireland', message: 'the northern-ireland division is missing' },
    ]);
  });

  it.each([
    [{ date: '2025-02-30' }, 'scotland.events[2].date', /real date/],
    [{ date: '2025-2-3' }, 'scotland.events[2].date', /real date/],
    [{ date: '25/12/2025' }, 'scotland.events[2].date', /real date/],
    [{ date: 20251225 }, 'scotland.events[2].date', /must be a date/],
    [{ date: undefined }, 'scotland.events[2].date', /is required/],
    [{ title: '   ' }, 'scotland.events[2].title', /must not be empty/],
    [{ title: undefined }, 'scotland.events[2].title', /is required/],
    [{ notes: 7 }, 'scotland.events[2].notes', /must be text/],
  ])('a bad event field %j → error on %s', (change, field, message) => {
    const document = officialDocument();
    const event = document['scotland']!.events[2]!;
    Object.assign(event, change);
    const errors = errorsOf(parseBankHolidaysDocument(document));
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]!.message).toMatch(message);
  });

  it('reports a division whose name does not match its key, and an empty list', () => {
    const document = officialDocument();
    document['scotland']!.division = 'wales';
    document['northern-ireland']!.events = [];
    const errors = errorsOf(parseBankHolidaysDocument(document));
    expect(errors).toEqual([
      { field: 'scotland.division', message: 'must be "scotland"' },
      { field: 'northern-ireland.events', message: 'must list at least one bank holiday' },
    ]);
  });

  it('reports a date listed twice and a year with no holidays inside the span', () => {
    const document = officialDocument();
    const events = document['england-and-wales']!.events;
    events.push({ ...events[0]! });
    document['england-and-wales']!.events = events.filter((e) => !e.date.startsWith('2021-'));
    const errors = errorsOf(parseBankHolidaysDocument(document));
    expect(errors).toEqual([
      {
        field: `england-and-wales.events[${document['england-and-wales']!.events.length - 1}].date`,
        message: '2018-01-01 is listed twice (also at events[0])',
      },
      { field: 'england-and-wales.events', message: 'lists no bank holidays in 2021, between 2018 and 2028' },
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, 0, 'x', [], {}, { scotland: 5 }, { scotland: { events: [null] } }]) {
      expect(parseBankHolidaysDocument(input).ok).toBe(false);
    }
  });
});

describe('displayTitle', () => {
  it.each([
    ['Boxing Day', 'Substitute day', 'Boxing Day (substitute day)'],
    ['Queen’s Diamond Jubilee', 'Extra bank holiday', 'Queen’s Diamond Jubilee (extra bank holiday)'],
    ['Christmas Day', '', 'Christmas Day'],
    [' Christmas Day ', undefined, 'Christmas Day'],
  ])('%j + %j → %j', (title, notes, expected) => {
    expect(displayTitle(title, notes)).toBe(expected);
  });
});

describe('calendarDataFromImport', () => {
  it('covers whole years from the first listed to the last, and builds a calendar', () => {
    const document = officialDocument();
    document['scotland']!.events = document['scotland']!.events.filter(
      (e) => e.date >= '2019' && e.date < '2027',
    );
    const result = parseBankHolidaysDocument(document);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const data = calendarDataFromImport(result.value, 'scotland', 'GOV.UK, imported 2026-03-02');
    expect(data).toMatchObject({
      division: 'scotland',
      source: 'GOV.UK, imported 2026-03-02',
      coversFrom: '2019-01-01',
      coversTo: '2026-12-31',
    });
    expect(data.days[0]).toEqual({ date: '2019-01-01', title: 'New Year’s Day' });
    const calendar = WorkingCalendar.fromData(data);
    expect(calendar.coversTo.toString()).toBe('2026-12-31');
  });
});

describe('diffCalendarDays', () => {
  it('reports added and removed days, in date order, matching on date and title', () => {
    const current = [
      { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
      { date: '2028-05-01', title: 'Early May bank holiday' },
      { date: '2028-08-28', title: 'Summer bank holiday' },
    ];
    const incoming = [
      { date: '2028-08-28', title: 'Summer bank holiday' },
      { date: '2028-05-08', title: 'Early May bank holiday' },
      { date: '2028-01-03', title: 'New Year’s Day' },
    ];
    expect(diffCalendarDays(current, incoming)).toEqual({
      added: [
        { date: '2028-01-03', title: 'New Year’s Day' },
        { date: '2028-05-08', title: 'Early May bank holiday' },
      ],
      removed: [
        { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
        { date: '2028-05-01', title: 'Early May bank holiday' },
      ],
    });
    expect(diffCalendarDays(current, current)).toEqual({ added: [], removed: [] });
  });
});
